package dev.supervisor.spring.boot.autoconfigure.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.jdbc.JdbcStores;
import dev.supervisor.core.provider.ProviderRouter;
import dev.supervisor.spring.boot.autoconfigure.SupervisorAutoConfiguration;
import dev.supervisor.spring.boot.autoconfigure.TestDatabases;
import dev.supervisor.spring.boot.autoconfigure.provider.SupervisorProviderAutoConfiguration;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SupervisorHealthAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues("supervisor.cron.warm-up=false")
            .withConfiguration(AutoConfigurations.of(SupervisorAutoConfiguration.class,
                    SupervisorProviderAutoConfiguration.class, SupervisorHealthAutoConfiguration.class));

    @Test
    void engine_isUpWhileItAccepts_andOutOfServiceOnceShuttingDown() {
        runner.run(ctx -> {
            SupervisorHealthIndicator h = ctx.getBean(SupervisorHealthIndicator.class);
            assertThat(h.health().getStatus()).isEqualTo(Status.UP);
            assertThat(h.health().getDetails()).containsEntry("mode", "memory").containsEntry("activeRuns", 0)
                    .containsEntry("maxConcurrency", 64);
            ctx.getBean(Supervisor.class).shutdown(Duration.ZERO);
            assertThat(h.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        });
    }

    @Test
    void cron_isUpWhileTheContextRuns() {
        runner.run(ctx -> {
            HealthIndicator h = ctx.getBean(CronSchedulerHealthIndicator.class);
            assertThat(h.health().getStatus()).isEqualTo(Status.UP);
            assertThat(h.health().getDetails()).containsEntry("schedules", 0);
        });
    }

    @Test
    void store_isUpWhenTheSchemaIsCurrent_andDownWhenBehindOrUnreachable() {
        DataSource ds = TestDatabases.h2();
        runner.withBean(DataSource.class, () -> ds).withPropertyValues("supervisor.store=jdbc").run(ctx -> {
            HealthIndicator h = ctx.getBean(SupervisorStoreHealthIndicator.class);
            assertThat(h.health().getStatus()).isEqualTo(Status.UP);
            assertThat(h.health().getDetails()).containsEntry("schemaVersion", JdbcStores.schemaVersion());
        });
        assertThat(new SupervisorStoreHealthIndicator(TestDatabases.h2()).health().getDetails())
                .containsEntry("schemaVersion", 0);
        assertThat(new SupervisorStoreHealthIndicator(TestDatabases.h2()).health().getStatus())
                .isEqualTo(Status.DOWN);
        org.h2.jdbcx.JdbcDataSource down = new org.h2.jdbcx.JdbcDataSource();
        down.setURL("jdbc:h2:mem:nowhere;IFEXISTS=TRUE");
        assertThat(new SupervisorStoreHealthIndicator(down).health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void store_inMemory_hasNoIndicator() {
        runner.run(ctx -> assertThat(ctx).doesNotHaveBean(SupervisorStoreHealthIndicator.class));
    }

    @Test
    void providers_eachCircuitIsShown_andAnOpenOneDoesNotTakeTheApplicationDown() {
        runner.withPropertyValues("supervisor.providers.instances.flaky.kind=mock",
                "supervisor.providers.instances.flaky.mock.failure-rate=1",
                "supervisor.providers.instances.flaky.mock.latency-max=0s",
                "supervisor.providers.circuit-breaker.consecutive-failures=1",
                "supervisor.providers.max-providers=1").run(ctx -> {
                    CompositeHealthContributor providers = ctx.getBean("supervisorProvidersHealthContributor",
                            CompositeHealthContributor.class);
                    HealthIndicator flaky = (HealthIndicator) providers.getContributor("flaky");
                    assertThat(flaky.health().getStatus()).isEqualTo(Status.UP);
                    ctx.getBean(ProviderRouter.class).route(ProviderRequest.builder("t1", TaskType.of("x"), "hi")
                            .build());
                    assertThat(flaky.health().getStatus()).isEqualTo(ProviderHealthIndicator.CIRCUIT_OPEN);
                    assertThat(flaky.health().getDetails()).containsEntry("circuit", "OPEN");
                });
    }

    @Test
    void info_givesVersionsAndTheTimeZoneDatabase() {
        runner.run(ctx -> {
            Info.Builder b = new Info.Builder();
            ctx.getBean(SupervisorInfoContributor.class).contribute(b);
            @SuppressWarnings("unchecked")
            Map<String, Object> info = (Map<String, Object>) b.build().getDetails().get("supervisor");
            assertThat(info).containsEntry("springBootVersion", SpringBootVersion.getVersion())
                    .containsEntry("schemaVersion", JdbcStores.schemaVersion()).containsKey("version")
                    .containsEntry("mode", "memory");
            assertThat((String) info.get("tzdbVersion")).matches("\\d{4}[a-z]");
        });
    }

    @Test
    void switches_turnThemOff() {
        runner.withPropertyValues("management.health.supervisor.enabled=false",
                "management.info.supervisor.enabled=false").run(ctx ->
                        assertThat(ctx).doesNotHaveBean(SupervisorHealthIndicator.class)
                                .doesNotHaveBean(CronSchedulerHealthIndicator.class)
                                .doesNotHaveBean(SupervisorInfoContributor.class));
        runner.withPropertyValues("supervisor.enabled=false").run(ctx ->
                assertThat(ctx).doesNotHaveBean(SupervisorHealthIndicator.class));
    }
}
