package dev.supervisor.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supervisor.analytics.anomaly.AlarmProfile;
import dev.supervisor.analytics.anomaly.AnomalyDetectors;
import dev.supervisor.analytics.series.MetricStore;
import dev.supervisor.auth.apikey.ApiKeys;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Providers, analytics, API keys and the audit trail through a real server. */
class OtherApiTest extends ApiServerTest {
    @Autowired
    MetricStore metrics;
    @Autowired
    ApiKeys keys;

    @Test
    void providers_showStateQuotasAndCosts() {
        JsonNode list = http.get("/supervisor/api/providers", ApiTestApp.VIEWER).json();
        JsonNode mock = list.get("providers").get(0);
        assertThat(mock.get("id").asText()).isEqualTo("mock-a");
        assertThat(mock.get("circuit").asText()).isEqualTo("CLOSED");
        assertThat(mock.get("maxConcurrent").asInt()).isEqualTo(3);
        assertThat(mock.get("requestQuotas").get("MINUTE").asLong()).isEqualTo(60);
        assertThat(mock.get("cost").get("currency").asText()).isEqualTo("USD");
        assertThat(list.get("total").get("calls").asLong()).isZero();
        assertThat(http.get("/supervisor/api/providers/nope", ApiTestApp.VIEWER).status()).isEqualTo(404);
        assertThat(http.get("/supervisor/api/providers", ApiTestApp.NOBODY).status()).isEqualTo(403);
    }

    @Test
    void analytics_queryFlagForecastAndExport() {
        Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(180, ChronoUnit.MINUTES);
        for (int m = 0; m < 180; m++) {
            double v = m == 170 ? 50.0 : 1.0 + (m % 3) * 0.01;
            metrics.record("lint.duration", Map.of("type", "lint"), base.plus(m, ChronoUnit.MINUTES).plusSeconds(5), v);
        }
        // A metric of its own: the store also records the runs of the other tests (task.duration and others).
        String range = "metric=lint.duration&from=" + base + "&to=" + base.plus(180, ChronoUnit.MINUTES)
                + "&step=PT1M&groupBy=type";
        JsonNode series = http.get("/supervisor/api/analytics/series?" + range, ApiTestApp.VIEWER).json();
        assertThat(series.get(0).get("group").get("type").asText()).isEqualTo("lint");
        assertThat(series.get(0).get("points")).hasSize(180);

        JsonNode anomalies = http.get("/supervisor/api/analytics/anomalies?" + range + "&threshold=0.9",
                ApiTestApp.VIEWER).json();
        assertThat(anomalies.get(0).get("anomalies")).extracting(a -> a.get("value").asDouble()).contains(50.0);
        JsonNode byDefault = http.get("/supervisor/api/analytics/anomalies?" + range, ApiTestApp.VIEWER).json();
        assertThat(byDefault.get(0).get("threshold").asDouble()).as("the detector's own alarm threshold")
                .isEqualTo(AnomalyDetectors.defaultEnsemble().threshold(AlarmProfile.STANDARD)).isEqualTo(0.65);
        assertThat(byDefault.get(0).get("anomalies")).extracting(a -> a.get("value").asDouble()).contains(50.0);
        assertThat(http.get("/supervisor/api/analytics/anomalies?" + range + "&threshold=0", ApiTestApp.VIEWER)
                .json().get("parameter").asText()).isEqualTo("threshold");

        JsonNode forecast = http.get("/supervisor/api/analytics/forecast?" + range + "&horizon=3", ApiTestApp.VIEWER)
                .json();
        assertThat(forecast.get(0).get("points")).hasSize(3);
        assertThat(forecast.get(0).get("points").get(0).get("upper").asDouble())
                .isGreaterThanOrEqualTo(forecast.get(0).get("points").get(0).get("lower").asDouble());

        Http.Reply csv = http.get("/supervisor/api/analytics/export?format=csv&" + range, ApiTestApp.ADMIN);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.text().lines().count()).isEqualTo(181);
        assertThat(http.get("/supervisor/api/analytics/export?format=csv&" + range, ApiTestApp.VIEWER).status())
                .as("viewers may read but not export").isEqualTo(403);
        assertThat(http.get("/supervisor/api/analytics/series?metric=x&step=PT1S", ApiTestApp.VIEWER).json()
                .get("parameter").asText()).isEqualTo("step");
    }

    @Test
    void apiKey_actsWithItsScopes_throughTheStartersSecurity() {
        // tag::api-key[]
        String key = keys.create("ci-bot", Set.of("workflows:read", "workflows:execute"), Duration.ofHours(1));
        // end::api-key[]
        Http.Reply submitted = http.withKey("POST", "/supervisor/api/runs", key, RunsApiTest.TWO_TASKS);
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        assertThat(http.withKey("GET", "/supervisor/api/runs/" + submitted.json().get("runId").asText(), key, null)
                .status()).isEqualTo(200);
        Http.Reply providers = http.withKey("GET", "/supervisor/api/providers", key, null);
        assertThat(providers.status()).isEqualTo(403);
        assertThat(providers.json().get("permission").asText()).isEqualTo("providers:read");
        keys.revoke(key);
        assertThat(http.withKey("GET", "/supervisor/api/runs", key, null).status()).isEqualTo(401);
    }

    @Test
    void audit_recordsRefusals_andOnlyAdministratorsReadIt() {
        assertThat(http.post("/supervisor/api/runs", ApiTestApp.VIEWER, RunsApiTest.TWO_TASKS).status()).isEqualTo(403);
        JsonNode page = http.get("/supervisor/api/audit?event=authz_fail&actor=viewer-user", ApiTestApp.ADMIN).json();
        assertThat(page.get("records")).anySatisfy(r -> {
            assertThat(r.get("fields").get("permission").asText()).isEqualTo("workflows:execute");
            assertThat(r.get("correlationId").asText()).isEqualTo("POST /supervisor/api/runs");
            assertThat(r.get("hash").asText()).as("chained").hasSize(64);
        });
        assertThat(http.get("/supervisor/api/audit", ApiTestApp.USER).status()).isEqualTo(403);
    }
}
