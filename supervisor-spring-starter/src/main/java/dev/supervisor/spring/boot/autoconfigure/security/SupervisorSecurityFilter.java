package dev.supervisor.spring.boot.autoconfigure.security;

import dev.supervisor.auth.audit.AuditLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Protects Supervisor's paths in an application without Spring Security, in one servlet filter: the
 * {@link SupervisorRequestProtection} (headers, rate limits, blocking, CORS), then — when the request needs a
 * permission ({@link SupervisorPermissions}) — authentication (401) and authorization (403). An admitted request
 * carries its {@link SupervisorPrincipal} as {@code getUserPrincipal()} and as the request attribute
 * {@link SupervisorPrincipal#ATTRIBUTE}; a refusal for a missing permission is recorded in the audit log, if any.
 */
public class SupervisorSecurityFilter extends OncePerRequestFilter {
    private final SupervisorRequestProtection protection;
    private final SupervisorAuthenticator authenticator;
    private final SupervisorPermissions permissions;
    private final Forbidden forbidden;

    /**
     * @param protection what runs first
     * @param authenticator checks credentials and permissions
     * @param permissions what each request needs
     */
    public SupervisorSecurityFilter(SupervisorRequestProtection protection, SupervisorAuthenticator authenticator,
                                    SupervisorPermissions permissions) {
        this(protection, authenticator, permissions, null);
    }

    /**
     * @param protection what runs first
     * @param authenticator checks credentials and permissions
     * @param permissions what each request needs
     * @param audit where refusals for a missing permission are recorded ({@code authz_fail}), or null
     */
    public SupervisorSecurityFilter(SupervisorRequestProtection protection, SupervisorAuthenticator authenticator,
                                    SupervisorPermissions permissions, AuditLog audit) {
        this.protection = protection;
        this.authenticator = authenticator;
        this.permissions = permissions;
        this.forbidden = new Forbidden(audit);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!protection.apply(request, response)) {
            return;
        }
        String required = permissions.required(request.getMethod(),
                SupervisorRequestProtection.canonicalPath(request));
        if (required == null) {
            chain.doFilter(request, response);
            return;
        }
        SupervisorAuthenticator.Credentials credentials = authenticator.credentials(request::getHeader);
        if (credentials == null) {
            Problems.write(request, response, 401, "authentication required");
            return;
        }
        SupervisorPrincipal principal;
        try {
            principal = authenticator.authenticate(credentials, required);
        } catch (SupervisorAccessException e) {
            Problems.write(request, response, e.status(), e.getMessage());
            return;
        }
        if (!authenticator.permits(principal, required)) {
            forbidden.answer(request, response, principal.getName(), required);
            return;
        }
        request.setAttribute(SupervisorPrincipal.ATTRIBUTE, principal);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public String getRemoteUser() {
                return principal.getName();
            }

            @Override
            public boolean isUserInRole(String role) {
                return principal.roles().contains(role);
            }
        }, response);
    }
}
