package dev.supervisor.spring.boot.dashboard;

import dev.supervisor.api.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the dashboard's own endpoints answer. */
public final class DashboardModels {
    private DashboardModels() {
    }

    /**
     * Who is looking, and which of the dashboard's buttons work for them.
     *
     * @param id the caller's id
     * @param permissions each permission the dashboard asks about ({@code workflows:execute} to cancel, retry and
     *        trigger, {@code workflows:update} to pause and resume, {@code analytics:read}, {@code providers:read},
     *        {@code system:admin} for plugins) and whether the caller holds it
     */
    public record Caller(String id, Map<String, Boolean> permissions) {
    }

    /**
     * Progress of an active run.
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
     * One run in the overview.
     *
     * @param runId the run
     * @param workflowId its workflow
     * @param status its status
     * @param createdAt when it was submitted
     * @param finishedAt when it ended, or null
     * @param progress its progress while active, else null
     */
    public record RunRow(String runId, String workflowId, RunStatus status, Instant createdAt, Instant finishedAt,
                         Progress progress) {
    }

    /**
     * Which parts of Supervisor this application has, so that the dashboard shows only what it can read.
     *
     * @param events runs keep an event log (live run pages); without it run pages are read again periodically
     * @param retry runs can be retried (a run store keeps their inputs)
     * @param schedules there is a cron scheduler
     * @param providers there is a provider router
     * @param analytics there is a metric store
     * @param plugins there is a plugin host
     */
    public record Features(boolean events, boolean retry, boolean schedules, boolean providers, boolean analytics,
                           boolean plugins) {
    }

    /**
     * Running, recent and failed runs at a glance.
     *
     * @param caller who asked
     * @param features what the application has
     * @param running pending and running runs, newest first, with their progress
     * @param recent the latest runs of any status
     * @param failed the latest failed runs
     */
    public record Overview(Caller caller, Features features, List<RunRow> running, List<RunRow> recent,
                           List<RunRow> failed) {
    }

    /**
     * A task of a run's graph.
     *
     * @param id the task
     * @param type its type
     * @param level its topological level: its column
     * @param row its place within the column
     * @param critical true when its estimated slack is zero (delaying it delays the run)
     * @param estimateMillis its estimated duration
     */
    public record Node(String id, String type, int level, int row, boolean critical, long estimateMillis) {
    }

    /**
     * What the caller may do with the run.
     *
     * @param cancel may cancel it
     * @param retry may start it again (the run ended, and a run store keeps its inputs)
     */
    public record Actions(boolean cancel, boolean retry) {
    }

    /**
     * A run's workflow as a layered graph.
     *
     * @param runId the run
     * @param workflowId its workflow
     * @param levels number of columns
     * @param maxWidth tasks in the widest column
     * @param nodes the tasks
     * @param edges dependencies as {@code [upstream, downstream]} indexes into {@code nodes}
     * @param criticalPath the chain of tasks that sets the run's duration, from estimated durations
     * @param criticalPathMillis its estimated length
     * @param actions what the caller may do with the run
     */
    public record RunGraph(String runId, String workflowId, int levels, int maxWidth, List<Node> nodes,
                           List<int[]> edges, List<String> criticalPath, long criticalPathMillis, Actions actions) {
    }

    /**
     * A run started again.
     *
     * @param runId the new run
     * @param retryOf the run it repeats
     */
    public record Retried(String runId, String retryOf) {
    }
}
