package dev.supervisor.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.event.TaskStarted;
import dev.supervisor.api.spi.RunEventLog;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.StaleVersionException;
import dev.supervisor.api.spi.StoredEvent;
import dev.supervisor.api.spi.TaskClaims;
import dev.supervisor.api.spi.TaskRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The {@link TaskClaims} contract (cluster mode). Leases run on the store's clock; {@link #passTime} moves it (or
 * moves the store's leases and back-offs back by as much, which is the same to the store).
 */
public abstract class TaskClaimsContract extends RunEventLogContract {
    private static final Duration LEASE = Duration.ofSeconds(30);

    /**
     * Makes {@code d} pass on the store's clock.
     *
     * @param store the store
     * @param d how long
     */
    protected abstract void passTime(RunStore store, Duration d);

    private static TaskClaims claims(RunStore store) {
        return store.capability(TaskClaims.class).orElseThrow();
    }

    /** A run whose tasks alternate types "a"/"b", orders given, all PENDING. */
    private static void createClaimable(RunStore store, String runId, long... orders) {
        createWithTeardown(store, runId, -1, orders);
    }

    /** As above, task {@code teardown} (if not negative) a teardown task. */
    private static void createWithTeardown(RunStore store, String runId, int teardown, long... orders) {
        List<TaskClaims.Claimable> cl = new ArrayList<>();
        for (int i = 0; i < orders.length; i++) {
            cl.add(new TaskClaims.Claimable(i % 2 == 0 ? "a" : "b", i % 2 == 0 ? List.of("even") : List.of("odd"),
                    orders[i], i == teardown));
        }
        claims(store).createRun(run(runId, RunStatus.RUNNING), workflow(orders.length), pending(runId, orders.length),
                cl);
    }

    private static void ready(RunStore store, String runId, int... tasks) {
        for (int i : tasks) {
            store.update(store.task(runId, "t" + i).orElseThrow().to(TaskState.READY));
        }
    }

    private static Function<TaskClaims.ClaimedTask, List<SupervisorEvent>> started() {
        return c -> List.of(new TaskStarted(c.task().runId(), c.workflowId(), c.task().taskId(), c.type(),
                c.task().attempt(), "local", T0, Duration.ZERO));
    }

    private static List<TaskRecord> claim(RunStore store, String node, int max, Set<String> types, Set<String> tags) {
        return claims(store).claim(new TaskClaims.ClaimRequest(node, max, LEASE, types, tags), started());
    }

    private static List<TaskRecord> claim(RunStore store, String node, int max) {
        return claim(store, node, max, Set.of("a", "b"), Set.of());
    }

    @Test
    void claim_takesReadyTasksInClaimOrder_withALease_andStoresTheirEvents() {
        RunStore store = store();
        createClaimable(store, "r", 30, 10, 20, 0);
        ready(store, "r", 0, 1, 2);
        List<TaskRecord> got = claim(store, "node-1", 2);
        assertThat(got).extracting(TaskRecord::taskId).containsExactly("t1", "t2");
        assertThat(got).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TaskState.RUNNING);
            assertThat(t.attempt()).isEqualTo(1);
            assertThat(t.leaseOwner()).isEqualTo("node-1");
            assertThat(t.leaseExpiry()).isAfter(claims(store).now().plus(LEASE).minusSeconds(5));
        });
        assertThat(store.capability(RunEventLog.class).orElseThrow().events("r", 0, 10))
                .extracting(e -> ((TaskStarted) e.event()).taskId()).containsExactlyInAnyOrder("t1", "t2");
        assertThat(store.capability(RunEventLog.class).orElseThrow().events("r", 0, 10))
                .extracting(e -> ((TaskStarted) e.event()).taskType()).containsExactlyInAnyOrder("b", "a");
        assertThat(claim(store, "node-2", 10)).extracting(TaskRecord::taskId).containsExactly("t0");
        assertThat(claim(store, "node-2", 10)).as("t3 is still PENDING").isEmpty();
    }

    @Test
    void claim_skipsTypesItCannotRunAndTagsWhoseCapIsFull() {
        RunStore store = store();
        createClaimable(store, "r", 0, 1, 2, 3);
        ready(store, "r", 0, 1, 2, 3);
        assertThat(claim(store, "n", 10, Set.of("b"), Set.of())).extracting(TaskRecord::taskId)
                .containsExactly("t1", "t3");
        assertThat(claim(store, "n", 10, Set.of("a", "b"), Set.of("even"))).isEmpty();
        assertThat(claim(store, "n", 10, Set.of("a"), Set.of("odd"))).extracting(TaskRecord::taskId)
                .containsExactly("t0", "t2");
    }

    @Test
    void claim_takesRetriesOnceTheirBackOffEnds() {
        RunStore store = store();
        createClaimable(store, "r", 0);
        ready(store, "r", 0);
        TaskRecord first = claim(store, "n", 1).get(0);
        store.update(first.retryAt(claims(store).now().plusSeconds(60), "flaky"));
        assertThat(claim(store, "n", 1)).isEmpty();
        passTime(store, Duration.ofSeconds(61));
        assertThat(claim(store, "n", 1)).singleElement().satisfies(t -> assertThat(t.attempt()).isEqualTo(2));
    }

    @Test
    void claim_concurrentClaimers_neverShareATask() throws Exception {
        RunStore store = store();
        long[] orders = new long[200];
        createClaimable(store, "r", orders);
        for (int i = 0; i < 200; i++) {
            ready(store, "r", i);
        }
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> dup = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        for (int w = 0; w < 4; w++) {
            String owner = "node-" + w;
            pool.submit(() -> {
                start.await();
                List<TaskRecord> got;
                do {
                    got = claim(store, owner, 7);
                    for (TaskRecord t : got) {
                        if (!seen.add(t.taskId())) {
                            synchronized (dup) {
                                dup.add(t.taskId());
                            }
                        }
                    }
                } while (!got.isEmpty());
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dup).isEmpty();
        assertThat(seen).hasSize(200);
    }

    @Test
    void heartbeatAndReclaim_returnLapsedLeases_andFenceTheOldOwner() {
        RunStore store = store();
        createClaimable(store, "r", 0);
        ready(store, "r", 0);
        TaskRecord mine = claim(store, "node-1", 1).get(0);
        TaskRecord beat = claims(store).heartbeat(mine, LEASE).orElseThrow();
        assertThat(claims(store).heartbeat(mine, LEASE)).as("an old version has lost the lease").isEmpty();
        assertThat(claims(store).reclaimExpired(100)).isEmpty();
        passTime(store, LEASE.plusSeconds(1));
        assertThat(claims(store).reclaimExpired(100)).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(TaskState.READY);
            assertThat(t.attempt()).isEqualTo(1);
        });
        assertThatThrownBy(() -> store.update(beat.finished(TaskState.SUCCEEDED, T0, "late", null)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(claim(store, "node-2", 1).get(0).attempt()).isEqualTo(2);
    }

    @Test
    void stop_firstRequestStands_andNoTaskOfTheRunIsClaimedAfterIt() {
        RunStore store = store();
        createClaimable(store, "r", 0, 1);
        ready(store, "r", 0, 1);
        assertThat(claims(store).stopping(List.of("r"))).isEmpty();
        assertThat(claims(store).requestStop("r", RunStatus.FAILED)).isEqualTo(RunStatus.FAILED);
        assertThat(claims(store).requestStop("r", RunStatus.CANCELLED)).isEqualTo(RunStatus.FAILED);
        assertThat(claims(store).stopping(List.of("r"))).containsExactly("r");
        assertThat(claim(store, "n", 10)).isEmpty();
    }

    @Test
    void stop_teardownTasksOfAStoppedRun_areStillClaimed() {
        RunStore store = store();
        createWithTeardown(store, "r", 1, 0, 1, 2);
        ready(store, "r", 0, 1, 2);
        claims(store).requestStop("r", RunStatus.CANCELLED);
        assertThat(claim(store, "n", 10)).extracting(TaskRecord::taskId).containsExactly("t1");
    }

    @Test
    void ownership_isLeased_renewed_released_andAdoptedWhenItLapses() {
        RunStore store = store();
        createClaimable(store, "r", 0);
        assertThat(claims(store).ownRun("r", "a", LEASE)).isTrue();
        assertThat(claims(store).ownRun("r", "b", LEASE)).as("a holds it").isFalse();
        assertThat(claims(store).adoptRuns("b", LEASE, 10)).isEmpty();
        assertThat(claims(store).renewRuns("a", LEASE)).containsOnlyKeys("r");
        passTime(store, LEASE.plusSeconds(1));
        assertThat(claims(store).adoptRuns("b", LEASE, 10)).containsExactly("r");
        assertThat(claims(store).renewRuns("a", LEASE)).as("a lost it").isEmpty();
        claims(store).requestStop("r", RunStatus.CANCELLED);
        assertThat(claims(store).renewRuns("b", LEASE)).containsEntry("r", RunStatus.CANCELLED);
        claims(store).releaseRun("r", "b");
        assertThat(claims(store).adoptRuns("c", LEASE, 10)).as("a released run is adopted at once")
                .containsExactly("r");
    }

    @Test
    void releaseRun_withinALeaseOfTheRunsCreation_letsAnotherNodeAdoptItAtOnce() {
        RunStore store = store();
        createClaimable(store, "r", 0);
        assertThat(claims(store).ownRun("r", "a", LEASE)).isTrue();
        claims(store).releaseRun("r", "a"); // as a node does when it shuts down
        assertThat(claims(store).adoptRuns("b", LEASE, 10)).containsExactly("r");
    }

    @Test
    void adopt_skipsRunsThatEndedOrWereNotCreatedForClaims() {
        RunStore store = store();
        createClaimable(store, "done", 0);
        store.updateRun(store.findRun("done").orElseThrow().withStatus(RunStatus.SUCCEEDED, T0));
        create(store, "single", RunStatus.RUNNING, 1);
        passTime(store, LEASE.multipliedBy(2));
        assertThat(claims(store).adoptRuns("b", LEASE, 10)).isEmpty();
    }

    @Test
    void tail_seesClaimEvents() {
        RunStore store = store();
        createClaimable(store, "r", 0);
        ready(store, "r", 0);
        RunEventLog log = store.capability(RunEventLog.class).orElseThrow();
        String position = log.tail(null, 1).position();
        claim(store, "n", 1);
        assertThat(log.tail(position, 10).events()).extracting(StoredEvent::event)
                .hasOnlyElementsOfType(TaskStarted.class).hasSize(1);
    }
}
