package dev.supervisor.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supervisor.spring.boot.autoconfigure.security.SupervisorPermissions;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document springdoc generates from the API, and the rule behind "RBAC per endpoint": every API
 * operation declares its permission.
 */
class ApiDocumentationTest extends ApiServerTest {
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiEndpoint_declaresItsPermission() {
        List<String> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod m = e.getValue();
            if (m.getBeanType().getPackageName().equals(ApiPermission.class.getPackageName())) {
                assertThat(m.getMethodAnnotation(ApiPermission.class)).as("%s", m).isNotNull();
                endpoints.add(m.getMethod().getName());
            }
        }
        long declared = 0;
        for (Class<?> c : List.of(RunsController.class, RunEventsController.class, SchedulesController.class,
                ProvidersController.class, AnalyticsController.class, AuditController.class,
                PluginsController.class)) {
            assertThat(c).hasAnnotation(RestController.class);
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(ApiPermission.class)) {
                    declared++;
                }
            }
        }
        assertThat(endpoints).hasSize((int) declared).hasSizeGreaterThan(20);
    }

    /**
     * The security's permission table decides before the API does: each endpoint must need there what it declares
     * here, or a caller holding exactly the declared permission (an API key's scope) would be refused.
     */
    @Test
    void everyApiEndpoint_needsInTheSecurityTableWhatItDeclares() {
        SupervisorPermissions table = SupervisorPermissions.defaults("/supervisor", SupervisorApiAutoConfiguration
                .BASE_PATH);
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            ApiPermission declared = e.getValue().getMethodAnnotation(ApiPermission.class);
            if (declared == null) {
                continue;
            }
            for (String pattern : e.getKey().getPatternValues()) {
                String path = pattern.replaceAll("\\{[^}]+}", "some-id");
                for (RequestMethod method : e.getKey().getMethodsCondition().getMethods()) {
                    assertThat(table.required(method.name(), path)).as("%s %s", method, pattern)
                            .isEqualTo(declared.value());
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void openApiDocument_listsEveryOperationWithItsPermissionAndProblems() throws Exception {
        assertThat(http.get("/v3/api-docs", null).status()).as("the application's own security").isEqualTo(401);
        Http.Reply docs = http.getAsUser("/v3/api-docs", DOCS_USER, DOCS_PASSWORD);
        assertThat(docs.status()).isEqualTo(200);
        Path out = Path.of("target", "supervisor-openapi.json");
        Files.writeString(out, docs.text()); // kept for readers of the build output
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.fieldNames()).toIterable().contains("/supervisor/api/runs", "/supervisor/api/runs/{runId}",
                "/supervisor/api/runs/{runId}/cancel", "/supervisor/api/runs/{runId}/events",
                "/supervisor/api/runs/{runId}/events/stream", "/supervisor/api/schedules",
                "/supervisor/api/schedules/{id}/preview", "/supervisor/api/providers", "/supervisor/api/analytics/series",
                "/supervisor/api/analytics/export", "/supervisor/api/audit", "/supervisor/api/plugins",
                "/supervisor/api/plugins/{id}/enable", "/supervisor/api/plugins/{id}/disable");
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : iterable(paths)) {
            if (!path.getKey().startsWith("/supervisor/api")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> op : iterable(path.getValue())) {
                operations++;
                assertThat(op.getValue().get(ApiDocumentation.PERMISSION)).as(path.getKey() + " " + op.getKey())
                        .isNotNull();
                assertThat(op.getValue().get("responses").has("403")).isTrue();
            }
        }
        assertThat(operations).isGreaterThan(20);
        assertThat(paths.get("/supervisor/api/runs").get("post").get(ApiDocumentation.PERMISSION).asText())
                .isEqualTo("workflows:execute");
        assertThat(paths.get("/supervisor/api/plugins/{id}/disable").get("post").get(ApiDocumentation.PERMISSION)
                .asText()).isEqualTo("system:admin");
        assertThat(docs.json().get("components").get("schemas").has("RunDetail")).isTrue();
        assertThat(docs.json().get("components").get("schemas").has("PluginView")).isTrue();
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
