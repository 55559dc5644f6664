package dev.supervisor.auth.oidc;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A started sign-in: send the browser to {@link #url()}, keep the rest server-side (in the session) until the
 * callback, then pass both to {@link OidcClient#exchange}. Single use.
 *
 * @param url where to redirect the user
 * @param state the CSRF token echoed back by the provider
 * @param nonce bound into the ID token
 * @param codeVerifier the PKCE verifier sent with the code exchange
 * @param createdAt when it was created (requests expire)
 */
public record AuthorizationRequest(URI url, String state, String nonce, String codeVerifier, Instant createdAt) {
    /** Checks that no component is null. */
    public AuthorizationRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "AuthorizationRequest[url=" + url + ", createdAt=" + createdAt + ", secrets hidden]";
    }
}
