package dev.supervisor.spring.boot.dashboard;

import dev.supervisor.auth.jwt.JwsAlgorithm;
import dev.supervisor.auth.jwt.JwtSigner;
import dev.supervisor.core.RunStores;
import dev.supervisor.core.SupervisorConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application the dashboard's tests run: a supervisor with an in-memory store (which keeps an event log) behind
 * Supervisor's own security, with bearer tokens from a test issuer.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class DashboardTestApp {
    static final String SECRET = "dashboard-test-secret-0123456789abcdef";
    /** What "block" tasks wait for; replaced by each test that blocks. */
    static final AtomicReference<CountDownLatch> GATE = new AtomicReference<>(new CountDownLatch(0));

    @Bean
    SupervisorConfig supervisorConfig() {
        return SupervisorConfig.builder().runStore(RunStores.inMemory()).nodeId("dashboard-test")
                .handler("work", ctx -> Map.of("echo", String.valueOf(ctx.inputs().get("n"))))
                .handler("block", ctx -> {
                    GATE.get().await();
                    return "released";
                })
                .build();
    }

    /** @return a token with these roles, valid for an hour */
    static String token(String subject, String... roles) {
        JwtSigner signer = JwtSigner.of(null, JwsAlgorithm.HS256,
                new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        Instant now = Instant.now();
        return signer.sign("JWT", Map.of("iss", "https://auth.test", "aud", "supervisor", "sub", subject,
                "roles", List.of(roles), "iat", now.getEpochSecond(), "exp", now.plusSeconds(3600).getEpochSecond()));
    }

    /** A response's status, headers and body. */
    record Reply(int status, java.net.http.HttpHeaders headers, String body) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** Sends a request to the app on its port; the token may be null. */
    static Reply send(int port, String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers(), r.body());
    }
}
