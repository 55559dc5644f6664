package dev.supervisor.core.cron;

import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.Supervisor;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a schedule starts when it fires. Called on the scheduler's timer thread, under the scheduler's lock: it must
 * hand work off quickly (submitting a workflow does) rather than do it. The returned execution's completion is
 * observed under the same lock, so complete it without holding a lock that the timer thread may also need (the
 * engine completes run outcomes outside its own lock).
 */
@FunctionalInterface
public interface ScheduleTarget {
    /**
     * @param fire the fire
     * @return the started work
     * @throws Exception if the work could not be started; the scheduler logs it and counts a failed fire
     */
    FireExecution fire(ScheduledFire fire) throws Exception;

    /**
     * @param supervisor the engine to submit to
     * @param workflow the workflow each fire runs
     * @param inputs builds the run's inputs from the fire (for example its scheduled time)
     * @return a target submitting one run per fire
     */
    static ScheduleTarget workflow(Supervisor supervisor, WorkflowSpec workflow,
                                   Function<ScheduledFire, Map<String, ?>> inputs) {
        Objects.requireNonNull(supervisor, "supervisor");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(inputs, "inputs");
        return fire -> FireExecution.of(supervisor.submit(workflow, inputs.apply(fire)));
    }

    /**
     * @param supervisor the engine to submit to
     * @param workflow the workflow each fire runs, with inputs {@code scheduledAt} and {@code scheduleId}
     * @return a target submitting one run per fire
     */
    static ScheduleTarget workflow(Supervisor supervisor, WorkflowSpec workflow) {
        return workflow(supervisor, workflow, f -> Map.of("scheduledAt", f.scheduledAt().toString(),
                "scheduleId", f.scheduleId()));
    }

    /**
     * @param supervisor the engine to submit to
     * @param task the single task each fire runs, as a one-task workflow named after the task
     * @return a target submitting one single-task run per fire, with inputs {@code scheduledAt} and
     *         {@code scheduleId}
     */
    static ScheduleTarget task(Supervisor supervisor, TaskSpec task) {
        Objects.requireNonNull(task, "task");
        return workflow(supervisor, WorkflowSpec.builder("scheduled-" + task.id()).task(task).build());
    }

    /**
     * @param action runs synchronously on the timer thread; keep it short
     * @return a target whose work ends when {@code action} returns
     */
    static ScheduleTarget of(Consumer<ScheduledFire> action) {
        Objects.requireNonNull(action, "action");
        return fire -> {
            action.accept(fire);
            return FireExecution.done();
        };
    }
}
