package dev.supervisor.api;

import java.time.Instant;
import java.util.Objects;

/**
 * Thrown by a handler that cannot do its work yet — a quota is exhausted until its reset, every provider is
 * cooling down — and knows when to try again. The engine does not count it as a failure: the task waits in
 * RETRY_WAIT until {@link #notBefore()} and then runs the same attempt again (its attempt number is reused, so
 * deferrals do not use up the retry policy). A run that fails fast or is cancelled meanwhile skips it as usual.
 */
public class TaskDeferredException extends SupervisorException {
    private static final long serialVersionUID = 1L;

    private final Instant notBefore;

    /**
     * @param notBefore when the task may run again
     * @param reason why it waits
     */
    public TaskDeferredException(Instant notBefore, String reason) {
        super("deferred until " + Objects.requireNonNull(notBefore, "notBefore") + ": " + reason);
        this.notBefore = notBefore;
    }

    /** @return when the task may run again */
    public Instant notBefore() {
        return notBefore;
    }
}
