package dev.supervisor.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.Supervisor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/** The actuator endpoints of a real server on a random port: Prometheus text, health and info. */
@SpringBootTest(classes = ActuatorEndpointsTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.endpoints.web.exposure.include=health,info,prometheus",
            "management.endpoint.health.show-details=always", "supervisor.cron.warm-up=false",
            "supervisor.providers.task-types=BUG_FIX", "supervisor.providers.circuit-breaker.consecutive-failures=1",
            "supervisor.providers.instances.broken.kind=mock", "supervisor.providers.instances.broken.priority=1",
            "supervisor.providers.instances.broken.mock.failure-rate=1",
            "supervisor.providers.instances.broken.mock.latency-max=0s",
            "supervisor.providers.instances.agent.kind=mock", "supervisor.providers.instances.agent.priority=2",
            "supervisor.providers.instances.agent.mock.latency-max=0s",
            "spring.autoconfigure.exclude=org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
                    + "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
                    + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
                    + "org.springframework.boot.security.autoconfigure.actuate.web.servlet."
                    + "ManagementWebSecurityAutoConfiguration,"
                    + "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
                    + "dev.supervisor.spring.boot.autoconfigure.security.SupervisorSecurityAutoConfiguration"})
class ActuatorEndpointsTest {
    private static final TaskType FLAKY = TaskType.of("flaky");

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        /** Fails its first attempt, so that a retry is counted. */
        @Bean
        TaskHandler flaky() {
            AtomicInteger calls = new AtomicInteger();
            return new TaskHandler() {
                @Override
                public Object execute(dev.supervisor.api.spi.TaskContext context) {
                    if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("first attempt fails");
                    }
                    return "ok";
                }

                @Override
                public Set<TaskType> types() {
                    return Set.of(FLAKY);
                }
            };
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    Supervisor supervisor;

    private String get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    @Test
    void prometheus_afterARunWithARetryAndAProviderFailover_namesEverySupervisorMeter() throws Exception {
        var run = supervisor.submit(WorkflowSpec.builder("release")
                .task(TaskSpec.builder("build", FLAKY).retryPolicy(RetryPolicy.builder().maxAttempts(2).build()))
                .task(TaskSpec.builder("fix", TaskType.BUG_FIX).config(Map.of("prompt", "fix it")))
                .build());
        assertThat(run.outcome().get(30, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.SUCCEEDED);

        String text = get("/actuator/prometheus");
        assertThat(text).contains(
                "supervisor_runs_started_total{workflow=\"release\"} 1.0",
                "supervisor_runs_finished_total{status=\"SUCCEEDED\",workflow=\"release\"} 1.0",
                "supervisor_run_duration_seconds{status=\"SUCCEEDED\",workflow=\"release\",quantile=\"0.99\"}",
                "supervisor_tasks_started_total{provider=\"local\",type=\"flaky\"} 2.0",
                "supervisor_tasks_finished_total{provider=\"local\",state=\"SUCCEEDED\",type=\"flaky\"} 1.0",
                "supervisor_task_duration_seconds_count{provider=\"local\",state=\"SUCCEEDED\",type=\"flaky\"} 1",
                "supervisor_task_duration_seconds{provider=\"local\",state=\"SUCCEEDED\",type=\"flaky\","
                        + "quantile=\"0.95\"}",
                "supervisor_task_retries_total{provider=\"local\",type=\"flaky\"} 1.0",
                "supervisor_task_queue_wait_seconds_count{type=\"flaky\"} 2",
                "supervisor_runs_active 0.0", "supervisor_tasks_running 0.0", "supervisor_tasks_queued 0.0",
                "supervisor_concurrency_limit 64.0",
                "supervisor_provider_calls_total{outcome=\"CRASHED\",provider=\"broken\"} 1.0",
                "supervisor_provider_calls_total{outcome=\"SUCCESS\",provider=\"agent\"} 1.0",
                "supervisor_provider_call_duration_seconds_count{provider=\"agent\"} 1",
                "supervisor_provider_circuit_transitions_total{from=\"CLOSED\",provider=\"broken\",to=\"OPEN\"} 1.0",
                "supervisor_provider_circuit_state{provider=\"broken\"} 2.0",
                "supervisor_provider_tokens_total{direction=\"input\",provider=\"agent\"}",
                "supervisor_provider_tokens_total{direction=\"output\",provider=\"agent\"}",
                "supervisor_provider_cost_total{currency=\"USD\",provider=\"agent\"}",
                "supervisor_events_dropped_total 0.0");
    }

    @Test
    void health_and_info_describeTheSupervisor() throws Exception {
        assertThat(get("/actuator/health")).contains("\"supervisor\":{\"details\":{\"mode\":\"memory\"",
                "\"supervisorCron\":{", "\"supervisorProviders\":{", "\"broken\":{", "\"agent\":{")
                .endsWith("\"status\":\"UP\"}");
        assertThat(get("/actuator/info")).contains("\"supervisor\":{", "\"tzdbVersion\"", "\"springBootVersion\"");
    }
}
