package dev.supervisor.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.RunChanges;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.core.ClusterConfig;
import dev.supervisor.core.RunStores;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A cluster node whose store fails to take a batch of results stores them later; none is lost. */
class ClusterStoreFailureTest {

    @Test
    void results_whoseStoreFailsOnce_areStoredOnALaterRound_andEachTaskRanOnce() throws Exception {
        RunStore inner = RunStores.inMemory(100, Clock.systemUTC());
        AtomicInteger failures = new AtomicInteger();
        RunStore store = failingFirstResults(inner, failures);
        AtomicInteger runs = new AtomicInteger();
        WorkflowSpec wf = WorkflowSpec.builder("w").task(TaskSpec.builder("a", TaskType.of("work")))
                .task(TaskSpec.builder("b", TaskType.of("work"))).task(TaskSpec.builder("c", TaskType.of("work"))
                        .dependsOn("a", "b")).build();
        try (Supervisor node = Supervisor.create(SupervisorConfig.builder().runStore(store).nodeId("n1")
                .cluster(ClusterConfig.builder().lease(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(2))
                        .build())
                .handler("work", ctx -> "ran " + runs.incrementAndGet()).build())) {
            RunOutcome outcome = node.submit(wf).outcome().get(1, TimeUnit.MINUTES);

            assertThat(failures.get()).as("the store refused one batch of results").isEqualTo(1);
            assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(runs.get()).as("no attempt ran again").isEqualTo(3);
            assertThat(inner.tasks(outcome.runId())).extracting(TaskRecord::state).containsOnly(TaskState.SUCCEEDED);
        }
    }

    /** The store, refusing the first batch of results a worker stores (as a database down past its retries). */
    private static RunStore failingFirstResults(RunStore inner, AtomicInteger failures) {
        return StoreProxies.intercepting(inner, (m, args, proceed) -> {
            if (m.getName().equals("apply") && args[0] instanceof RunChanges c && "n1".equals(c.node())
                    && c.tasks().stream().anyMatch(t -> t.state() == TaskState.SUCCEEDED)
                    && failures.compareAndSet(0, 1)) {
                throw new IllegalStateException("database unavailable");
            }
            return proceed.call();
        });
    }
}
