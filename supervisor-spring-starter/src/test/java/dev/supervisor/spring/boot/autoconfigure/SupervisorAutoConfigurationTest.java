package dev.supervisor.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.AttemptInterceptor;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.TaskContext;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.cron.CronDialect;
import dev.supervisor.core.cron.CronSchedule;
import dev.supervisor.core.cron.CronScheduler;
import dev.supervisor.core.cron.ScheduleSpec;
import dev.supervisor.core.cron.ScheduleTarget;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

class SupervisorAutoConfigurationTest {
    static final TaskType GREET = TaskType.of("greet");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues("supervisor.cron.warm-up=false")
            .withConfiguration(AutoConfigurations.of(SupervisorAutoConfiguration.class));

    static final class Greeter implements TaskHandler {
        @Override
        public Object execute(TaskContext context) {
            return "hello " + context.inputs().get("name");
        }

        @Override
        public Set<TaskType> types() {
            return Set.of(GREET);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HandlerConfig {
        @Bean
        Greeter greeter() {
            return new Greeter();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UntypedHandlerConfig {
        @Bean
        TaskHandler untyped() {
            return ctx -> "?";
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class InterceptorConfig {
        @Bean
        @Order(2)
        AttemptInterceptor inner() {
            return (ctx, next) -> "inner(" + next.proceed() + ")";
        }

        @Bean
        @Order(1)
        AttemptInterceptor outer() {
            return (ctx, next) -> "outer(" + next.proceed() + ")";
        }

        @Bean
        SupervisorConfigCustomizer seed() {
            return b -> b.randomSeed(42);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnSupervisorConfig {
        @Bean
        SupervisorConfig supervisorConfig() {
            return SupervisorConfig.builder().maxConcurrency(3).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ScheduleConfig {
        @Bean
        ScheduleSpec nightly() {
            return ScheduleSpec.builder("nightly", CronSchedule.of("0 30 2 * * ?", CronDialect.QUARTZ,
                    ZoneId.of("Europe/Berlin")), ScheduleTarget.of(f -> { })).build();
        }
    }

    static RunOutcome greet(Supervisor sup) throws Exception {
        return sup.submit(WorkflowSpec.builder("w").task(TaskSpec.builder("g", GREET)).build(),
                Map.of("name", "spring")).outcome().get(30, TimeUnit.SECONDS);
    }

    /* ---- defaults and properties ---- */

    @Test
    void autoConfiguration_defaults_createsSupervisorCronAndLifecycleInMemory() {
        runner.run(ctx -> {
            assertThat(ctx).hasSingleBean(Supervisor.class).hasSingleBean(CronScheduler.class)
                    .hasSingleBean(SupervisorLifecycle.class).doesNotHaveBean(RunStore.class);
            assertThat(ctx.getBean(SupervisorConfig.class).runStore()).isEmpty();
            assertThat(ctx.getBean(SupervisorConfig.class).cluster()).isEmpty();
        });
    }

    @Test
    void properties_defaults_areTheLibraryDefaults() {
        SupervisorProperties p = new SupervisorProperties();
        SupervisorConfig d = SupervisorConfig.ofDefaults();
        assertThat(p.getMaxConcurrency()).isEqualTo(d.maxConcurrency());
        assertThat(p.getMaxActiveRuns()).isEqualTo(d.maxActiveRuns());
        assertThat(p.getShutdownDeadline()).isEqualTo(d.shutdownDeadline());
        assertThat(p.getCancellationGrace()).isEqualTo(d.cancellationGrace());
        assertThat(p.isDiscoverHandlers()).isEqualTo(d.discoverHandlers());
        assertThat(p.getRetainedFinishedRuns()).isEqualTo(d.retainedFinishedRuns());
        assertThat(p.getAsyncEventQueueCapacity()).isEqualTo(d.asyncEventQueueCapacity());
        dev.supervisor.core.ClusterConfig c = dev.supervisor.core.ClusterConfig.ofDefaults();
        assertThat(p.getCluster().getLease()).isEqualTo(c.lease());
        assertThat(p.getCluster().getPollInterval()).isEqualTo(c.pollInterval());
        assertThat(p.getCluster().getClaimBatch()).isEqualTo(c.claimBatch());
    }

    @Test
    void properties_set_reachTheConfiguration() {
        runner.withPropertyValues("supervisor.max-concurrency=7", "supervisor.max-active-runs=9",
                "supervisor.shutdown-deadline=5s", "supervisor.cancellation-grace=250ms", "supervisor.node-id=api-1",
                "supervisor.retained-finished-runs=3", "supervisor.async-event-queue-capacity=16",
                "supervisor.type-limits.greet=2", "supervisor.tag-limits.gpu=1", "supervisor.discover-handlers=true")
                .run(ctx -> {
                    SupervisorConfig c = ctx.getBean(SupervisorConfig.class);
                    assertThat(c.maxConcurrency()).isEqualTo(7);
                    assertThat(c.maxActiveRuns()).isEqualTo(9);
                    assertThat(c.shutdownDeadline()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(c.cancellationGrace()).isEqualTo(Duration.ofMillis(250));
                    assertThat(c.toString()).contains("nodeId=api-1");
                    assertThat(c.retainedFinishedRuns()).isEqualTo(3);
                    assertThat(c.asyncEventQueueCapacity()).isEqualTo(16);
                    assertThat(c.typeLimits()).containsEntry(GREET, 2);
                    assertThat(c.tagLimits()).containsEntry("gpu", 1);
                    assertThat(c.discoverHandlers()).isTrue();
                });
    }

    @Test
    void properties_badValue_failsStartupNamingThePropertyValueAndReason() {
        runner.withPropertyValues("supervisor.max-concurrency=0").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause()
                    .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                    .hasMessageContaining("supervisor.max-concurrency").hasMessageContaining("0")
                    .hasMessageContaining("must be in [1, 1000000]");
        });
    }

    @Test
    void properties_badTypeLimit_failsNamingTheEntry() {
        runner.withPropertyValues("supervisor.type-limits.greet=-1").run(ctx ->
                assertThat(ctx.getStartupFailure()).rootCause()
                        .hasMessageContaining("supervisor.type-limits.greet"));
    }

    @Test
    void properties_unknownStore_failsNamingTheProperty() {
        runner.withPropertyValues("supervisor.store=mongo").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).hasStackTraceContaining("supervisor.store")
                    .hasStackTraceContaining("mongo");
        });
    }

    /* ---- beans the application brings ---- */

    @Test
    void handlerBean_isRegisteredForItsTypes_andRunsWorkflows() {
        runner.withUserConfiguration(HandlerConfig.class).run(ctx -> {
            RunOutcome out = greet(ctx.getBean(Supervisor.class));
            assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(out.task("g").output()).isEqualTo("hello spring");
        });
    }

    @Test
    void handlerBean_withoutTypes_failsStartupNamingIt() {
        runner.withUserConfiguration(UntypedHandlerConfig.class).run(ctx ->
                assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("declares no types()"));
    }

    @Test
    void interceptorBeans_wrapEveryAttemptInBeanOrder_andCustomizersApply() {
        runner.withUserConfiguration(HandlerConfig.class, InterceptorConfig.class).run(ctx -> {
            assertThat(ctx.getBean(SupervisorConfig.class).randomSeed()).isEqualTo(42);
            assertThat(greet(ctx.getBean(Supervisor.class)).task("g").output())
                    .isEqualTo("outer(inner(hello spring))");
        });
    }

    @Test
    void userConfiguration_wins() {
        runner.withUserConfiguration(OwnSupervisorConfig.class).run(ctx ->
                assertThat(ctx.getBean(SupervisorConfig.class).maxConcurrency()).isEqualTo(3));
    }

    @Test
    void userSupervisor_wins() {
        runner.withBean("mine", Supervisor.class, () -> Supervisor.create(SupervisorConfig.ofDefaults())).run(ctx ->
                assertThat(ctx).hasSingleBean(Supervisor.class).hasBean("mine"));
    }

    /* ---- switches ---- */

    @Test
    void disabled_createsNothing() {
        runner.withPropertyValues("supervisor.enabled=false").run(ctx ->
                assertThat(ctx).doesNotHaveBean(Supervisor.class).doesNotHaveBean(CronScheduler.class)
                        .doesNotHaveBean(SupervisorProperties.class));
    }

    @Test
    void cron_scheduleBeans_areAdded() {
        runner.withUserConfiguration(ScheduleConfig.class).run(ctx -> {
            CronScheduler cron = ctx.getBean(CronScheduler.class);
            assertThat(cron.info("nightly")).isPresent();
            assertThat(cron.preview("nightly", 2)).hasSize(2);
        });
    }

    @Test
    void cron_disabled_leavesTheSupervisorAlone() {
        runner.withPropertyValues("supervisor.cron.enabled=false").run(ctx ->
                assertThat(ctx).doesNotHaveBean(CronScheduler.class).hasSingleBean(Supervisor.class)
                        .hasSingleBean(SupervisorLifecycle.class));
    }
}
