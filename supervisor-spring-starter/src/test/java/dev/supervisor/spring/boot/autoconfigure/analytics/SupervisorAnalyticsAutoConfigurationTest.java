package dev.supervisor.spring.boot.autoconfigure.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.analytics.metrics.MetricsCollector;
import dev.supervisor.analytics.series.MetricQuery;
import dev.supervisor.analytics.series.MetricStore;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.TaskContext;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.Supervisor;
import dev.supervisor.spring.boot.autoconfigure.SupervisorAutoConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SupervisorAnalyticsAutoConfigurationTest {
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
                    SupervisorAnalyticsAutoConfiguration.class));

    @Test
    void events_feedTheMetricStoreAndTheCollector() {
        runner.run(ctx -> {
            var run = ctx.getBean(Supervisor.class).submit(WorkflowSpec.builder("w")
                    .task(TaskSpec.builder("a", WORK)).build());
            assertThat(run.outcome().get(30, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.SUCCEEDED);
            Instant now = Instant.now();
            var series = ctx.getBean(MetricStore.class).query(MetricQuery.of("task.succeeded",
                    now.minus(Duration.ofHours(1)), now.plus(Duration.ofMinutes(1))).build());
            assertThat(series).isNotEmpty();
            assertThat(series.get(0).points()).extracting(p -> p.count()).containsOnly(1L);
            assertThat(ctx.getBean(MetricsCollector.class).snapshot()).singleElement()
                    .satisfies(s -> assertThat(s.succeeded()).isEqualTo(1));
        });
    }

    @Test
    void retention_bad_failsNamingTheProperty() {
        runner.withPropertyValues("supervisor.analytics.retention=10m").run(ctx ->
                assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("supervisor.analytics.retention"));
    }

    @Test
    void disabled_orUserStore() {
        runner.withPropertyValues("supervisor.analytics.enabled=false").run(ctx ->
                assertThat(ctx).doesNotHaveBean(MetricStore.class).doesNotHaveBean(SupervisorAnalyticsFeed.class));
        MetricStore mine = MetricStore.withDefaults();
        runner.withBean(MetricStore.class, () -> mine).run(ctx ->
                assertThat(ctx.getBean(MetricStore.class)).isSameAs(mine));
    }
}
