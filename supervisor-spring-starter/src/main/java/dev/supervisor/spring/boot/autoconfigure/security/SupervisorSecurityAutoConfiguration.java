package dev.supervisor.spring.boot.autoconfigure.security;

import static dev.supervisor.spring.boot.autoconfigure.PropertyChecks.invalid;

import dev.supervisor.auth.apikey.ApiKeys;
import dev.supervisor.auth.audit.AuditLog;
import dev.supervisor.auth.cors.CorsPolicy;
import dev.supervisor.auth.cors.SecurityHeaders;
import dev.supervisor.auth.guard.RequestGuard;
import dev.supervisor.auth.jwt.JwtVerifier;
import dev.supervisor.auth.net.Cidr;
import dev.supervisor.auth.net.ClientAddress;
import dev.supervisor.auth.ratelimit.Bandwidth;
import dev.supervisor.auth.ratelimit.IpBlocker;
import dev.supervisor.auth.ratelimit.KeyedRateLimiter;
import dev.supervisor.auth.ratelimit.RateLimit;
import dev.supervisor.auth.ratelimit.TimeSource;
import dev.supervisor.auth.rbac.PresetRoles;
import dev.supervisor.auth.rbac.RbacPolicy;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Security of Supervisor's HTTP paths ({@code /supervisor/**}, the REST API under {@code /supervisor/api/**}) from
 * supervisor-auth: bearer JWTs checked by its {@link JwtVerifier}, its {@link ApiKeys}, permissions decided by its
 * {@link RbacPolicy} (the preset roles admin, user, viewer and api_user by default), its {@link RequestGuard} (rate
 * limits, address blocking), {@link CorsPolicy} and security headers. With Spring Security on the class path these
 * are parts of a Spring Security filter chain ({@link SupervisorHttpSecurity}; made here unless the application has
 * chains of its own); without it one servlet filter applies them. An application with no configuration accepts no
 * credentials, so only the dashboard's pages are served and nothing that changes state.
 * {@code supervisor.security.enabled=false} switches all of it off.
 */
@AutoConfiguration(beforeName = {
    "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnBooleanProperty(name = {"supervisor.enabled", "supervisor.security.enabled"}, matchIfMissing = true)
@EnableConfigurationProperties(SupervisorSecurityProperties.class)
public class SupervisorSecurityAutoConfiguration {
    /** Order of the servlet filter: before the application's own filters. */
    public static final int FILTER_ORDER = org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 100;

    /** @return the preset roles (admin, user, viewer, api_user) */
    @Bean
    @ConditionalOnMissingBean
    public RbacPolicy supervisorRbacPolicy() {
        return PresetRoles.policy();
    }

    /** @return the API keys (in memory; create them from the application) */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "supervisor.security.api-keys.enabled", matchIfMissing = true)
    public ApiKeys supervisorApiKeys() {
        return ApiKeys.of(Clock.systemUTC(), new SecureRandom());
    }

    /**
     * @param props bound properties
     * @return the verifier of bearer tokens
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "supervisor.security.jwt.issuer")
    public JwtVerifier supervisorJwtVerifier(SupervisorSecurityProperties props) {
        return JwtVerifiers.create(props.getJwt());
    }

    /** @param props bound properties @return the cross-origin policy */
    @Bean
    @ConditionalOnMissingBean
    public CorsPolicy supervisorCorsPolicy(SupervisorSecurityProperties props) {
        SupervisorSecurityProperties.Cors c = props.getCors();
        return checked("supervisor.security.cors", c.getAllowedOrigins(), () -> {
            CorsPolicy.Builder b = CorsPolicy.builder().allowCredentials(c.isAllowCredentials()).maxAge(c.getMaxAge());
            c.getAllowedOrigins().forEach(b::allowOrigin);
            return b.build();
        });
    }

    /** @param props bound properties @return the permission each request needs */
    @Bean
    @ConditionalOnMissingBean
    public SupervisorPermissions supervisorPermissions(SupervisorSecurityProperties props) {
        return SupervisorPermissions.defaults(props.getBasePath(), props.getApiPath());
    }

    /**
     * @param props bound properties
     * @param verifier the token verifier, if tokens are configured
     * @param apiKeys the API keys, if enabled
     * @param policy the RBAC policy
     * @return what checks credentials and permissions
     */
    @Bean
    @ConditionalOnMissingBean
    public SupervisorAuthenticator supervisorAuthenticator(SupervisorSecurityProperties props,
                                                           ObjectProvider<JwtVerifier> verifier,
                                                           ObjectProvider<ApiKeys> apiKeys, RbacPolicy policy) {
        return new SupervisorAuthenticator(verifier.getIfAvailable(), apiKeys.getIfAvailable(),
                props.getApiKeys().getHeader(), props.getJwt().getRolesClaim(), policy);
    }

    /** Rate limits, blocking, CORS and headers of every request to Supervisor's paths (servlet applications). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import({SupervisorSpringSecurityConfiguration.class})
    static class Servlet {
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBooleanProperty(name = "supervisor.security.rate-limit.enabled", matchIfMissing = true)
        RequestGuard supervisorRequestGuard(SupervisorSecurityProperties props) {
            return guard(props);
        }

        @Bean
        @ConditionalOnMissingBean
        SupervisorRequestProtection supervisorRequestProtection(SupervisorSecurityProperties props,
                                                                ObjectProvider<RequestGuard> guard, CorsPolicy cors) {
            SupervisorSecurityProperties.Headers h = props.getHeaders();
            Map<String, String> headers = !h.isEnabled() ? Map.of() : checked(
                    "supervisor.security.headers.content-security-policy", h.getContentSecurityPolicy(),
                    () -> SecurityHeaders.of(h.getContentSecurityPolicy(), h.getHstsMaxAge()));
            return new SupervisorRequestProtection(guard.getIfAvailable(), cors, headers);
        }
    }

    /** Without Spring Security: one servlet filter on Supervisor's paths. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnMissingClass("org.springframework.security.web.SecurityFilterChain")
    static class PlainServlet {
        @Bean
        @ConditionalOnMissingBean(name = "supervisorSecurityFilter")
        FilterRegistrationBean<SupervisorSecurityFilter> supervisorSecurityFilter(
                SupervisorSecurityProperties props, SupervisorRequestProtection protection,
                SupervisorAuthenticator authenticator, SupervisorPermissions permissions,
                ObjectProvider<AuditLog> audit) {
            FilterRegistrationBean<SupervisorSecurityFilter> r = new FilterRegistrationBean<>(
                    new SupervisorSecurityFilter(protection, authenticator, permissions, audit.getIfAvailable()));
            r.addUrlPatterns(props.getBasePath(), props.getBasePath() + "/*");
            r.setOrder(FILTER_ORDER);
            return r;
        }
    }

    private static RequestGuard guard(SupervisorSecurityProperties props) {
        String at = "supervisor.security.";
        SupervisorSecurityProperties.RateLimit rl = props.getRateLimit();
        SupervisorSecurityProperties.IpBlock ib = props.getIpBlock();
        TimeSource time = TimeSource.system();
        ClientAddress clients = checked(at + "trusted-proxies", props.getTrustedProxies(),
                () -> ClientAddress.trusting(cidrs(props.getTrustedProxies())));
        KeyedRateLimiter general = checked(at + "rate-limit.requests-per-minute", rl.getRequestsPerMinute(),
                () -> KeyedRateLimiter.of(RateLimit.of(Bandwidth.perMinute(rl.getRequestsPerMinute())
                        .withBurst(rl.getBurst())), rl.getMaxClients(), time));
        KeyedRateLimiter auth = checked(at + "rate-limit.auth-requests-per-minute", rl.getAuthRequestsPerMinute(),
                () -> KeyedRateLimiter.of(RateLimit.of(Bandwidth.perMinute(rl.getAuthRequestsPerMinute())),
                        rl.getMaxClients(), time));
        IpBlocker blocker = checked(at + "ip-block", ib.getViolations(), () -> IpBlocker.of(ib.getViolations(),
                ib.getWindow(), ib.getBaseBlock(), ib.getMaxBlock(), cidrs(ib.getAllow()), rl.getMaxClients(), time));
        return checked(at + "rate-limit.auth-paths", rl.getAuthPaths(),
                () -> RequestGuard.of(clients, general, auth, rl.getAuthPaths(), blocker));
    }

    private static List<Cidr> cidrs(List<String> texts) {
        return texts.stream().map(Cidr::parse).toList();
    }

    /** Builds with the library's checks; a refusal names the property. */
    static <T> T checked(String property, Object value, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw invalid(property, value, e.getMessage());
        }
    }
}
