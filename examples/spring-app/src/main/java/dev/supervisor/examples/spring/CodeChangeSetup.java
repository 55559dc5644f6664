package dev.supervisor.examples.spring;

import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.ScheduleStore;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.cron.CronDialect;
import dev.supervisor.core.cron.CronSchedule;
import dev.supervisor.core.cron.ScheduleSpec;
import dev.supervisor.core.cron.ScheduleTarget;
import dev.supervisor.core.jdbc.JdbcStores;
import dev.supervisor.core.json.WorkflowJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The supervisor of the example: its runs and schedule state in the application's database (the schema is
 * migrated at start), the code-change handlers, and the workflow on a cron schedule.
 */
@Configuration(proxyBeanMethods = false)
class CodeChangeSetup {
    /** The workflow, as the API accepts it too ({@code code-change.json} on the class path). */
    @Bean
    WorkflowSpec codeChangeWorkflow() {
        try (InputStream in = CodeChangeSetup.class.getResourceAsStream("/code-change.json")) {
            return WorkflowJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read code-change.json", e);
        }
    }

    @Bean
    RunStore runStore(DataSource dataSource) {
        return JdbcStores.runStore(dataSource);
    }

    @Bean
    ScheduleStore scheduleStore(DataSource dataSource) {
        return JdbcStores.scheduleStore(dataSource);
    }

    @Bean
    SupervisorConfig supervisorConfig(CodeChangeProperties props, RunStore runStore) {
        SupervisorConfig.SupervisorConfigBuilder b = SupervisorConfig.builder().runStore(runStore)
                .maxConcurrency(props.maxConcurrency()).maxActiveRuns(props.maxActiveRuns())
                .tagLimit("static-analysis", Math.max(2, props.maxConcurrency() / 2));
        new CodeChangeHandlers(props.workDelay()).all().forEach(b::handler);
        return b.build();
    }

    @Bean
    ScheduleSpec codeChangeSchedule(CodeChangeProperties props, Supervisor supervisor, WorkflowSpec workflow) {
        CronSchedule when = CronSchedule.of(props.schedule(), CronDialect.QUARTZ, ZoneId.of(props.zone()));
        return ScheduleSpec.builder("code-change", when, ScheduleTarget.workflow(supervisor, workflow, fire -> Map.of(
                "repository", "acme/payments", "change", "scheduled " + fire.scheduledAt(),
                "scheduledAt", fire.scheduledAt().toString()))).build();
    }
}
