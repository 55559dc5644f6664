package dev.supervisor.auth.oidc;

/** A sign-in step failed; {@link #reason()} says which check refused it. */
public class OidcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a sign-in was refused. */
    public enum Reason {
        /** The callback arrived at a URL other than the exact redirect URI. */
        REDIRECT_MISMATCH,
        /** The callback's {@code state} is not the pending request's. */
        STATE_MISMATCH,
        /** The pending request was already used (replay) or has expired. */
        REQUEST_REUSED_OR_EXPIRED,
        /** The provider answered {@code error=...}. */
        PROVIDER_ERROR,
        /** The callback carries no {@code code}. */
        MISSING_CODE,
        /** The callback's {@code iss} (RFC 9207) is not the provider's. */
        ISSUER_MISMATCH,
        /** The token endpoint refused the exchange or answered something unreadable. */
        TOKEN_ENDPOINT,
        /** The ID token failed signature, issuer, audience, time or {@code azp} checks. */
        ID_TOKEN_INVALID,
        /** The ID token's {@code nonce} is not the pending request's. */
        NONCE_MISMATCH,
        /** Discovery or JWKS fetching failed. */
        DISCOVERY
    }

    private final Reason reason;

    /**
     * @param reason which check failed
     * @param message details (never a token or secret)
     */
    public OidcException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    /** @return which check failed */
    public Reason reason() {
        return reason;
    }
}
