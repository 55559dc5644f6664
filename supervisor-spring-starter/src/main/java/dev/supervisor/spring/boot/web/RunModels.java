package dev.supervisor.spring.boot.web;

import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunPage;
import dev.supervisor.api.RunProgress;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskOutcome;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.TaskRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the run endpoints answer. */
public final class RunModels {
    private RunModels() {
    }

    /**
     * One run in a listing.
     *
     * @param runId the run
     * @param workflowId its workflow
     * @param status its status
     * @param createdAt when it was submitted
     * @param finishedAt when it ended, or null
     */
    public record RunSummary(String runId, String workflowId, RunStatus status, Instant createdAt,
                             Instant finishedAt) {
    }

    /**
     * A page of runs, newest first.
     *
     * @param runs the runs
     * @param next the cursor of the next page (pass it as {@code cursor}), or null on the last page
     */
    public record RunList(List<RunSummary> runs, String next) {
    }

    /**
     * Progress of a run.
     *
     * @param total tasks in the run
     * @param done tasks that ended
     * @param running tasks executing now
     * @param failed tasks that failed
     * @param etaMillis estimated time left in milliseconds, or null when unknown
     */
    public record Progress(int total, int done, int running, int failed, Long etaMillis) {
    }

    /**
     * One task of a run.
     *
     * @param id the task id
     * @param type its type, or null for a fan-out instance
     * @param state its state
     * @param attempts attempts started, or null when not known yet
     * @param startedAt first start, or null
     * @param finishedAt when it ended, or null
     * @param error the last failure, or null
     * @param output its output on success, or null
     */
    public record TaskView(String id, String type, TaskState state, Integer attempts, Instant startedAt,
                           Instant finishedAt, String error, Object output) {
    }

    /**
     * A run with its tasks.
     *
     * @param runId the run
     * @param workflowId its workflow
     * @param status its status
     * @param createdAt when it was submitted, or null when not known
     * @param finishedAt when it ended, or null
     * @param progress its progress
     * @param tasks every task, in workflow order
     * @param criticalPath once ended, the chain of tasks that set its duration; else empty
     */
    public record RunDetail(String runId, String workflowId, RunStatus status, Instant createdAt, Instant finishedAt,
                            Progress progress, List<TaskView> tasks, List<String> criticalPath) {
    }

    static RunSummary summary(RunRecord r) {
        return new RunSummary(r.runId(), r.workflowId(), r.status(), r.createdAt(), r.finishedAt());
    }

    static RunList list(RunPage page) {
        return new RunList(page.runs().stream().map(RunModels::summary).toList(), page.nextCursor());
    }

    /**
     * @param run the handle
     * @param stored the stored run, or null without a store
     * @param records the stored tasks, or null without a store
     */
    static RunDetail detail(RunHandle run, RunRecord stored, List<TaskRecord> records) {
        RunOutcome outcome = run.outcome().isDone() && !run.outcome().isCompletedExceptionally()
                ? run.outcome().join() : null;
        Map<String, String> types = new HashMap<>();
        for (TaskSpec t : run.workflow().tasks()) {
            types.put(t.id(), t.type().name());
        }
        List<TaskView> tasks = new ArrayList<>();
        Progress progress;
        RunStatus status;
        if (outcome != null) {
            // Everything from the outcome: an ended run needs nothing of the engine (whose lock it would wait for).
            status = outcome.status();
            int failed = 0;
            for (TaskOutcome o : outcome.tasks().values()) {
                tasks.add(new TaskView(o.taskId(), types.get(o.taskId()), o.state(), o.attempts(), o.startedAt(),
                        o.finishedAt(), o.error(), o.output()));
                failed += o.state().isFailure() ? 1 : 0;
            }
            progress = new Progress(tasks.size(), tasks.size(), 0, failed, 0L);
        } else {
            status = run.status();
            RunProgress p = run.progress();
            progress = new Progress(p.total(), p.done(), p.running(), p.failed(),
                    p.eta().map(d -> d.toMillis()).orElse(null));
            Map<String, TaskRecord> byId = new HashMap<>();
            if (records != null) {
                records.forEach(r -> byId.put(r.taskId(), r));
            }
            run.taskStates().forEach((id, state) -> {
                TaskRecord r = byId.get(id);
                tasks.add(r == null ? new TaskView(id, types.get(id), state, null, null, null, null, null)
                        : new TaskView(id, types.get(id), state, r.attempt(), r.startedAt(), r.finishedAt(),
                                r.error(), r.state() == TaskState.SUCCEEDED ? r.output() : null));
            });
        }
        Instant created = stored != null ? stored.createdAt() : outcome != null ? outcome.startedAt() : null;
        Instant finished = stored != null && stored.finishedAt() != null ? stored.finishedAt()
                : outcome != null ? outcome.finishedAt() : null;
        return new RunDetail(run.runId(), run.workflow().id(), status, created, finished, progress, tasks,
                outcome == null ? List.of() : outcome.criticalPath());
    }
}
