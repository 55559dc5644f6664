package dev.supervisor.spring.boot.web;

import java.util.Objects;
import java.util.Set;

/**
 * Who calls the API: an id for the audit trail and the roles that {@link ApiAccess} checks permissions against.
 * An authentication filter that is not Spring Security's may put one in the request attribute
 * {@link #REQUEST_ATTRIBUTE}.
 *
 * @param id the user, API key or client id
 * @param roles the caller's roles, e.g. {@code admin} or {@code viewer}
 */
public record ApiCaller(String id, Set<String> roles) {
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
    }
}
