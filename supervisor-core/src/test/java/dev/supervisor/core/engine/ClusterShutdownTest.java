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
import dev.supervisor.api.spi.TaskClaims;
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
        Supervisor node = Supervisor.create(leavingNode(store, started, release).delayScheduler(scheduler).build());
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

    @Test
    void shutdown_whileAClaimIsUnderWay_theClaimCannotRetakeTheReleasedTask() throws Exception {
        CountDownLatch inClaim = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch claimReturned = new CountDownLatch(1);
        AtomicBoolean armed = new AtomicBoolean();
        RunStore withClaims = StoreProxies.interceptingWith(store, (m, args, proceed) -> {
            boolean held = m.getName().equals("claim") && armed.compareAndSet(true, false);
            if (held) { // a claim under way: it reads the queue only once the test lets it
                inClaim.countDown();
                go.await();
            }
            try {
                return proceed.call();
            } finally {
                if (held) {
                    claimReturned.countDown();
                }
            }
        }, TaskClaims.class);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supervisor node = Supervisor.create(leavingNode(withClaims, started, release).delayScheduler(clock)
                .maxConcurrency(2).build());
        String runId = node.submit(WorkflowSpec.builder("w").task(TaskSpec.builder("t", TaskType.of("slow")))
                .build()).runId();
        assertThat(started.await(1, TimeUnit.MINUTES)).isTrue();
        armed.set(true);
        assertThat(inClaim.await(1, TimeUnit.MINUTES)).isTrue();

        Thread leaving = new Thread(() -> node.shutdown(Duration.ZERO));
        leaving.start();
        while (leaving.isAlive() && leaving.getState() != Thread.State.BLOCKED) {
            Thread.onSpinWait(); // until the shutdown is over, or waits for the claim
        }
        go.countDown();
        leaving.join(TimeUnit.MINUTES.toMillis(1));
        assertThat(claimReturned.await(1, TimeUnit.MINUTES)).isTrue();

        assertThat(store.tasks(runId)).extracting(TaskRecord::state).doesNotContain(TaskState.RUNNING);
        release.countDown();
        node.close();
    }

    /** The node that leaves: one-hour leases on the manual clock, and a handler that runs until released. */
    private SupervisorConfig.SupervisorConfigBuilder leavingNode(RunStore runStore, CountDownLatch started,
                                                                 CountDownLatch release) {
        return SupervisorConfig.builder().runStore(runStore)
                .cluster(ClusterConfig.builder().lease(Duration.ofHours(1)).pollInterval(Duration.ofMillis(2)).build())
                .nodeId("leaving").clock(clock)
                .handler("slow", ctx -> {
                    started.countDown();
                    release.await();
                    return "done";
                });
    }
}
