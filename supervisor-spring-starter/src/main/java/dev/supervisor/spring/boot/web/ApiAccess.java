package dev.supervisor.spring.boot.web;

import dev.supervisor.auth.rbac.Permission;
import dev.supervisor.auth.rbac.RbacPolicy;
import dev.supervisor.spring.boot.autoconfigure.security.SupervisorPrincipal;
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
     * Roles and permissions from an {@link RbacPolicy}. The caller is, in this order: the one an authentication
     * filter left in {@link ApiCaller#REQUEST_ATTRIBUTE}; the {@link SupervisorPrincipal} that Supervisor's own
     * security admitted (a bearer token's subject and roles, or an API key with its scopes as permissions); failing
     * those, the servlet request's authenticated principal, with each role of the policy that
     * {@link HttpServletRequest#isUserInRole} grants — so Spring Security's authorities {@code ROLE_admin},
     * {@code ROLE_viewer}, … count as the policy's roles {@code admin}, {@code viewer}, …. A caller may do what its
     * roles allow under the policy, and what its own permissions cover.
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
                if (request.getAttribute(SupervisorPrincipal.ATTRIBUTE) instanceof SupervisorPrincipal p) {
                    return Optional.of(new ApiCaller(p.name(), p.roles(), p.permissions()));
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
                return policy.permits(caller.roles(), permission) || caller.permissions().stream()
                        .anyMatch(held -> covers(held, permission));
            }
        };
    }

    private static boolean covers(String held, Permission needed) {
        try {
            return Permission.parse(held).covers(needed);
        } catch (IllegalArgumentException notAPermission) {
            return false; // an API key scope that is no permission grants nothing here
        }
    }
}
