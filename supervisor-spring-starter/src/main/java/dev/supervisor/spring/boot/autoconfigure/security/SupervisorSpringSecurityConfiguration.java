package dev.supervisor.spring.boot.autoconfigure.security;

import static org.springframework.security.config.Customizer.withDefaults;

import dev.supervisor.auth.audit.AuditLog;
import dev.supervisor.auth.validation.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
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
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;

/**
 * With Spring Security: a filter chain for Supervisor's paths built from its parts — the
 * {@link SupervisorRequestProtection} as a filter, an {@link AuthenticationFilter} whose provider checks bearer tokens
 * and API keys with supervisor-auth, and an {@link AuthorizationManager} deciding each request's permission from the
 * RBAC policy. It is stateless (no session, no CSRF: credentials travel in headers, never in cookies). An admitted
 * request carries its {@link SupervisorPrincipal} as the authentication's principal and as the request attribute
 * {@link SupervisorPrincipal#ATTRIBUTE}; a refusal for a missing permission is recorded in the audit log, if any.
 *
 * <p>A chain of its own would make Boot's default chain back off; so when the application defines no chain, the rest
 * of it gets Boot's default behaviour from here: health open, everything else authenticated (form login, HTTP basic).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = {"org.springframework.security.web.SecurityFilterChain",
    "org.springframework.security.config.annotation.web.builders.HttpSecurity"})
class SupervisorSpringSecurityConfiguration {
    /** Before the application's own chains, which usually match any request. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    /** Keeps Boot's default security for the rest of an application that defines no chain. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    static class RestOfTheApplication {
        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE - 5)
        SecurityFilterChain supervisorDefaultSecurityFilterChain(HttpSecurity http, Environment env)
                throws Exception {
            String actuator = env.getProperty("management.endpoints.web.base-path", "/actuator")
                    .replaceAll("/+$", "");
            http.authorizeHttpRequests(r -> r.requestMatchers(actuator + "/health", actuator + "/health/**")
                    .permitAll().anyRequest().authenticated());
            http.formLogin(withDefaults());
            http.httpBasic(withDefaults());
            return http.build();
        }
    }

    @Bean
    @Order(ORDER)
    SecurityFilterChain supervisorSecurityFilterChain(HttpSecurity http, SupervisorSecurityProperties props,
                                                      SupervisorRequestProtection protection,
                                                      SupervisorAuthenticator authenticator,
                                                      SupervisorPermissions permissions,
                                                      ObjectProvider<AuditLog> audit) throws Exception {
        Forbidden forbidden = new Forbidden(audit.getIfAvailable());
        AuthenticationFilter authentication = new AuthenticationFilter(new ProviderManager(provider(authenticator)),
                request -> {
                    SupervisorAuthenticator.Credentials c = authenticator.credentials(request::getHeader);
                    String needed = c == null ? null : required(permissions, request);
                    return needed == null ? null : SupervisorAuthenticationToken.unauthenticated(c, needed);
                });
        authentication.setSuccessHandler((request, response, auth) -> request.setAttribute(
                SupervisorPrincipal.ATTRIBUTE, auth.getPrincipal()));
        authentication.setFailureHandler((request, response, e) -> Problems.write(request, response, status(e),
                e.getMessage()));
        AuthorizationManager<RequestAuthorizationContext> access = (auth, context) -> {
            String needed = required(permissions, context.getRequest());
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
                                actor(), required(permissions, request))));
        return http.build();
    }

    private static AuthenticationProvider provider(SupervisorAuthenticator authenticator) {
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
    private static String required(SupervisorPermissions permissions, HttpServletRequest request) {
        try {
            return permissions.required(request.getMethod(), SupervisorRequestProtection.canonicalPath(request));
        } catch (InvalidInputException e) {
            return "system:admin";
        }
    }
}
