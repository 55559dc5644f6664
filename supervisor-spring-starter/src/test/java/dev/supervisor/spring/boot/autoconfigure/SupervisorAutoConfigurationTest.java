package dev.supervisor.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.TaskContext;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.cron.CronDialect;
import dev.supervisor.core.cron.CronSchedule;
import dev.supervisor.core.cron.CronScheduler;
import dev.supervisor.core.cron.ScheduleSpec;
import dev.supervisor.core.cron.ScheduleTarget;
import java.time.ZoneId;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class SupervisorAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SupervisorAutoConfiguration.class));

    static final class Greeter implements TaskHandler {
        @Override
        public Object execute(TaskContext context) {
            return "hello " + context.inputs().get("name");
        }

        @Override
        public Set<TaskType> types() {
            return Set.of(TaskType.of("greet"));
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

    @Test
    void autoConfiguration_scheduleBeans_areAddedToTheCronScheduler() {
        runner.withUserConfiguration(ScheduleConfig.class).run(ctx -> {
            CronScheduler cron = ctx.getBean(CronScheduler.class);
            assertThat(cron.info("nightly")).isPresent();
            assertThat(cron.preview("nightly", 2)).hasSize(2);
        });
    }

    @Test
    void autoConfiguration_defaults_createsSupervisor() {
        runner.run(ctx -> {
            assertThat(ctx).hasSingleBean(Supervisor.class);
            assertThat(ctx.getBean(SupervisorConfig.class).maxConcurrency()).isEqualTo(64);
        });
    }

    @Test
    void autoConfiguration_properties_areBound() {
        runner.withPropertyValues("supervisor.max-concurrency=7", "supervisor.shutdown-deadline=5s",
                "supervisor.type-limits.greet=2", "supervisor.tag-limits.gpu=1").run(ctx -> {
                    SupervisorConfig c = ctx.getBean(SupervisorConfig.class);
                    assertThat(c.maxConcurrency()).isEqualTo(7);
                    assertThat(c.shutdownDeadline()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(c.typeLimits()).containsEntry(TaskType.of("greet"), 2);
                    assertThat(c.tagLimits()).containsEntry("gpu", 1);
                });
    }

    @Test
    void autoConfiguration_handlerBean_runsWorkflows() {
        runner.withUserConfiguration(HandlerConfig.class).run(ctx -> {
            Supervisor sup = ctx.getBean(Supervisor.class);
            var out = sup.submit(WorkflowSpec.builder("w").task(TaskSpec.builder("g", TaskType.of("greet"))).build(),
                    java.util.Map.of("name", "spring")).outcome().get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(out.task("g").output()).isEqualTo("hello spring");
        });
    }

    @Test
    void autoConfiguration_userConfig_wins() {
        runner.withUserConfiguration(OwnSupervisorConfig.class).run(ctx ->
                assertThat(ctx.getBean(SupervisorConfig.class).maxConcurrency()).isEqualTo(3));
    }

    @Test
    void autoConfiguration_disabledByProperty_createsNothing() {
        runner.withPropertyValues("supervisor.enabled=false").run(ctx ->
                assertThat(ctx).doesNotHaveBean(Supervisor.class));
    }

    @Test
    void autoConfiguration_badProperty_failsStartupNamingIt() {
        runner.withPropertyValues("supervisor.max-concurrency=0").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("maxConcurrency");
        });
    }
}
