package dev.supervisor.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.ScheduleStore;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.jdbc.JdbcStores;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SupervisorJdbcConfigurationTest {
    private final DataSource dataSource = TestDatabases.h2();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues("supervisor.cron.warm-up=false")
            .withUserConfiguration(SupervisorAutoConfigurationTest.HandlerConfig.class)
            .withConfiguration(AutoConfigurations.of(SupervisorAutoConfiguration.class));

    @Test
    void storeJdbc_keepsRunsAndSchedulesInTheDataSource_afterMigratingIt() {
        runner.withBean(DataSource.class, () -> dataSource).withPropertyValues("supervisor.store=jdbc").run(ctx -> {
            assertThat(ctx).hasSingleBean(RunStore.class).hasSingleBean(ScheduleStore.class);
            assertThat(JdbcStores.databaseSchemaVersion(dataSource)).isEqualTo(JdbcStores.schemaVersion());
            Supervisor sup = ctx.getBean(Supervisor.class);
            RunHandle run = sup.submit(WorkflowSpec.builder("w")
                    .task(TaskSpec.builder("g", SupervisorAutoConfigurationTest.GREET)).build());
            assertThat(run.outcome().get(30, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(JdbcStores.runStore(dataSource).findRun(run.runId()).orElseThrow().status())
                    .isEqualTo(RunStatus.SUCCEEDED);
        });
    }

    @Test
    void storeJdbc_withoutDataSource_failsNamingTheProperty() {
        runner.withPropertyValues("supervisor.store=jdbc").run(ctx ->
                assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("supervisor.store")
                        .hasMessageContaining("needs one DataSource bean"));
    }

    @Test
    void initializeSchemaOff_onADatabaseBehind_isRefusedNamingBothVersions() {
        runner.withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("supervisor.store=jdbc", "supervisor.jdbc.initialize-schema=false").run(ctx -> {
                    assertThat(ctx.getStartupFailure()).rootCause()
                            .hasMessageContaining("supervisor.jdbc.initialize-schema")
                            .hasMessageContaining("at version 0 but this Supervisor needs version "
                                    + JdbcStores.schemaVersion());
                    assertThat(JdbcStores.databaseSchemaVersion(dataSource)).isZero();
                });
    }

    @Test
    void initializeSchemaOff_onACurrentDatabase_starts() {
        JdbcStores.migrate(dataSource);
        runner.withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("supervisor.store=jdbc", "supervisor.jdbc.initialize-schema=false")
                .run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(RunStore.class));
    }

    @Test
    void maxRetainedRuns_belowOne_failsNamingTheProperty() {
        runner.withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("supervisor.store=jdbc", "supervisor.jdbc.max-retained-runs=0").run(ctx ->
                        assertThat(ctx.getStartupFailure()).rootCause()
                                .hasMessageContaining("supervisor.jdbc.max-retained-runs"));
    }

    @Test
    void userRunStore_wins() {
        RunStore mine = dev.supervisor.core.RunStores.inMemory();
        runner.withBean(DataSource.class, () -> dataSource).withBean(RunStore.class, () -> mine)
                .withPropertyValues("supervisor.store=jdbc").run(ctx -> {
                    assertThat(ctx.getBean(RunStore.class)).isSameAs(mine);
                    assertThat(ctx.getBean(SupervisorConfig.class).runStore()).containsSame(mine);
                });
    }

    /* ---- cluster ---- */

    @Test
    void cluster_onTheJdbcStore_makesTheSupervisorANode() {
        DataSource postgres = TestDatabases.postgres();
        runner.withBean(DataSource.class, () -> postgres).withPropertyValues("supervisor.store=jdbc",
                "supervisor.cluster.enabled=true", "supervisor.cluster.lease=10s", "supervisor.node-id=n1").run(ctx -> {
                    SupervisorConfig c = ctx.getBean(SupervisorConfig.class);
                    assertThat(c.cluster()).hasValueSatisfying(cc ->
                            assertThat(cc.lease()).isEqualTo(Duration.ofSeconds(10)));
                    Supervisor sup = ctx.getBean(Supervisor.class);
                    RunHandle run = sup.submit(WorkflowSpec.builder("w")
                            .task(TaskSpec.builder("g", SupervisorAutoConfigurationTest.GREET)).build());
                    assertThat(run.outcome().get(30, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.SUCCEEDED);
                });
    }

    @Test
    void cluster_withoutASharedStore_failsNamingTheProperty() {
        runner.withPropertyValues("supervisor.cluster.enabled=true").run(ctx ->
                assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("supervisor.cluster.enabled")
                        .hasMessageContaining("supervisor.store=jdbc"));
    }

    @Test
    void cluster_onAStoreThatCannotClaim_failsNamingTheProperty() {
        runner.withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("supervisor.store=jdbc", "supervisor.cluster.enabled=true").run(ctx ->
                        assertThat(ctx.getStartupFailure()).rootCause()
                                .hasMessageContaining("supervisor.cluster.enabled")
                                .hasMessageContaining("a run store that can claim tasks"));
    }

    @Test
    void cluster_badLease_failsNamingTheProperty() {
        runner.withBean(DataSource.class, () -> dataSource).withPropertyValues("supervisor.store=jdbc",
                "supervisor.cluster.enabled=true", "supervisor.cluster.lease=100ms").run(ctx ->
                        assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("supervisor.cluster.lease")
                                .hasMessageContaining("between 1 s and 1 h"));
    }
}
