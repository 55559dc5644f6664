package dev.supervisor.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supervisor.analytics.series.MetricStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Providers, analytics and the audit trail through a real server. */
@SpringBootTest(classes = ApiTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OtherApiTest {
    @LocalServerPort
    int port;
    @Autowired
    MetricStore metrics;

    @Test
    void providers_showStateQuotasAndCosts() {
        Http http = new Http(port);
        JsonNode list = http.get("/supervisor/api/providers", "viewer-token").json();
        JsonNode mock = list.get("providers").get(0);
        assertThat(mock.get("id").asText()).isEqualTo("mock-a");
        assertThat(mock.get("circuit").asText()).isEqualTo("CLOSED");
        assertThat(mock.get("maxConcurrent").asInt()).isEqualTo(3);
        assertThat(mock.get("requestQuotas").get("MINUTE").asLong()).isEqualTo(60);
        assertThat(mock.get("cost").get("currency").asText()).isEqualTo("USD");
        assertThat(list.get("total").get("calls").asLong()).isZero();
        assertThat(http.get("/supervisor/api/providers/nope", "viewer-token").status()).isEqualTo(404);
        assertThat(http.get("/supervisor/api/providers", "nobody-token").status()).isEqualTo(403);
    }

    @Test
    void analytics_queryFlagForecastAndExport() {
        Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(180, ChronoUnit.MINUTES);
        for (int m = 0; m < 180; m++) {
            double v = m == 170 ? 50.0 : 1.0 + (m % 3) * 0.01;
            metrics.record("task.duration", Map.of("type", "lint"), base.plus(m, ChronoUnit.MINUTES).plusSeconds(5), v);
        }
        Http http = new Http(port);
        String range = "metric=task.duration&from=" + base + "&to=" + base.plus(180, ChronoUnit.MINUTES)
                + "&step=PT1M&groupBy=type";
        JsonNode series = http.get("/supervisor/api/analytics/series?" + range, "viewer-token").json();
        assertThat(series.get(0).get("group").get("type").asText()).isEqualTo("lint");
        assertThat(series.get(0).get("points")).hasSize(180);

        JsonNode anomalies = http.get("/supervisor/api/analytics/anomalies?" + range + "&threshold=0.9",
                "viewer-token").json();
        assertThat(anomalies.get(0).get("anomalies")).extracting(a -> a.get("value").asDouble()).contains(50.0);

        JsonNode forecast = http.get("/supervisor/api/analytics/forecast?" + range + "&horizon=3", "viewer-token")
                .json();
        assertThat(forecast.get(0).get("points")).hasSize(3);
        assertThat(forecast.get(0).get("points").get(0).get("upper").asDouble())
                .isGreaterThanOrEqualTo(forecast.get(0).get("points").get(0).get("lower").asDouble());

        Http.Reply csv = http.get("/supervisor/api/analytics/export?format=csv&" + range, "admin-token");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.text().lines().count()).isEqualTo(181);
        assertThat(http.get("/supervisor/api/analytics/export?format=csv&" + range, "viewer-token").status())
                .as("viewers may read but not export").isEqualTo(403);
        assertThat(http.get("/supervisor/api/analytics/series?metric=x&step=PT1S", "viewer-token").json()
                .get("parameter").asText()).isEqualTo("step");
    }

    @Test
    void audit_recordsRefusals_andOnlyAdministratorsReadIt() {
        Http http = new Http(port);
        assertThat(http.post("/supervisor/api/runs", "viewer-token", RunsApiTest.TWO_TASKS).status()).isEqualTo(403);
        JsonNode page = http.get("/supervisor/api/audit?event=authz_fail&actor=viewer-user", "admin-token").json();
        assertThat(page.get("records")).anySatisfy(r -> {
            assertThat(r.get("fields").get("permission").asText()).isEqualTo("workflows:execute");
            assertThat(r.get("correlationId").asText()).isEqualTo("POST /supervisor/api/runs");
            assertThat(r.get("hash").asText()).as("chained").hasSize(64);
        });
        assertThat(http.get("/supervisor/api/audit", "user-token").status()).isEqualTo(403);
    }
}
