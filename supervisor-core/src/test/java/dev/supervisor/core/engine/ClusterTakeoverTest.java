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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A node taking over a run reads it without stopping its own work, so it goes on claiming and finishing the run's
 * tasks while the read is under way. What it did meanwhile is not in what it read, and is not read back from the
 * event log (a node's own transitions reach its owner side directly): the takeover must apply it, or the run waits
 * for tasks that ended long ago.
 */
class ClusterTakeoverTest {
    private static final int TASKS = 20;

    @Test
    void takeover_whileTheNodeFinishesTasksOfTheRun_appliesThemAndTheRunEnds() throws Exception {
        RunStore inner = RunStores.inMemory(100, Clock.systemUTC());
        WorkflowSpec.Builder b = WorkflowSpec.builder("w");
        String[] all = new String[TASKS];
        for (int i = 0; i < TASKS; i++) {
            all[i] = "t" + i;
            b.task(TaskSpec.builder(all[i], TaskType.of("work")));
        }
        WorkflowSpec wf = b.task(TaskSpec.builder("last", TaskType.of("work")).dependsOn(all)).build();
        String runId;
        // A node without handlers stores the run, its first tasks ready, and hands it over as it leaves.
        try (Supervisor submitter = Supervisor.create(config(inner, "left").build())) {
            runId = submitter.submit(wf).runId();
        }
        CountDownLatch stored = new CountDownLatch(5);
        AtomicBoolean readWhileWorking = new AtomicBoolean();
        RunStore store = slowTakeover(inner, stored, readWhileWorking);
        AtomicInteger ran = new AtomicInteger();
        try (Supervisor node = Supervisor.create(config(store, "n1").handler("work", ctx -> ran.incrementAndGet())
                .build())) {
            RunOutcome outcome = node.run(runId).orElseThrow().outcome().get(1, TimeUnit.MINUTES);

            assertThat(readWhileWorking).as("results were stored while the takeover read the run").isTrue();
            assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(outcome.task("last").state()).isEqualTo(TaskState.SUCCEEDED);
            assertThat(ran.get()).as("each task ran once").isEqualTo(TASKS + 1);
            assertThat(inner.tasks(runId)).extracting(TaskRecord::state).containsOnly(TaskState.SUCCEEDED);
        }
    }

    private static SupervisorConfig.SupervisorConfigBuilder config(RunStore store, String node) {
        return SupervisorConfig.builder().runStore(store).nodeId(node).maxConcurrency(2)
                .cluster(ClusterConfig.builder().lease(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(2))
                        .build());
    }

    /**
     * The store, whose first read of a whole run on the node's housekeeping thread (the takeover's) returns what
     * was stored before the node stored five results of its own: staged, so the read is stale however fast the
     * machine is.
     */
    private static RunStore slowTakeover(RunStore inner, CountDownLatch stored, AtomicBoolean readWhileWorking) {
        AtomicBoolean first = new AtomicBoolean(true);
        return StoreProxies.intercepting(inner, (m, args, proceed) -> {
            if (m.getName().equals("apply") && args[0] instanceof RunChanges c) {
                Object out = proceed.call();
                for (TaskRecord t : c.tasks()) {
                    if (t.state() == TaskState.SUCCEEDED) {
                        stored.countDown();
                    }
                }
                return out;
            }
            if (m.getName().equals("tasks") && args.length == 1
                    && Thread.currentThread().getName().startsWith("supervisor-cluster-")
                    && first.compareAndSet(true, false)) {
                Object before = proceed.call();
                readWhileWorking.set(stored.await(30, TimeUnit.SECONDS));
                return before;
            }
            return proceed.call();
        });
    }
}
