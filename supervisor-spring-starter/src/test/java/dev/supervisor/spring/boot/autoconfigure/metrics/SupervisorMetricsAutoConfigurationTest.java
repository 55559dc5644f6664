package dev.supervisor.spring.boot.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.TaskContext;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.Supervisor;
import dev.supervisor.spring.boot.autoconfigure.SupervisorAutoConfiguration;
import dev.supervisor.spring.boot.autoconfigure.plugin.SupervisorPluginAutoConfiguration;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SupervisorMetricsAutoConfigurationTest {
    private static final TaskType WORK = TaskType.of("work");
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues("supervisor.cron.warm-up=false")
            .withBean("work", TaskHandler.class, () -> new TaskHandler() {
                @Override
                public Object execute(TaskContext context) {
                    return "done";
                }

                @Override
                public Set<TaskType> types() {
                    return Set.of(WORK);
                }
            })
            .withConfiguration(AutoConfigurations.of(SupervisorAutoConfiguration.class,
                    SupervisorMetricsAutoConfiguration.class, SupervisorPluginAutoConfiguration.class));

    @Test
    void binders_countARunOnARegistry() {
        runner.run(ctx -> {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            ctx.getBean(SupervisorMetrics.class).bindTo(registry);
            ctx.getBean(ProviderMetrics.class).bindTo(registry);
            var run = ctx.getBean(Supervisor.class).submit(WorkflowSpec.builder("w")
                    .task(TaskSpec.builder("a", WORK)).task(TaskSpec.builder("b", WORK).dependsOn("a")).build());
            assertThat(run.outcome().get(30, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(registry.get(SupervisorMetricNames.RUNS_FINISHED).tag("status", "SUCCEEDED").counter()
                    .count()).isEqualTo(1);
            assertThat(registry.get(SupervisorMetricNames.TASKS_FINISHED).tags("type", "work", "state", "SUCCEEDED")
                    .counter().count()).isEqualTo(2);
            assertThat(registry.get(SupervisorMetricNames.TASK_DURATION).timer().count()).isEqualTo(2);
            assertThat(registry.get(SupervisorMetricNames.RUNS_ACTIVE).gauge().value()).isZero();
        });
    }

    @Test
    void disabled_orWithoutASupervisor_registersNothing() {
        runner.withPropertyValues("supervisor.metrics.enabled=false").run(ctx ->
                assertThat(ctx).doesNotHaveBean(SupervisorMetrics.class).doesNotHaveBean(ProviderMetrics.class));
        runner.withPropertyValues("supervisor.enabled=false").run(ctx ->
                assertThat(ctx).doesNotHaveBean(SupervisorMetrics.class));
    }

    @Test
    void userBinder_wins() {
        runner.withBean("mine", SupervisorMetrics.class,
                () -> new SupervisorMetrics(Supervisor.create(dev.supervisor.core.SupervisorConfig.ofDefaults())))
                .run(ctx -> assertThat(ctx).hasSingleBean(SupervisorMetrics.class).hasBean("mine"));
    }
}
