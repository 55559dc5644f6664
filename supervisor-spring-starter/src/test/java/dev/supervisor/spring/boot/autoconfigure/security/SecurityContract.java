package dev.supervisor.spring.boot.autoconfigure.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.auth.apikey.ApiKeys;
import dev.supervisor.auth.audit.AuditEvents;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What Supervisor's paths promise over a real server, with Spring Security ({@link SpringSecurityModeTest}) and
 * with the servlet filter ({@link ServletFilterModeTest}) alike: nothing without credentials, tokens and API keys
 * decided by permission, problem details, security headers, CORS, rate limits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SecurityContract {
    private SecuredApp.Running fresh;
    private SecuredApp.Running configured;

    abstract boolean springSecurity();

    @BeforeAll
    void start() {
        fresh = SecuredApp.start(springSecurity());
        String[] props = new String[SecuredApp.JWT.length + 2];
        System.arraycopy(SecuredApp.JWT, 0, props, 0, SecuredApp.JWT.length);
        props[SecuredApp.JWT.length] = "supervisor.security.cors.allowed-origins=https://app.example.com";
        props[SecuredApp.JWT.length + 1] = "supervisor.security.rate-limit.requests-per-minute=100000";
        configured = SecuredApp.start(springSecurity(), props);
    }

    @AfterAll
    void stop() {
        fresh.close();
        configured.close();
    }

    private static String bearer(List<String> roles) {
        return "Bearer " + SecuredApp.token("alice", roles, Instant.now().plusSeconds(300));
    }

    /* ---- a fresh application ---- */

    @Test
    void freshApp_refusesTheApiWithoutCredentials_withAProblemAndSecurityHeaders() throws Exception {
        for (String method : List.of("GET", "POST")) {
            HttpResponse<String> r = fresh.send(method, "/supervisor/api/runs");
            assertThat(r.statusCode()).as(method).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
                    assertThat(v).startsWith("application/problem+json"));
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(r.body()).contains("\"type\":\"urn:supervisor:problem:unauthenticated\"", "\"status\":401",
                    "\"instance\":\"/supervisor/api/runs\"");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v ->
                    assertThat(v).contains("frame-ancestors 'none'"));
        }
    }

    @Test
    void freshApp_acceptsNoTokenAtAll() throws Exception {
        assertThat(fresh.send("POST", "/supervisor/api/runs", "Authorization", bearer(List.of("admin")))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void freshApp_servesTheDashboardPages_butNothingThatChangesState() throws Exception {
        assertThat(fresh.send("GET", "/supervisor/dashboard").statusCode()).isEqualTo(200);
        assertThat(fresh.send("POST", "/supervisor/dashboard").statusCode()).isEqualTo(401);
        assertThat(fresh.send("DELETE", "/supervisor/anything").statusCode()).isEqualTo(401);
    }

    /* ---- tokens ---- */

    @Test
    void token_roleDecidesThePermission() throws Exception {
        HttpResponse<String> read = configured.send("GET", "/supervisor/api/runs", "Authorization",
                bearer(List.of("viewer")));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("runs for alice");
        HttpResponse<String> write = configured.send("POST", "/supervisor/api/runs", "Authorization",
                bearer(List.of("viewer")));
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.body()).contains("workflows:execute");
        assertThat(configured.send("POST", "/supervisor/api/runs", "Authorization", bearer(List.of("user")))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void token_admittedCaller_isARequestAttribute_withItsRolesAsServletRoles() throws Exception {
        HttpResponse<String> r = configured.send("GET", "/supervisor/api/workflows/caller", "Authorization",
                bearer(List.of("viewer", "auditor")));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("alice [auditor, viewer] [] viewer=true");
    }

    @Test
    void missingPermission_isAProblemNamingIt_andRecordedInTheAuditLog() throws Exception {
        HttpResponse<String> r = configured.send("POST", "/supervisor/api/runs", "Authorization",
                bearer(List.of("viewer")));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("\"type\":\"urn:supervisor:problem:forbidden\"",
                "\"permission\":\"workflows:execute\"", "\"instance\":\"/supervisor/api/runs\"");
        assertThat(configured.bean(SecuredApp.Audited.class).records()).anySatisfy(a -> {
            assertThat(a.event()).isEqualTo(AuditEvents.AUTHZ_FAIL);
            assertThat(a.actor()).isEqualTo("alice");
            assertThat(a.correlationId()).isEqualTo("POST /supervisor/api/runs");
        });
    }

    @Test
    void token_expiredOrForged_is401() throws Exception {
        String expired = SecuredApp.token("alice", List.of("admin"), Instant.now().minusSeconds(3600));
        assertThat(configured.send("GET", "/supervisor/api/runs", "Authorization", "Bearer " + expired)
                .statusCode()).isEqualTo(401);
        String forged = bearer(List.of("admin"));
        forged = forged.substring(0, forged.length() - 3) + (forged.endsWith("AAA") ? "BBB" : "AAA");
        assertThat(configured.send("GET", "/supervisor/api/runs", "Authorization", forged).statusCode())
                .isEqualTo(401);
    }

    /* ---- API keys ---- */

    @Test
    void apiKey_scopeDecidesThePermission() throws Exception {
        String key = configured.bean(ApiKeys.class).create("ci-bot", Set.of("workflows:execute"),
                Duration.ofDays(1));
        assertThat(configured.send("POST", "/supervisor/api/runs", "X-API-Key", key).statusCode()).isEqualTo(200);
        assertThat(configured.send("GET", "/supervisor/api/runs", "X-API-Key", key).statusCode()).isEqualTo(403);
        String reader = configured.bean(ApiKeys.class).create("reader", Set.of("workflows:read", "tasks:read"),
                Duration.ofDays(1));
        assertThat(configured.send("GET", "/supervisor/api/workflows/caller", "X-API-Key", reader).body())
                .endsWith("[] [tasks:read, workflows:read] viewer=false");
        String unknown = "sk_AbCdEfGh_" + "0".repeat(43) + "00000000";
        assertThat(configured.send("POST", "/supervisor/api/runs", "X-API-Key", unknown).statusCode())
                .isEqualTo(401);
    }

    /* ---- CORS ---- */

    @Test
    void cors_preflightFromAnAllowedOrigin_isAnswered_andOthersRefused() throws Exception {
        HttpResponse<String> ok = configured.send("OPTIONS", "/supervisor/api/runs", "Origin",
                "https://app.example.com", "Access-Control-Request-Method", "POST");
        assertThat(ok.statusCode()).isEqualTo(204);
        assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
        assertThat(configured.send("OPTIONS", "/supervisor/api/runs", "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST").statusCode()).isEqualTo(403);
    }

    /* ---- paths ---- */

    /* ---- abuse ---- */

    @Test
    void rateLimit_thenBlock_forAClientThatKeepsGoing() throws Exception {
        try (SecuredApp.Running app = SecuredApp.start(springSecurity(),
                "supervisor.security.rate-limit.requests-per-minute=2", "supervisor.security.rate-limit.burst=2",
                "supervisor.security.ip-block.violations=2")) {
            assertThat(app.send("GET", "/supervisor/api/runs").statusCode()).isEqualTo(401);
            assertThat(app.send("GET", "/supervisor/api/runs").statusCode()).isEqualTo(401);
            HttpResponse<String> limited = app.send("GET", "/supervisor/api/runs");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).isPresent();
            assertThat(app.send("GET", "/supervisor/api/runs").statusCode()).isEqualTo(429); // second violation
            HttpResponse<String> blocked = app.send("GET", "/supervisor/dashboard");
            assertThat(blocked.statusCode()).isEqualTo(403);
            assertThat(blocked.body()).contains("blocked");
        }
    }

    /** The servlet filter answers 400; with Spring Security its firewall refuses first (and its error page 401). */
    @Test
    void nonCanonicalPath_isRefused() throws Exception {
        for (String path : List.of("/supervisor/x;y/api/runs", "/supervisor/api/%252e%252e/runs")) {
            HttpResponse<String> r = configured.send("GET", path, "Authorization", bearer(List.of("admin")));
            assertThat(r.statusCode()).as(path).isIn(400, 401);
            assertThat(r.body()).doesNotContain("runs for");
        }
    }
}
