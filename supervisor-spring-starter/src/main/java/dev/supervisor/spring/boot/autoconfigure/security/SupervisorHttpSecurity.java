package dev.supervisor.spring.boot.autoconfigure.security;

import dev.supervisor.auth.audit.AuditLog;
import dev.supervisor.auth.validation.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;

/**
 * Supervisor's security as Spring Security parts, applied to a chain for Supervisor's paths: the
 * {@link SupervisorRequestProtection} as a filter, an {@link AuthenticationFilter} whose provider checks bearer
 * tokens and API keys with supervisor-auth, and an {@link AuthorizationManager} deciding each request's permission
 * ({@link SupervisorPermissions}) from the RBAC policy. The chain is stateless: no session and no CSRF token, since
 * credentials travel in headers, never in cookies. An admitted request carries its {@link SupervisorPrincipal} as
 * the authentication's principal and as the request attribute {@link SupervisorPrincipal#ATTRIBUTE}; a refusal for a
 * missing permission is recorded in the audit log, if any.
 *
 * <p>The auto-configuration builds such a chain when the application has none of its own. An application with its
 * own chains keeps them, and puts this in one of its own for Supervisor's paths:
 * <pre>{@code
 * @Bean @Order(1)
 * SecurityFilterChain supervisorChain(HttpSecurity http, SupervisorHttpSecurity supervisor) throws Exception {
 *     supervisor.apply(http);
 *     return http.build();
 * }
 * }</pre>
 */
public class SupervisorHttpSecurity {
    private final SupervisorSecurityProperties props;
    private final SupervisorRequestProtection protection;
    private final SupervisorAuthenticator authenticator;
    private final SupervisorPermissions permissions;
    private final Forbidden forbidden;

    /**
     * @param props where Supervisor's paths are
     * @param protection headers, rate limits, blocking and CORS
     * @param authenticator checks credentials and permissions
     * @param permissions what each request needs
     */
    public SupervisorHttpSecurity(SupervisorSecurityProperties props, SupervisorRequestProtection protection,
                                  SupervisorAuthenticator authenticator, SupervisorPermissions permissions) {
        this(props, protection, authenticator, permissions, null);
    }

    /**
     * @param props where Supervisor's paths are
     * @param protection headers, rate limits, blocking and CORS
     * @param authenticator checks credentials and permissions
     * @param permissions what each request needs
     * @param audit where refusals for a missing permission are recorded ({@code authz_fail}), or null
     */
    public SupervisorHttpSecurity(SupervisorSecurityProperties props, SupervisorRequestProtection protection,
                                  SupervisorAuthenticator authenticator, SupervisorPermissions permissions,
                                  AuditLog audit) {
        this.props = props;
        this.protection = protection;
        this.authenticator = authenticator;
        this.permissions = permissions;
        this.forbidden = new Forbidden(audit);
    }

    /**
     * Makes {@code http} the chain of Supervisor's paths.
     *
     * @param http a chain being built
     * @throws Exception as Spring Security's configurers do
     */
    public void apply(HttpSecurity http) throws Exception {
        AuthenticationFilter authentication = new AuthenticationFilter(new ProviderManager(provider()), request -> {
            SupervisorAuthenticator.Credentials c = authenticator.credentials(request::getHeader);
            String needed = c == null ? null : required(request);
            return needed == null ? null : SupervisorAuthenticationToken.unauthenticated(c, needed);
        });
        authentication.setSuccessHandler((request, response, auth) -> request.setAttribute(
                SupervisorPrincipal.ATTRIBUTE, auth.getPrincipal()));
        authentication.setFailureHandler((request, response, e) -> Problems.write(request, response, status(e),
                e.getMessage()));
        AuthorizationManager<RequestAuthorizationContext> access = (auth, context) -> {
            String needed = required(context.getRequest());
            if (needed == null) {
                return new AuthorizationDecision(true);
            }
            Authentication a = auth.get();
            return new AuthorizationDecision(a instanceof SupervisorAuthenticationToken t && t.isAuthenticated()
                    && authenticator.permits(t.getPrincipal(), needed));
        };
        http.securityMatcher(props.getBasePath(), props.getBasePath() + "/**")
                .csrf(AbstractHttpConfigurer::disable)
                .cors(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new SupervisorProtectionFilter(protection), DisableEncodeUrlFilter.class)
                .addFilterBefore(authentication, AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().access(access))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) ->
                                Problems.write(request, response, 401, "authentication required"))
                        .accessDeniedHandler((request, response, ex) -> forbidden.answer(request, response,
                                actor(), required(request))));
    }

    private AuthenticationProvider provider() {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                SupervisorAuthenticationToken t = (SupervisorAuthenticationToken) authentication;
                try {
                    return SupervisorAuthenticationToken.authenticated(authenticator.authenticate(
                            (SupervisorAuthenticator.Credentials) t.getCredentials(), t.permission()));
                } catch (SupervisorAccessException e) {
                    throw new BadCredentialsException(e.getMessage(), e);
                }
            }

            @Override
            public boolean supports(Class<?> type) {
                return SupervisorAuthenticationToken.class.isAssignableFrom(type);
            }
        };
    }

    private static String actor() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? "anonymous" : a.getName();
    }

    private static int status(AuthenticationException e) {
        return e.getCause() instanceof SupervisorAccessException a ? a.status() : 401;
    }

    /** The permission a request needs; a path that cannot be made canonical needs one nobody holds. */
    private String required(HttpServletRequest request) {
        try {
            return permissions.required(request.getMethod(), SupervisorRequestProtection.canonicalPath(request));
        } catch (InvalidInputException e) {
            return "system:admin";
        }
    }
}
