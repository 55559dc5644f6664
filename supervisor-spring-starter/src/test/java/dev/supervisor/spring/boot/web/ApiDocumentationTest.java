package dev.supervisor.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document springdoc generates from the API, and the rule behind "RBAC per endpoint": every API
 * operation declares its permission.
 */
@SpringBootTest(classes = ApiTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocumentationTest {
    @LocalServerPort
    int port;
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
                ProvidersController.class, AnalyticsController.class, AuditController.class)) {
            assertThat(c).hasAnnotation(RestController.class);
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(ApiPermission.class)) {
                    declared++;
                }
            }
        }
        assertThat(endpoints).hasSize((int) declared).hasSizeGreaterThan(20);
    }

    @Test
    void openApiDocument_listsEveryOperationWithItsPermissionAndProblems() throws Exception {
        Http.Reply docs = new Http(port).get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        Path out = Path.of("target", "supervisor-openapi.json");
        Files.writeString(out, docs.text()); // kept for readers of the build output
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.fieldNames()).toIterable().contains("/supervisor/api/runs", "/supervisor/api/runs/{runId}",
                "/supervisor/api/runs/{runId}/cancel", "/supervisor/api/runs/{runId}/events",
                "/supervisor/api/runs/{runId}/events/stream", "/supervisor/api/schedules",
                "/supervisor/api/schedules/{id}/preview", "/supervisor/api/providers", "/supervisor/api/analytics/series",
                "/supervisor/api/analytics/export", "/supervisor/api/audit");
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
        assertThat(docs.json().get("components").get("schemas").has("RunDetail")).isTrue();
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
