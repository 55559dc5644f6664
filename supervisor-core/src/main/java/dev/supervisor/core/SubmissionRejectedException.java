package dev.supervisor.core;

import dev.supervisor.api.SupervisorException;

/**
 * A run was refused: the supervisor is shutting down, or its bounded queue of active runs is full.
 */
public class SubmissionRejectedException extends SupervisorException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message why
     */
    public SubmissionRejectedException(String message) {
        super(message);
    }
}
