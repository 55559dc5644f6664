package dev.supervisor.auth.apikey;

/**
 * A key was refused. Unknown, revoked, expired and malformed keys all give the same message, so a caller cannot
 * tell them apart; a missing scope says which scope.
 */
public class ApiKeyException extends SecurityException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what to tell the caller
     */
    public ApiKeyException(String message) {
        super(message);
    }
}
