package dev.supervisor.spring.boot.autoconfigure.security;

/** A refused request: 401 (no or bad credentials) or 403 (not permitted), with what to tell the caller. */
public class SupervisorAccessException extends SecurityException {
    private static final long serialVersionUID = 1L;
    private final int status;

    /**
     * @param status 401 or 403
     * @param detail what to tell the caller (never a secret)
     */
    public SupervisorAccessException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    /** @return the HTTP status to answer */
    public int status() {
        return status;
    }
}
