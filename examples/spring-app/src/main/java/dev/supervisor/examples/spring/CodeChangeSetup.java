package dev.supervisor.examples.spring;

import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.cron.CronDialect;
import dev.supervisor.core.cron.CronSchedule;
import dev.supervisor.core.cron.ScheduleSpec;
import dev.supervisor.core.cron.ScheduleTarget;
import dev.supervisor.core.json.WorkflowJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The workflow of the example and its cron schedule. Everything else comes from the starter: the supervisor with
 * the handler beans of {@link CodeChangeHandlers}, its runs and schedule state in the application's database
 * ({@code supervisor.store=jdbc}), the REST API and its security ({@code supervisor.security.*}).
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
    ScheduleSpec codeChangeSchedule(CodeChangeProperties props, Supervisor supervisor, WorkflowSpec workflow) {
        CronSchedule when = CronSchedule.of(props.schedule(), CronDialect.QUARTZ, ZoneId.of(props.zone()));
        return ScheduleSpec.builder("code-change", when, ScheduleTarget.workflow(supervisor, workflow, fire -> Map.of(
                "repository", "acme/payments", "change", "scheduled " + fire.scheduledAt(),
                "scheduledAt", fire.scheduledAt().toString()))).build();
    }
}
