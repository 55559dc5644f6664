package dev.supervisor.api;

/**
 * Base type of every exception Supervisor throws on purpose. Unchecked: callers catch the subtype they can act on.
 */
public class SupervisorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the offending input
     */
    public SupervisorException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, naming the offending input
     * @param cause the underlying failure
     */
    public SupervisorException(String message, Throwable cause) {
        super(message, cause);
    }
}
