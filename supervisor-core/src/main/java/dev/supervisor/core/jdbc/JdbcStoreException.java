package dev.supervisor.core.jdbc;

import dev.supervisor.api.SupervisorException;

/** The database could not be used: unreachable, refused a statement, or has a schema newer than this code. */
public class JdbcStoreException extends SupervisorException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the operation
     * @param cause the driver's exception, or null
     */
    public JdbcStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
