package dev.supervisor.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.RunEventLog;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.TaskClaims;
import dev.supervisor.core.ClusterConfig;
import dev.supervisor.core.RunStores;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A cluster node renews the runs it drives in the store; a renewal must never make it drop a run it owns. */
class ClusterRenewalTest {

    /**
     * The store answers the node's first renewal (no runs owned yet) and then holds the answer back while a run is
     * submitted, owned and started: the late answer predates the run, which must not read as a take-over.
     */
    @Test
    void renewal_answeredBeforeARunWasSubmitted_doesNotHandTheRunOver() throws Exception {
        CountDownLatch firstRenewal = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        CountDownLatch secondRenewal = new CountDownLatch(1);
        CountDownLatch handlerStarted = new CountDownLatch(1);
        CountDownLatch handlerGoes = new CountDownLatch(1);
        AtomicInteger renewals = new AtomicInteger();
        RunStore store = slowToRenew(RunStores.inMemory(100, Clock.systemUTC()), () -> {
            int n = renewals.incrementAndGet();
            if (n == 1) {
                firstRenewal.countDown();
                await(answer);
            } else if (n == 2) {
                secondRenewal.countDown();
            }
        });
        WorkflowSpec wf = WorkflowSpec.builder("w").task(TaskSpec.builder("a", TaskType.of("work"))).build();
        try (Supervisor node = Supervisor.create(SupervisorConfig.builder().runStore(store)
                .cluster(ClusterConfig.ofDefaults()).handler("work", ctx -> {
                    handlerStarted.countDown();
                    await(handlerGoes);
                    return "done";
                }).build())) {
            firstRenewal.await();
            RunHandle run = node.submit(wf, Map.of());
            handlerStarted.await();
            answer.countDown(); // the first renewal's answer, without the run, reaches the node now
            secondRenewal.await(); // the node has acted on it
            handlerGoes.countDown();

            assertThat(run.outcome().get(1, TimeUnit.MINUTES).status()).isEqualTo(RunStatus.SUCCEEDED);
        }
    }

    /** The store, whose {@code renewRuns} runs {@code afterRenewal} once it has its answer. */
    private static RunStore slowToRenew(RunStore inner, Runnable afterRenewal) {
        return StoreProxies.interceptingWith(inner, (m, args, proceed) -> {
            Object result = proceed.call();
            if (m.getName().equals("renewRuns")) {
                afterRenewal.run();
            }
            return result;
        }, TaskClaims.class, RunEventLog.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
