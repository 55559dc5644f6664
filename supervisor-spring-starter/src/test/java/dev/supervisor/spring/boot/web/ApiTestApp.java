package dev.supervisor.spring.boot.web;

import dev.supervisor.analytics.series.MetricStore;
import dev.supervisor.api.provider.ProviderLimits;
import dev.supervisor.api.provider.QuotaWindow;
import dev.supervisor.auth.audit.AuditLog;
import dev.supervisor.core.RunStores;
import dev.supervisor.core.provider.MockProvider;
import dev.supervisor.core.provider.ProviderRouter;
import dev.supervisor.core.provider.RouterConfig;
import java.time.Clock;
import dev.supervisor.core.SupervisorConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The application the API tests run: a supervisor with an in-memory store (which keeps an event log) and the least
 * security that lets the tests be callers: Spring Security with fixed bearer tokens, each standing for one role
 * ({@code ROLE_<role>}); every request passes the filter chain, and the API itself answers 401 and 403.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ApiTestApp {
    /** Bearer token -> role. */
    static final Map<String, String> TOKENS = Map.of("admin-token", "admin", "viewer-token", "viewer",
            "user-token", "user", "nobody-token", "none");
    /** What "block" tasks wait for; replaced by each test that blocks. */
    static final AtomicReference<CountDownLatch> GATE = new AtomicReference<>(new CountDownLatch(0));

    @Bean
    SupervisorConfig supervisorConfig() {
        return SupervisorConfig.builder().runStore(RunStores.inMemory()).maxActiveRuns(4).nodeId("test-node")
                .handler("work", ctx -> Map.of("echo", String.valueOf(ctx.inputs().get("n"))))
                .handler("fail", ctx -> {
                    throw new IllegalStateException("broken on purpose");
                })
                .handler("block", ctx -> {
                    GATE.get().await();
                    return "released";
                })
                .build();
    }

    @Bean
    ProviderRouter providerRouter() {
        return ProviderRouter.create(RouterConfig.builder()
                .provider(MockProvider.builder("mock-a").limits(ProviderLimits.builder().maxConcurrent(3)
                        .requestsPer(QuotaWindow.MINUTE, 60).build()).build())
                .build());
    }

    @Bean
    MetricStore metricStore() {
        return MetricStore.withDefaults();
    }

    // tag::audit-trail[]
    @Bean
    AuditTrail.InMemory auditTrail() {
        return AuditTrail.inMemory(1000); // the newest 1,000 records, searchable at /supervisor/api/audit
    }

    @Bean
    AuditLog auditLog(AuditTrail.InMemory trail) {
        return AuditLog.of(trail, Clock.systemUTC(), true); // refusals of the API are recorded here
    }
    // end::audit-trail[]

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        return http.csrf(c -> c.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .addFilterBefore(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws ServletException, IOException {
                        String header = request.getHeader("Authorization");
                        String role = header == null || !header.startsWith("Bearer ") ? null
                                : TOKENS.get(header.substring(7));
                        if (role != null) {
                            SecurityContextHolder.getContext().setAuthentication(
                                    UsernamePasswordAuthenticationToken.authenticated(role + "-user", null,
                                            List.of(new SimpleGrantedAuthority("ROLE_" + role))));
                        }
                        chain.doFilter(request, response);
                    }
                }, AnonymousAuthenticationFilter.class)
                .build();
    }
}
