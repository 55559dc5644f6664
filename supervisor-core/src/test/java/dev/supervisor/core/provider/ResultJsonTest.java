package dev.supervisor.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.cron.CronDialect;
import dev.supervisor.core.cron.CronSchedule;
import dev.supervisor.core.cron.CronScheduler;
import dev.supervisor.core.cron.CronSchedulerConfig;
import dev.supervisor.core.cron.ScheduleSpec;
import dev.supervisor.core.cron.ScheduleStores;
import dev.supervisor.core.cron.ScheduleTarget;
import dev.supervisor.core.graph.WorkflowAnalysis;
import dev.supervisor.core.testing.ManualClock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Results are interfaces implemented by internal records; Jackson (on the class path) still sees the properties
 * the public records had, so an application that serializes one directly gets the same JSON fields.
 */
class ResultJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");

    private static List<String> properties(Object result) {
        return JSON.getSerializationConfig().introspect(JSON.constructType(result.getClass())).findProperties()
                .stream().map(BeanPropertyDefinition::getName).toList();
    }

    @Test
    void properties_routerResults_areTheRecordComponents() throws Exception {
        ProviderRouter r = ProviderRouter.create(RouterConfig.builder().clock(clock).provider(new Scripted("a"))
                .build());
        r.route(ProviderRequest.builder("t1", TaskType.REFACTOR, "x").run("r1", "wf").inputTokens(10).build());

        assertThat(properties(r.status("a"))).containsExactlyInAnyOrder("providerId", "circuit", "inFlight",
                "concurrencyLimit", "cooldownUntil", "latency", "probeHealthy");
        assertThat(properties(r.costs().total())).containsExactlyInAnyOrder("calls", "tokens", "cost");
    }

    @Test
    void properties_engineCronAndAnalysisResults_areTheRecordComponents() throws Exception {
        try (Supervisor sup = Supervisor.create(SupervisorConfig.builder().clock(clock).delayScheduler(clock)
                .maxConcurrency(3).build())) {
            String written = JSON.writeValueAsString(sup.stats());
            assertThat(JSON.readTree(written)).isEqualTo(JSON.readTree("{\"activeRuns\":0,\"runningAttempts\":0,"
                    + "\"queuedTasks\":0,\"maxConcurrency\":3,\"accepting\":true}"));
        }
        try (CronScheduler cron = CronScheduler.create(CronSchedulerConfig.builder().clock(clock).timer(clock)
                .store(ScheduleStores.inMemory()).build())) {
            cron.add(ScheduleSpec.builder("h", CronSchedule.of("0 0 * * * ?", CronDialect.QUARTZ, ZoneOffset.UTC),
                    ScheduleTarget.of(f -> { })).build());
            assertThat(properties(cron.info("h").orElseThrow())).containsExactlyInAnyOrder("id", "nextFire",
                    "lastFire", "paused", "completed", "running", "buffered", "fired", "misfires", "skippedOverlap",
                    "failed");
            assertThat(properties(cron.trigger("h"))).containsExactlyInAnyOrder("scheduleId", "scheduledAt",
                    "firedAt", "kind", "tzdbVersion");
        }
        WorkflowAnalysis a = WorkflowAnalysis.of(WorkflowSpec.builder("wf").task(TaskSpec.builder("a",
                TaskType.of("w")).estimatedDuration(Duration.ofSeconds(1)).build()).build());
        // isCritical() was a getter of the record too
        assertThat(properties(a.timing("a"))).containsExactlyInAnyOrder("taskId", "level", "duration",
                "earliestStart", "latestStart", "slack", "critical");
    }
}
