package dev.supervisor.auth.password;

/** A password hashing algorithm cannot be used here, e.g. its optional library is missing. */
public class PasswordHashingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is missing and how to fix it */
    public PasswordHashingException(String message) {
        super(message);
    }
}
