package dev.supervisor.spring.boot.autoconfigure.tracing;

import dev.supervisor.api.event.RunEvent;
import dev.supervisor.api.event.RunFinished;
import dev.supervisor.api.event.RunStarted;
import dev.supervisor.api.event.Subscription;
import dev.supervisor.api.spi.AttemptInterceptor;
import dev.supervisor.api.spi.TaskContext;
import dev.supervisor.core.Supervisor;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.Ordered;

/**
 * Micrometer observations of runs and attempts — with a tracing bridge, a span per run and a child span per
 * attempt. The run's observation starts at {@code RunStarted} and stops at {@code RunFinished}; each attempt's
 * observation is the run's child and is current (in scope) on the handler's thread while the handler runs, so the
 * handler's own observed calls (HTTP clients, JDBC, its own observations) nest under it. Retries are separate
 * attempts, each its own child of the run, tagged with its number.
 *
 * <p>Low-cardinality keys: {@code workflow}, {@code task.type}, {@code attempt}, {@code outcome} (attempts) and
 * {@code status} (runs); high-cardinality: {@code run.id}, {@code task.id}. It runs outermost of the interceptors.
 */
public class ObservationAttemptInterceptor implements AttemptInterceptor, Ordered, AutoCloseable {
    /** Observation name of a run. */
    public static final String RUN = "supervisor.run";
    /** Observation name of an attempt. */
    public static final String ATTEMPT = "supervisor.attempt";

    private final ObservationRegistry registry;
    private final Map<String, Observation> runs = new ConcurrentHashMap<>();
    private volatile Subscription subscription;

    /** @param registry where observations go */
    public ObservationAttemptInterceptor(ObservationRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Starts following a supervisor's runs (their events give the run observations).
     *
     * @param supervisor the supervisor this interceptor is configured in
     */
    public void follow(Supervisor supervisor) {
        subscription = supervisor.events().subscribe(RunEvent.class, this::onRunEvent);
    }

    private void onRunEvent(RunEvent event) {
        if (event instanceof RunStarted e) {
            runs.put(e.runId(), Observation.createNotStarted(RUN, registry)
                    .contextualName("run " + e.workflowId())
                    .lowCardinalityKeyValue("workflow", e.workflowId())
                    .highCardinalityKeyValue("run.id", e.runId())
                    .start());
        } else if (event instanceof RunFinished e) {
            Observation run = runs.remove(e.runId());
            if (run != null) {
                run.lowCardinalityKeyValue("status", e.status().name()).stop();
            }
        }
    }

    @Override
    public Object intercept(TaskContext context, Invocation next) throws Exception {
        Observation attempt = Observation.createNotStarted(ATTEMPT, registry)
                .parentObservation(runs.get(context.runId()))
                .contextualName(context.task().type().name() + " " + context.task().id())
                .lowCardinalityKeyValue("workflow", context.workflowId())
                .lowCardinalityKeyValue("task.type", context.task().type().name())
                .lowCardinalityKeyValue("attempt", Integer.toString(context.attempt()))
                .highCardinalityKeyValue("run.id", context.runId())
                .highCardinalityKeyValue("task.id", context.task().id())
                .start();
        try (Observation.Scope scope = attempt.openScope()) {
            Object out = next.proceed();
            attempt.lowCardinalityKeyValue("outcome", "success");
            return out;
        } catch (Exception | Error e) {
            attempt.lowCardinalityKeyValue("outcome", "error").error(e);
            throw e;
        } finally {
            attempt.stop();
        }
    }

    /** Outermost, so that the other interceptors and the handler run inside the attempt's observation. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** Stops following runs and ends the observations of runs still open (they ended elsewhere or never will). */
    @Override
    public void close() {
        Subscription s = subscription;
        if (s != null) {
            s.close();
        }
        runs.values().forEach(o -> o.lowCardinalityKeyValue("status", "UNFINISHED").stop());
        runs.clear();
    }
}
