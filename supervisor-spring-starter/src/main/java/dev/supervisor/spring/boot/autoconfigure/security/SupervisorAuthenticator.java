package dev.supervisor.spring.boot.autoconfigure.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supervisor.auth.apikey.ApiKeyException;
import dev.supervisor.auth.apikey.ApiKeys;
import dev.supervisor.auth.jwt.JwtException;
import dev.supervisor.auth.jwt.JwtVerifier;
import dev.supervisor.auth.rbac.Permission;
import dev.supervisor.auth.rbac.RbacPolicy;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Authenticates a request's credentials with supervisor-auth — a bearer JWS checked by the {@link JwtVerifier}, or
 * an API key checked by {@link ApiKeys} — and decides whether the caller holds a permission: a token's roles through
 * the {@link RbacPolicy}, an API key through the permissions it was created with. Used by the servlet filter and by
 * the Spring Security integration alike.
 */
public final class SupervisorAuthenticator {
    private final JwtVerifier verifier;
    private final ApiKeys apiKeys;
    private final String apiKeyHeader;
    private final String rolesClaim;
    private final RbacPolicy policy;

    /**
     * @param verifier checks bearer tokens, or null to accept none
     * @param apiKeys checks API keys, or null to accept none
     * @param apiKeyHeader the header carrying an API key
     * @param rolesClaim the token claim holding the roles
     * @param policy roles to permissions
     */
    public SupervisorAuthenticator(JwtVerifier verifier, ApiKeys apiKeys, String apiKeyHeader, String rolesClaim,
                                   RbacPolicy policy) {
        this.verifier = verifier;
        this.apiKeys = apiKeys;
        this.apiKeyHeader = apiKeyHeader;
        this.rolesClaim = rolesClaim;
        this.policy = policy;
    }

    /** Credentials found in a request. @param via their kind @param value the token or key */
    public record Credentials(SupervisorPrincipal.Via via, String value) {
        @Override
        public String toString() {
            return "Credentials{" + via + "}"; // never the secret
        }
    }

    /**
     * @param headers the request's headers by name (case-insensitive lookup)
     * @return the credentials, or null when the request carries none
     */
    public Credentials credentials(UnaryOperator<String> headers) {
        String authorization = headers.apply("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Credentials(SupervisorPrincipal.Via.BEARER_TOKEN, authorization.substring(7).trim());
        }
        String key = headers.apply(apiKeyHeader);
        return key == null ? null : new Credentials(SupervisorPrincipal.Via.API_KEY, key.trim());
    }

    /**
     * @param credentials the request's credentials
     * @param permission the permission the request needs (an API key is checked for it at once)
     * @return who called
     * @throws SupervisorAccessException 401 if the credentials are not accepted
     */
    public SupervisorPrincipal authenticate(Credentials credentials, String permission) {
        if (credentials.via() == SupervisorPrincipal.Via.BEARER_TOKEN) {
            if (verifier == null) {
                throw new SupervisorAccessException(401, "bearer tokens are not accepted here");
            }
            try {
                JsonNode claims = verifier.verify(credentials.value()).claims();
                JsonNode sub = claims.get("sub");
                return new SupervisorPrincipal(sub != null && sub.isTextual() ? sub.asText() : "anonymous-token",
                        roles(claims.get(rolesClaim)), Set.of(), SupervisorPrincipal.Via.BEARER_TOKEN);
            } catch (JwtException e) {
                throw new SupervisorAccessException(401, "invalid token: " + e.getMessage());
            }
        }
        if (apiKeys == null) {
            throw new SupervisorAccessException(401, "API keys are not accepted here");
        }
        String raw = credentials.value();
        try {
            ApiKeys.Principal p = apiKeys.authenticate(raw, permission);
            return new SupervisorPrincipal("key:" + p.keyId(), Set.of(), p.scopes(), SupervisorPrincipal.Via.API_KEY);
        } catch (ApiKeyException lacksScope) {
            try {
                apiKeys.lastUsed(raw); // a valid key that lacks the permission is a 403, any other a 401
            } catch (ApiKeyException invalid) {
                throw new SupervisorAccessException(401, invalid.getMessage());
            }
            return new SupervisorPrincipal("key:" + raw.substring(3, 11), Set.of(), Set.of(),
                    SupervisorPrincipal.Via.API_KEY);
        }
    }

    /**
     * @param principal who called
     * @param permission what the request needs
     * @return true if the caller holds it
     */
    public boolean permits(SupervisorPrincipal principal, String permission) {
        Permission needed = Permission.parse(permission);
        if (principal.via() == SupervisorPrincipal.Via.API_KEY) {
            return principal.permissions().stream().anyMatch(p -> Permission.parse(p).covers(needed));
        }
        return policy.permits(principal.roles(), needed);
    }

    private static Set<String> roles(JsonNode claim) {
        Set<String> roles = new LinkedHashSet<>();
        if (claim == null) {
            return roles;
        }
        if (claim.isArray()) {
            claim.forEach(r -> {
                if (r.isTextual()) {
                    roles.add(r.asText());
                }
            });
        } else if (claim.isTextual()) {
            for (String r : claim.asText().trim().split("\\s+")) {
                if (!r.isEmpty()) {
                    roles.add(r);
                }
            }
        }
        return roles;
    }
}
