package dev.supervisor.spring.boot.autoconfigure.security;

import java.security.Principal;
import java.util.Set;

/**
 * Who called: the subject of a bearer token with its roles, or the owner of an API key with its permissions. In a
 * request it is {@code request.getUserPrincipal()} and the request attribute {@link #ATTRIBUTE} (and, with Spring
 * Security, the authentication's principal).
 *
 * @param name the token's subject, or {@code key:<key id>} for an API key
 * @param roles roles from the token (checked against the RBAC policy); empty for API keys
 * @param permissions permissions the API key holds; empty for tokens
 * @param via how the caller authenticated
 */
public record SupervisorPrincipal(String name, Set<String> roles, Set<String> permissions, Via via)
        implements Principal {
    /** Request attribute holding the principal. */
    public static final String ATTRIBUTE = SupervisorPrincipal.class.getName();

    /** How a caller authenticated. */
    public enum Via {
        /** {@code Authorization: Bearer <JWS>}. */
        BEARER_TOKEN,
        /** An API key header. */
        API_KEY
    }

    /**
     * @param name the name
     * @param roles the roles
     * @param permissions the permissions
     * @param via how
     */
    public SupervisorPrincipal {
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    @Override
    public String getName() {
        return name;
    }
}
