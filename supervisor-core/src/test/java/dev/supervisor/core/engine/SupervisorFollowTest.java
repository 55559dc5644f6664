package dev.supervisor.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunHandle;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.event.RunFinished;
import dev.supervisor.api.event.TaskStarted;
import dev.supervisor.api.spi.RunEventLog;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.StoredEvent;
import dev.supervisor.core.RunStores;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code Supervisor.follow}: listeners of a run read the store's event log, and quiet runs cost no reads. */
class SupervisorFollowTest {
    private static final int RUNS = 30;

    @Test
    void follow_manyListenersOnQuietRuns_onlyTheRunWithNewEventsIsRead() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        RunStore store = countingEventReads(RunStores.inMemory(100, Clock.systemUTC()), reads);
        Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
        WorkflowSpec wf = WorkflowSpec.builder("w").task(TaskSpec.builder("a", TaskType.of("work"))).build();
        try (Supervisor sup = Supervisor.create(SupervisorConfig.builder().runStore(store).maxConcurrency(RUNS)
                .handler("work", ctx -> {
                    // the attempt may start before submit returns: whoever comes first makes the gate
                    gates.computeIfAbsent(ctx.runId(), k -> new CountDownLatch(1)).await();
                    return "done";
                }).build())) {
            List<RunHandle> runs = new ArrayList<>();
            List<List<StoredEvent>> seen = new ArrayList<>();
            List<CountDownLatch> started = new ArrayList<>();
            List<CountDownLatch> finished = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                RunHandle run = sup.submit(wf, Map.of());
                gates.computeIfAbsent(run.runId(), k -> new CountDownLatch(1));
                List<StoredEvent> events = new CopyOnWriteArrayList<>();
                CountDownLatch s = new CountDownLatch(1);
                CountDownLatch f = new CountDownLatch(1);
                sup.follow(run.runId(), 0, e -> {
                    events.add(e);
                    if (e.event() instanceof TaskStarted) {
                        s.countDown();
                    } else if (e.event() instanceof RunFinished) {
                        f.countDown();
                    }
                });
                runs.add(run);
                seen.add(events);
                started.add(s);
                finished.add(f);
            }
            for (CountDownLatch s : started) {
                s.await(1, TimeUnit.MINUTES);
            }
            int before = reads.get();

            gates.get(runs.get(7).runId()).countDown();
            assertThat(finished.get(7).await(1, TimeUnit.MINUTES)).isTrue();

            // Each round of the old design read every listener's run: at least RUNS reads for the one that
            // delivered RunFinished. Now only the run with new events is read, once per round that showed them.
            assertThat(reads.get() - before).isBetween(1, 5);
            assertThat(seen.get(7)).extracting(StoredEvent::sequence).doesNotHaveDuplicates().isSorted();
            gates.values().forEach(CountDownLatch::countDown);
        }
    }

    @Test
    void follow_manyListenersOfOneRun_readItOnce_andEachGetsTheHistoryAfterItsOwnPosition() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        RunStore store = countingEventReads(RunStores.inMemory(100, Clock.systemUTC()), reads);
        WorkflowSpec wf = WorkflowSpec.builder("w").task(TaskSpec.builder("a", TaskType.of("work")))
                .task(TaskSpec.builder("b", TaskType.of("work")).dependsOn("a")).build();
        try (Supervisor sup = Supervisor.create(SupervisorConfig.builder().runStore(store)
                .handler("work", ctx -> "done").build())) {
            RunHandle run = sup.submit(wf, Map.of());
            run.outcome().get(1, TimeUnit.MINUTES);
            long total = ((RunEventLog) store).events(run.runId(), 0, 1000).size();
            int before = reads.get();
            // The first listener holds the reading thread until every other listener is registered: those are
            // then all due in one round.
            CountDownLatch registered = new CountDownLatch(1);
            int listeners = 20;
            List<List<Long>> seen = new ArrayList<>();
            CountDownLatch done = new CountDownLatch(listeners);
            for (int i = 0; i < listeners; i++) {
                List<Long> mine = new CopyOnWriteArrayList<>();
                seen.add(mine);
                boolean first = i == 0;
                sup.follow(run.runId(), i % 4, e -> {
                    if (first && mine.isEmpty()) {
                        await(registered);
                    }
                    mine.add(e.sequence());
                    if (e.event() instanceof RunFinished) {
                        done.countDown();
                    }
                });
            }
            registered.countDown();
            assertThat(done.await(1, TimeUnit.MINUTES)).isTrue();

            // One read per listener would be 20 at least; one per run and round is 1 to 3.
            assertThat(reads.get() - before).isBetween(1, 4);
            for (int i = 0; i < listeners; i++) {
                List<Long> expected = new ArrayList<>();
                for (long q = i % 4 + 1; q <= total; q++) {
                    expected.add(q);
                }
                assertThat(seen.get(i)).as("listener %d, after %d", i, i % 4).containsExactlyElementsOf(expected);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The store, counting its event log's {@code events} reads. */
    private static RunStore countingEventReads(RunStore inner, AtomicInteger reads) {
        return StoreProxies.interceptingWith(inner, (m, args, proceed) -> {
            if (m.getName().equals("events")) {
                reads.incrementAndGet();
            }
            return proceed.call();
        }, RunEventLog.class);
    }
}
