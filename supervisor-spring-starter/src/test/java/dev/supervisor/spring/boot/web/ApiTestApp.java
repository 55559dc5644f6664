package dev.supervisor.spring.boot.web;

import dev.supervisor.analytics.series.MetricStore;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.provider.ProviderLimits;
import dev.supervisor.api.provider.QuotaWindow;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.TaskContext;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.auth.audit.AuditLog;
import dev.supervisor.auth.jwt.JwsAlgorithm;
import dev.supervisor.auth.jwt.JwtSigner;
import dev.supervisor.core.RunStores;
import dev.supervisor.core.provider.MockProvider;
import dev.supervisor.core.provider.ProviderRouter;
import dev.supervisor.core.provider.RouterConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application the API tests run, as a user writes one: task handler beans and an in-memory run store (which
 * keeps an event log) for the auto-configured supervisor, behind the starter's own security. Callers present bearer tokens signed with the HMAC secret the tests configure
 * ({@code supervisor.security.jwt.*}, see {@link ApiServerTest}), each with one role of the preset policy in its
 * {@code roles} claim, or API keys made with the {@code ApiKeys} bean.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ApiTestApp {
    static final String ISSUER = "https://auth.api.test";
    static final String AUDIENCE = "supervisor-api";
    static final String SECRET = "api-test-secret-0123456789abcdef-0123456789";
    /** Bearer tokens, one per role of the preset policy; {@link #NOBODY} holds a role the policy does not know. */
    static final String ADMIN = token("admin-user", "admin");
    static final String USER = token("user-user", "user");
    static final String VIEWER = token("viewer-user", "viewer");
    static final String NOBODY = token("nobody-user", "none");
    /** What "block" tasks wait for; replaced by each test that blocks. */
    static final AtomicReference<CountDownLatch> GATE = new AtomicReference<>(new CountDownLatch(0));

    /** @return a token of the test issuer for the API, valid for an hour */
    static String token(String subject, String... roles) {
        JwtSigner signer = JwtSigner.of(null, JwsAlgorithm.HS256,
                new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        Instant now = Instant.now();
        return signer.sign("JWT", Map.of("iss", ISSUER, "aud", AUDIENCE, "sub", subject, "roles", List.of(roles),
                "iat", now.getEpochSecond(), "exp", now.plusSeconds(3600).getEpochSecond()));
    }

    @Bean
    RunStore runStore() {
        return RunStores.inMemory();
    }

    @Bean
    TaskHandler work() {
        return handler("work", ctx -> Map.of("echo", String.valueOf(ctx.inputs().get("n"))));
    }

    @Bean
    TaskHandler fail() {
        return handler("fail", ctx -> {
            throw new IllegalStateException("broken on purpose");
        });
    }

    @Bean
    TaskHandler block() {
        return handler("block", ctx -> {
            GATE.get().await();
            return "released";
        });
    }

    /** A handler bean for one task type (a bean declares the types it serves). */
    private static TaskHandler handler(String type, TaskHandler body) {
        return new TaskHandler() {
            @Override
            public Set<TaskType> types() {
                return Set.of(TaskType.of(type));
            }

            @Override
            public Object execute(TaskContext context) throws Exception {
                return body.execute(context);
            }
        };
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
}
