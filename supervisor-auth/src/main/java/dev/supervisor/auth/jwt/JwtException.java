package dev.supervisor.auth.jwt;

/**
 * A token was refused. The reason is for logs; clients should only learn that the token is invalid.
 */
public class JwtException extends SecurityException {
    private static final long serialVersionUID = 1L;

    /**
     * @param reason why
     */
    public JwtException(String reason) {
        super(reason);
    }
}
