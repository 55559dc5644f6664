package dev.supervisor.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.core.ClusterConfig;
import dev.supervisor.core.DelayScheduler;
import dev.supervisor.core.RunStores;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.testing.ManualClock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A cluster node that leaves while its attempts run gives their tasks back, whatever else is shutting down. */
class ClusterShutdownTest {
    private final ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
    private final RunStore store = RunStores.inMemory(100, clock);

    @Test
    void shutdown_whileTheDelaySchedulerRefuses_releasesTheRunningTask_andASecondCallAnswersTheSame()
            throws Exception {
        AtomicBoolean refusing = new AtomicBoolean();
        DelayScheduler scheduler = (action, delay) -> {
            if (refusing.get()) { // like a shared scheduler the application stopped first
                throw new RejectedExecutionException("scheduler shut down");
            }
            return clock.schedule(action, delay);
        };
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supervisor node = Supervisor.create(SupervisorConfig.builder().runStore(store)
                .cluster(ClusterConfig.builder().lease(Duration.ofHours(1)).pollInterval(Duration.ofMillis(2)).build())
                .nodeId("leaving").clock(clock).delayScheduler(scheduler)
                .handler("slow", ctx -> {
                    started.countDown();
                    release.await();
                    return "done";
                }).build());
        String runId = node.submit(WorkflowSpec.builder("w").task(TaskSpec.builder("t", TaskType.of("slow")))
                .build()).runId();
        assertThat(started.await(1, TimeUnit.MINUTES)).isTrue();

        refusing.set(true);
        boolean clean = node.shutdown(Duration.ZERO);

        assertThat(clean).isFalse();
        assertThat(store.tasks(runId)).extracting(TaskRecord::state).doesNotContain(TaskState.RUNNING);
        assertThat(store.tasks(runId)).allSatisfy(t -> assertThat(t.leaseOwner()).isNull());
        assertThat(node.shutdown(Duration.ofSeconds(5))).as("a second call returns the first one's answer").isFalse();
        node.close(); // and so does close: nothing is drained twice
        release.countDown();
    }
}
