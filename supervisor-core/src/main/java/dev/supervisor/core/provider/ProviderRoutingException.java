package dev.supervisor.core.provider;

import dev.supervisor.api.SupervisorException;
import dev.supervisor.api.provider.RouteOutcome;
import java.time.Instant;
import java.util.Optional;

/**
 * A task routed through providers did not succeed: every provider tried failed, none could take it, or it was
 * deferred. Carries the outcome with the full provider history.
 */
public class ProviderRoutingException extends SupervisorException {
    private static final long serialVersionUID = 1L;

    private final transient RouteOutcome outcome;

    /**
     * @param outcome the failed or deferred outcome
     */
    public ProviderRoutingException(RouteOutcome outcome) {
        super("task '" + outcome.taskId() + "' " + outcome.status() + " after " + outcome.attempts().size()
                + " provider attempt(s): " + outcome.reason());
        this.outcome = outcome;
    }

    /** @return the outcome with every attempt */
    public RouteOutcome outcome() {
        return outcome;
    }

    /** @return for a deferred task, when to try again */
    public Optional<Instant> retryAt() {
        return Optional.ofNullable(outcome.retryAt());
    }
}
