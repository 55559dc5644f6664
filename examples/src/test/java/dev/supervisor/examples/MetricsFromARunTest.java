package dev.supervisor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.analytics.metrics.MetricsCollector;
import dev.supervisor.analytics.metrics.TaskStats;
import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import org.junit.jupiter.api.Test;

/** Analytics consumes the engine's events without depending on the engine. */
class MetricsFromARunTest {

    @Test
    void metricsCollector_subscribedToTheBus_countsWhatTheRunDid() {
        MetricsCollector metrics = new MetricsCollector();
        TaskType flaky = TaskType.of("flaky");
        try (Supervisor sup = Supervisor.create(SupervisorConfig.builder().executor(Runnable::run)
                .handler(flaky, ctx -> {
                    if (ctx.attempt() == 1) {
                        throw new java.io.IOException("first attempt fails");
                    }
                    return "ok";
                }).build())) {
            sup.events().subscribe(SupervisorEvent.class, metrics);
            WorkflowSpec wf = WorkflowSpec.builder("metrics-demo").task(TaskSpec.builder("a", flaky)
                    .retryPolicy(RetryPolicy.builder().maxAttempts(2).backoff(dev.supervisor.api.Backoff.FIXED,
                            java.time.Duration.ZERO).build())).build();
            sup.submit(wf).outcome().join();
        }
        TaskStats s = metrics.snapshot().get(0);
        assertThat(s.key().workflowId()).isEqualTo("metrics-demo");
        assertThat(s.succeeded()).isEqualTo(1);
        assertThat(s.retries()).isEqualTo(1);
    }
}
