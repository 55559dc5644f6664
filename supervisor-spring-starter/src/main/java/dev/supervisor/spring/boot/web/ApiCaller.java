package dev.supervisor.spring.boot.web;

import java.util.Objects;
import java.util.Set;

/**
 * Who calls the API: an id for the audit trail, the roles that {@link ApiAccess} checks permissions against, and
 * permissions held directly (an API key's scopes). An authentication filter that is not Supervisor's or Spring
 * Security's may put one in the request attribute {@link #REQUEST_ATTRIBUTE}.
 *
 * @param id the user, API key or client id
 * @param roles the caller's roles, e.g. {@code admin} or {@code viewer}
 * @param permissions permissions held without a role, {@code resource:action} (e.g. {@code workflows:read})
 */
public record ApiCaller(String id, Set<String> roles, Set<String> permissions) {
    /** The request attribute under which an authentication filter may leave the caller. */
    public static final String REQUEST_ATTRIBUTE = ApiCaller.class.getName();

    /**
     * @throws IllegalArgumentException if the id is blank
     */
    public ApiCaller {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("caller id must not be blank but was '" + id + "'");
        }
        roles = Set.copyOf(Objects.requireNonNull(roles, "roles"));
        permissions = Set.copyOf(Objects.requireNonNull(permissions, "permissions"));
    }

    /**
     * A caller whose permissions all come from roles.
     *
     * @param id the user or client id
     * @param roles the caller's roles
     */
    public ApiCaller(String id, Set<String> roles) {
        this(id, roles, Set.of());
    }
}
