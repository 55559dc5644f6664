package dev.supervisor.spring.boot.web;

import dev.supervisor.auth.rbac.Permission;
import dev.supervisor.auth.rbac.RbacPolicy;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides who calls the API and what they may do. Replace the bean to plug in another scheme.
 */
public interface ApiAccess {
    /**
     * @param request the request
     * @return the authenticated caller, empty when the request carries no authentication
     */
    Optional<ApiCaller> caller(HttpServletRequest request);

    /**
     * @param caller an authenticated caller
     * @param permission what the endpoint needs
     * @return true if the caller may
     */
    boolean permits(ApiCaller caller, Permission permission);

    /**
     * Roles and permissions from an {@link RbacPolicy}. The caller is the one an authentication filter left in
     * {@link ApiCaller#REQUEST_ATTRIBUTE}; failing that, the servlet request's authenticated principal, with each
     * role of the policy that {@link HttpServletRequest#isUserInRole} grants — so Spring Security's authorities
     * {@code ROLE_admin}, {@code ROLE_viewer}, … count as the policy's roles {@code admin}, {@code viewer}, ….
     *
     * @param policy the roles and what they allow
     * @return the access decisions
     */
    static ApiAccess rbac(RbacPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return new ApiAccess() {
            @Override
            public Optional<ApiCaller> caller(HttpServletRequest request) {
                if (request.getAttribute(ApiCaller.REQUEST_ATTRIBUTE) instanceof ApiCaller c) {
                    return Optional.of(c);
                }
                Principal principal = request.getUserPrincipal();
                if (principal == null || principal.getName() == null || principal.getName().isBlank()) {
                    return Optional.empty();
                }
                Set<String> roles = new LinkedHashSet<>();
                for (String role : policy.roles()) {
                    if (request.isUserInRole(role)) {
                        roles.add(role);
                    }
                }
                return Optional.of(new ApiCaller(principal.getName(), roles));
            }

            @Override
            public boolean permits(ApiCaller caller, Permission permission) {
                return policy.permits(caller.roles(), permission);
            }
        };
    }
}
