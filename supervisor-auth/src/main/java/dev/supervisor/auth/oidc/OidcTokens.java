package dev.supervisor.auth.oidc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The result of a successful code exchange.
 *
 * @param accessToken the provider's access token
 * @param tokenType usually {@code Bearer}
 * @param expiresIn seconds, or -1 if not given
 * @param refreshToken the refresh token, or null
 * @param scope granted scopes, or null
 * @param idToken the raw ID token, or null for plain OAuth providers (GitHub)
 * @param idClaims the validated ID-token claims, or null without an ID token
 */
public record OidcTokens(String accessToken, String tokenType, long expiresIn, String refreshToken, String scope,
                         String idToken, JsonNode idClaims) {
    /** @return the validated {@code sub}, or null without an ID token */
    public String subject() {
        return idClaims == null || idClaims.get("sub") == null ? null : idClaims.get("sub").asText();
    }

    @Override
    public String toString() {
        return "OidcTokens[subject=" + subject() + ", tokenType=" + tokenType + ", expiresIn=" + expiresIn
                + ", scope=" + scope + ", tokens hidden]";
    }
}
