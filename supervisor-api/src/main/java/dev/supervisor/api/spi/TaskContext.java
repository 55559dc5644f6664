package dev.supervisor.api.spi;

import dev.supervisor.api.TaskSpec;
import java.time.Clock;
import java.util.Map;

/**
 * What a {@link TaskHandler} sees of the attempt it runs.
 */
public interface TaskContext {
    /** @return the run id */
    String runId();

    /** @return the workflow id */
    String workflowId();

    /** @return the task specification (id, type, config, ...) */
    TaskSpec task();

    /** @return the attempt number, starting at 1 */
    int attempt();

    /**
     * A key unique to this task in this run, stable across attempts and process restarts: use it to make side
     * effects idempotent, since execution is at-least-once when a lease is reclaimed.
     *
     * @return the idempotency key
     */
    String idempotencyKey();

    /** @return the run's inputs (unmodifiable, JSON-compatible) */
    Map<String, Object> inputs();

    /** @return outputs of the tasks this one depends on, keyed by task id (only those that succeeded) */
    Map<String, Object> upstreamOutputs();

    /**
     * @param taskId an upstream task id
     * @return its output, or null if it produced none or is not a dependency
     */
    default Object upstreamOutput(String taskId) {
        return upstreamOutputs().get(taskId);
    }

    /** @return true once the attempt should stop: timeout, run cancelled or shutdown */
    boolean isCancelled();

    /** @return the supervisor's clock */
    Clock clock();

    /**
     * @return for an instance of a fan-out task, its element of the fanned-out list; empty otherwise
     */
    default java.util.Optional<Object> fanOutItem() {
        return java.util.Optional.empty();
    }

    /**
     * @return for an instance of a fan-out task, its position in the list (0-based); -1 otherwise
     */
    default int fanOutIndex() {
        return -1;
    }

    /**
     * Makes this task a branch: when it succeeds, only the named direct downstream tasks run; the other direct
     * downstream tasks are SKIPPED (their own downstream then follows the trigger rules). The last call wins.
     *
     * @param taskIds ids of direct downstream tasks
     * @throws IllegalArgumentException if an id is not a direct downstream task of this one
     */
    void selectBranches(java.util.Collection<String> taskIds);

    /**
     * Reports how this attempt was carried out — by which provider, at what cost, through which calls. The engine
     * puts provider and cost on the attempt's success or failure event and publishes each call. The last report
     * before the handler returns (or throws) counts.
     *
     * @param report the report
     */
    default void report(AttemptReport report) {
    }

    /**
     * Short-circuits: when this task succeeds, every task downstream of it is SKIPPED, whatever its trigger rule.
     */
    void shortCircuit();
}
