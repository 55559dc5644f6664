package dev.supervisor.spring.boot.autoconfigure.metrics;

/**
 * Names of the meters Supervisor registers (Prometheus writes dots as underscores and adds unit suffixes, e.g.
 * {@code supervisor_task_duration_seconds}).
 */
public final class SupervisorMetricNames {
    /** Runs started, by {@code workflow}. */
    public static final String RUNS_STARTED = "supervisor.runs.started";
    /** Runs ended, by {@code workflow} and {@code status}. */
    public static final String RUNS_FINISHED = "supervisor.runs.finished";
    /** Run durations, by {@code workflow} and {@code status}, with percentiles. */
    public static final String RUN_DURATION = "supervisor.run.duration";
    /** Runs this node drives that have not ended (gauge). */
    public static final String RUNS_ACTIVE = "supervisor.runs.active";
    /** Attempts started, by {@code type} and {@code provider}. */
    public static final String TASKS_STARTED = "supervisor.tasks.started";
    /** Tasks ended, by {@code type}, {@code provider} and {@code state}. */
    public static final String TASKS_FINISHED = "supervisor.tasks.finished";
    /** Attempt durations, by {@code type}, {@code provider} and {@code state}, with percentiles. */
    public static final String TASK_DURATION = "supervisor.task.duration";
    /** Time from ready to started, by {@code type}, with percentiles. */
    public static final String TASK_QUEUE_WAIT = "supervisor.task.queue.wait";
    /** Retries scheduled, by {@code type} and {@code provider}. */
    public static final String TASK_RETRIES = "supervisor.task.retries";
    /** Cost reported by ended tasks, by {@code type} and {@code provider}. */
    public static final String TASK_COST = "supervisor.task.cost";
    /** Attempts executing on this node now (gauge). */
    public static final String TASKS_RUNNING = "supervisor.tasks.running";
    /** Ready tasks waiting for a free slot: the queue depth (gauge). */
    public static final String TASKS_QUEUED = "supervisor.tasks.queued";
    /** Most attempts this node executes at once (gauge). */
    public static final String CONCURRENCY_LIMIT = "supervisor.concurrency.limit";
    /** Event deliveries dropped because an asynchronous subscriber's queue was full. */
    public static final String EVENTS_DROPPED = "supervisor.events.dropped";
    /** Event listener invocations that threw. */
    public static final String EVENTS_LISTENER_FAILURES = "supervisor.events.listener.failures";
    /** Provider calls ended, by {@code provider} and {@code outcome} (success or the failure kind). */
    public static final String PROVIDER_CALLS = "supervisor.provider.calls";
    /** Provider call durations, by {@code provider}. */
    public static final String PROVIDER_CALL_DURATION = "supervisor.provider.call.duration";
    /** Circuit breaker transitions, by {@code provider}, {@code from} and {@code to}. */
    public static final String PROVIDER_CIRCUIT_TRANSITIONS = "supervisor.provider.circuit.transitions";
    /** Circuit state by {@code provider}: 0 closed, 1 half-open, 2 open (gauge). */
    public static final String PROVIDER_CIRCUIT_STATE = "supervisor.provider.circuit.state";
    /** Tokens used, by {@code provider} and {@code direction} (input or output). */
    public static final String PROVIDER_TOKENS = "supervisor.provider.tokens";
    /** Money spent, by {@code provider} and {@code currency}. */
    public static final String PROVIDER_COST = "supervisor.provider.cost";

    private SupervisorMetricNames() {
    }
}
