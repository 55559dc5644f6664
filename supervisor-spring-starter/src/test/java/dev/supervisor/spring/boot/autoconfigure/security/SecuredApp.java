package dev.supervisor.spring.boot.autoconfigure.security;

import dev.supervisor.auth.audit.AuditLog;
import dev.supervisor.auth.audit.AuditRecord;
import dev.supervisor.auth.jwt.JwsAlgorithm;
import dev.supervisor.auth.jwt.JwtSigner;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A real application on a random loopback port with stand-ins for the REST API and the dashboard, started with or
 * without Spring Security on its class path.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class SecuredApp {
    static final String SECRET = "0123456789abcdef0123456789abcdef-test-secret";
    static final String[] JWT = {"supervisor.security.jwt.issuer=https://auth.example",
        "supervisor.security.jwt.audience=supervisor-api", "supervisor.security.jwt.hmac-secret=" + SECRET};

    /** The stand-in endpoints. */
    @RestController
    static class Endpoints {
        @GetMapping("/supervisor/api/runs")
        String runs(Principal caller) {
            return "runs for " + caller.getName();
        }

        @PostMapping("/supervisor/api/runs")
        String submit() {
            return "submitted";
        }

        @GetMapping("/supervisor/api/workflows/caller")
        String caller(HttpServletRequest request) {
            SupervisorPrincipal p = (SupervisorPrincipal) request.getAttribute(SupervisorPrincipal.ATTRIBUTE);
            return p.name() + " " + new TreeSet<>(p.roles()) + " " + new TreeSet<>(p.permissions()) + " viewer="
                    + request.isUserInRole("viewer");
        }

        @GetMapping("/supervisor/dashboard")
        String dashboard() {
            return "dashboard";
        }

        @GetMapping("/hello")
        String hello() {
            return "hello";
        }
    }

    /** Every audit record, in order. @param records the records */
    record Audited(List<AuditRecord> records) {
    }

    @Bean
    Audited audited() {
        return new Audited(new CopyOnWriteArrayList<>());
    }

    @Bean
    AuditLog auditLog(Audited audited) {
        return AuditLog.of(audited.records()::add, Clock.systemUTC(), true);
    }

    /** A running application. */
    record Running(ConfigurableApplicationContext context, int port) implements AutoCloseable {
        HttpResponse<String> send(String method, String path, String... headers) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}")
                            : HttpRequest.BodyPublishers.noBody());
            if (headers.length > 0) {
                b.headers(headers);
            }
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        @Override
        public void close() {
            context.close();
        }
    }

    static Running start(boolean springSecurity, String... properties) {
        return start(springSecurity, new Class<?>[0], properties);
    }

    static Running start(boolean springSecurity, Class<?>[] more, String... properties) {
        List<Class<?>> sources = new ArrayList<>(List.of(SecuredApp.class, Endpoints.class));
        sources.addAll(List.of(more));
        SpringApplication app = new SpringApplication(sources.toArray(Class<?>[]::new));
        if (!springSecurity) {
            app.setResourceLoader(new DefaultResourceLoader(new FilteredClassLoader("org.springframework.security")));
        }
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--supervisor.cron.warm-up=false", "--spring.main.banner-mode=off",
                "--supervisor.api.enabled=false")); // the stand-ins take the API's place
        for (String p : properties) {
            args.add("--" + p);
        }
        ConfigurableApplicationContext ctx = app.run(args.toArray(String[]::new));
        return new Running(ctx, ((WebServerApplicationContext) ctx).getWebServer().getPort());
    }

    /** @return a token from the configured issuer for the configured audience */
    static String token(String subject, List<String> roles, Instant expires) {
        JwtSigner signer = JwtSigner.of(null, JwsAlgorithm.HS256,
                new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return signer.sign("JWT", Map.of("iss", "https://auth.example", "aud", "supervisor-api", "sub", subject,
                "roles", roles, "iat", Instant.now().getEpochSecond(), "exp", expires.getEpochSecond()));
    }
}
