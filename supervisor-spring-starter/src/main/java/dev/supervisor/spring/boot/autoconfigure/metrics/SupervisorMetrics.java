package dev.supervisor.spring.boot.autoconfigure.metrics;

import static dev.supervisor.spring.boot.autoconfigure.metrics.SupervisorMetricNames.CONCURRENCY_LIMIT;
import static dev.supervisor.spring.boot.autoconfigure.metrics.SupervisorMetricNames.EVENTS_DROPPED;
import static dev.supervisor.spring.boot.autoconfigure.metrics.SupervisorMetricNames.EVENTS_LISTENER_FAILURES;
import static dev.supervisor.spring.boot.autoconfigure.metrics.SupervisorMetricNames.RUNS_ACTIVE;
import static dev.supervisor.spring.boot.autoconfigure.metrics.SupervisorMetricNames.RUNS_FINISHED;
import static dev.supervisor.spring.boot.autoconfigure.metrics.SupervisorMetricNames.RUNS_STARTED;
import static dev.supervisor.spring.boot.autoconfigure.metrics.SupervisorMetricNames.RUN_DURATION;
import static dev.supervisor.spring.boot.autoconfigure.metrics.SupervisorMetricNames.TASKS_FINISHED;
import static dev.supervisor.spring.boot.autoconfigure.metrics.SupervisorMetricNames.TASKS_QUEUED;
import static dev.supervisor.spring.boot.autoconfigure.metrics.SupervisorMetricNames.TASKS_RUNNING;
import static dev.supervisor.spring.boot.autoconfigure.metrics.SupervisorMetricNames.TASKS_STARTED;
import static dev.supervisor.spring.boot.autoconfigure.metrics.SupervisorMetricNames.TASK_COST;
import static dev.supervisor.spring.boot.autoconfigure.metrics.SupervisorMetricNames.TASK_DURATION;
import static dev.supervisor.spring.boot.autoconfigure.metrics.SupervisorMetricNames.TASK_QUEUE_WAIT;
import static dev.supervisor.spring.boot.autoconfigure.metrics.SupervisorMetricNames.TASK_RETRIES;

import dev.supervisor.api.event.EventBus;
import dev.supervisor.api.event.RunFinished;
import dev.supervisor.api.event.RunStarted;
import dev.supervisor.api.event.Subscription;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.event.TaskCancelled;
import dev.supervisor.api.event.TaskFailed;
import dev.supervisor.api.event.TaskRetrying;
import dev.supervisor.api.event.TaskSkipped;
import dev.supervisor.api.event.TaskStarted;
import dev.supervisor.api.event.TaskSucceeded;
import dev.supervisor.core.Supervisor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Supervisor's meters: counts of runs and tasks by state, type and provider, duration timers with percentiles,
 * retries and cost, all from the supervisor's events (subscribed synchronously, so nothing is dropped), plus
 * gauges of active runs, running attempts and queue depth read from {@link Supervisor#stats()}. Names are in
 * {@link SupervisorMetricNames}; Boot binds this to every registry.
 */
public class SupervisorMetrics implements MeterBinder, AutoCloseable {
    private static final double[] PERCENTILES = {0.5, 0.95, 0.99};

    private final Supervisor supervisor;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    /** @param supervisor the supervisor to measure */
    public SupervisorMetrics(Supervisor supervisor) {
        this.supervisor = Objects.requireNonNull(supervisor, "supervisor");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(RUNS_ACTIVE, supervisor, s -> s.stats().activeRuns()).description("Runs not yet ended")
                .register(registry);
        Gauge.builder(TASKS_RUNNING, supervisor, s -> s.stats().runningAttempts())
                .description("Attempts executing on this node").register(registry);
        Gauge.builder(TASKS_QUEUED, supervisor, s -> s.stats().queuedTasks())
                .description("Ready tasks waiting for a free slot").register(registry);
        Gauge.builder(CONCURRENCY_LIMIT, supervisor, s -> s.stats().maxConcurrency())
                .description("Most attempts executing at once").register(registry);
        EventBus bus = supervisor.events();
        FunctionCounter.builder(EVENTS_DROPPED, bus, EventBus::droppedEvents).register(registry);
        FunctionCounter.builder(EVENTS_LISTENER_FAILURES, bus, EventBus::listenerFailures).register(registry);
        subscriptions.add(bus.subscribe(SupervisorEvent.class, e -> record(registry, e)));
    }

    private static void record(MeterRegistry r, SupervisorEvent event) {
        if (event instanceof RunStarted e) {
            counter(r, RUNS_STARTED, Tags.of("workflow", e.workflowId())).increment();
        } else if (event instanceof RunFinished e) {
            Tags tags = Tags.of("workflow", e.workflowId(), "status", e.status().name());
            counter(r, RUNS_FINISHED, tags).increment();
            timer(r, RUN_DURATION, tags).record(nonNull(e.duration()));
        } else if (event instanceof TaskStarted e) {
            counter(r, TASKS_STARTED, task(e.taskType(), e.provider())).increment();
            timer(r, TASK_QUEUE_WAIT, Tags.of("type", e.taskType())).record(nonNull(e.queueWait()));
        } else if (event instanceof TaskSucceeded e) {
            ended(r, e.taskType(), e.provider(), "SUCCEEDED", e.duration(), e.cost());
        } else if (event instanceof TaskFailed e) {
            ended(r, e.taskType(), e.provider(), e.state().name(), e.duration(), e.cost());
        } else if (event instanceof TaskSkipped e) {
            counter(r, TASKS_FINISHED, task(e.taskType(), e.provider()).and("state", "SKIPPED")).increment();
        } else if (event instanceof TaskCancelled e) {
            counter(r, TASKS_FINISHED, task(e.taskType(), e.provider()).and("state", "CANCELLED")).increment();
        } else if (event instanceof TaskRetrying e) {
            counter(r, TASK_RETRIES, task(e.taskType(), e.provider())).increment();
        }
    }

    private static void ended(MeterRegistry r, String type, String provider, String state, Duration d, double cost) {
        Tags tags = task(type, provider).and("state", state);
        counter(r, TASKS_FINISHED, tags).increment();
        timer(r, TASK_DURATION, tags).record(nonNull(d));
        if (cost > 0) {
            counter(r, TASK_COST, task(type, provider)).increment(cost);
        }
    }

    private static Tags task(String type, String provider) {
        return Tags.of("type", type, "provider", provider == null ? "none" : provider);
    }

    private static Duration nonNull(Duration d) {
        return d == null ? Duration.ZERO : d;
    }

    private static Counter counter(MeterRegistry r, String name, Tags tags) {
        return Counter.builder(name).tags(tags).register(r);
    }

    private static Timer timer(MeterRegistry r, String name, Tags tags) {
        return Timer.builder(name).tags(tags).publishPercentiles(PERCENTILES).register(r);
    }

    /** Stops counting events. */
    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }
}
