package dev.supervisor.core.internal.store;

import dev.supervisor.api.RunStatus;
import dev.supervisor.api.SupervisorException;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.spi.RunChanges;
import dev.supervisor.api.spi.RunEventLog;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.StaleVersionException;
import dev.supervisor.api.spi.StoredEvent;
import dev.supervisor.api.spi.TaskClaims;
import dev.supervisor.api.spi.TaskRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Heap-only store with every capability: the reference implementation of the store contract, and a way to run
 * several supervisors as a cluster inside one JVM (tests, demos). One monitor guards everything: simple to trust,
 * and fast enough for what it is for (the engine keeps runs without any store when none is configured).
 */
public final class InMemoryRunStore implements RunStore, RunEventLog, TaskClaims {
    private final int maxRetainedRuns;
    private final Clock clock;
    private final LinkedHashMap<String, StoredRun> runs = new LinkedHashMap<>();
    /** Every stored event of every run, in the order stored; {@link #firstPosition} is the position of the head. */
    private final ArrayDeque<Tailed> log = new ArrayDeque<>();
    private long firstPosition;
    private static final int LOG_LIMIT = 1_000_000;
    private long signals;
    private final ThreadLocal<long[]> signalsSeen = ThreadLocal.withInitial(() -> new long[] {-1});

    private record Tailed(String runId, StoredEvent event) {
    }

    /** One run. Guarded by the store's monitor. */
    private static final class StoredRun {
        RunRecord run;
        final WorkflowSpec workflow;
        final TaskTable tasks;
        final Map<String, Integer> index = new HashMap<>();
        final List<StoredEvent> events = new ArrayList<>();
        Claimable[] claimables;
        String owner;
        Instant ownerExpiry;
        RunStatus stop;

        StoredRun(RunRecord run, WorkflowSpec workflow, TaskTable tasks) {
            this.run = run;
            this.workflow = workflow;
            this.tasks = tasks;
            for (int i = 0; i < tasks.size(); i++) {
                index.put(tasks.id(i), i);
            }
        }
    }

    /**
     * @param maxRetainedRuns how many runs to keep; beyond it the oldest finished runs are forgotten
     * @param clock the store's clock, on which leases are granted and expire
     */
    public InMemoryRunStore(int maxRetainedRuns, Clock clock) {
        if (maxRetainedRuns < 1) {
            throw new IllegalArgumentException("maxRetainedRuns must be positive but was " + maxRetainedRuns);
        }
        this.maxRetainedRuns = maxRetainedRuns;
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
    }

    /* ---- RunStore ---- */

    @Override
    public synchronized void createRun(RunRecord run, WorkflowSpec workflow, List<TaskRecord> tasks) {
        java.util.Objects.requireNonNull(workflow, "workflow");
        if (runs.containsKey(run.runId())) {
            throw new SupervisorException("run " + run.runId() + " already exists");
        }
        runs.put(run.runId(), new StoredRun(run, workflow, TaskTable.of(run.runId(), tasks)));
        evictFinished();
    }

    private void evictFinished() {
        var it = runs.values().iterator();
        while (runs.size() > maxRetainedRuns && it.hasNext()) {
            if (it.next().run.status().isTerminal()) {
                it.remove();
            }
        }
    }

    @Override
    public synchronized Optional<RunRecord> findRun(String runId) {
        StoredRun r = runs.get(runId);
        return r == null ? Optional.empty() : Optional.of(r.run);
    }

    @Override
    public synchronized Optional<WorkflowSpec> workflow(String runId) {
        StoredRun r = runs.get(runId);
        return r == null ? Optional.empty() : Optional.of(r.workflow);
    }

    /** Filters every retained run: the store is bounded by {@code maxRetainedRuns}, and this is its reference. */
    @Override
    public synchronized dev.supervisor.api.RunPage runs(dev.supervisor.api.RunQuery query) {
        List<RunRecord> all = new ArrayList<>(runs.size());
        runs.values().forEach(r -> all.add(r.run));
        return dev.supervisor.api.RunPage.select(all, query);
    }

    @Override
    public synchronized void updateRun(RunRecord updated) {
        StoredRun r = require(updated.runId());
        checkRunVersion(r, updated);
        r.run = updated;
    }

    private static void checkRunVersion(StoredRun r, RunRecord updated) {
        if (r.run.version() != updated.version() - 1) {
            throw new StaleVersionException("stale change of run " + updated.runId() + ": caller held version "
                    + (updated.version() - 1) + " but the store has " + r.run.version());
        }
    }

    @Override
    public synchronized List<TaskRecord> tasks(String runId) {
        return require(runId).tasks.records();
    }

    @Override
    public synchronized Optional<TaskRecord> task(String runId, String taskId) {
        StoredRun r = runs.get(runId);
        Integer i = r == null ? null : r.index.get(taskId);
        return i == null ? Optional.empty() : Optional.of(r.tasks.record(i));
    }

    @Override
    public synchronized TaskRecord update(TaskRecord updated) {
        updateAll(List.of(updated));
        return updated;
    }

    /** All or none. */
    @Override
    public synchronized void updateAll(List<TaskRecord> updated) {
        Map<StoredRun, Map<Integer, Long>> seen = new HashMap<>();
        for (TaskRecord u : updated) {
            StoredRun r = require(u.runId());
            int i = slot(r, u);
            Map<Integer, Long> versions = seen.computeIfAbsent(r, k -> new HashMap<>());
            long cur = versions.getOrDefault(i, r.tasks.version(i));
            if (cur != u.version() - 1) {
                throw new StaleVersionException(u.runId(), u.taskId(), u.version() - 1, cur);
            }
            versions.put(i, u.version());
        }
        for (TaskRecord u : updated) {
            StoredRun r = runs.get(u.runId());
            r.tasks.set(slot(r, u), u);
        }
    }

    /** The row of a task, by id: a resumed spec may list the tasks in another order. */
    private static int slot(StoredRun r, TaskRecord u) {
        Integer i = r.index.get(u.taskId());
        if (i == null) {
            throw new SupervisorException("run " + u.runId() + " has no task '" + u.taskId() + "'");
        }
        return i;
    }

    /** All or none: tasks, run record and events. */
    @Override
    public synchronized void apply(RunChanges changes) {
        StoredRun r = require(changes.runId());
        if (changes.run() != null) {
            checkRunVersion(r, changes.run());
        }
        updateAll(changes.tasks());
        if (changes.run() != null) {
            r.run = changes.run();
        }
        append(r, changes.runId(), changes.node(), changes.events());
    }

    private void append(StoredRun r, String runId, String node, List<SupervisorEvent> events) {
        for (SupervisorEvent e : events) {
            StoredEvent stored = new StoredEvent(r.events.size() + 1, node, e);
            r.events.add(stored);
            log.add(new Tailed(runId, stored));
            if (log.size() > LOG_LIMIT) {
                log.poll();
                firstPosition++;
            }
        }
        if (!events.isEmpty()) {
            signals++;
            notifyAll();
        }
    }

    private StoredRun require(String runId) {
        StoredRun r = runs.get(runId);
        if (r == null) {
            throw new SupervisorException("no run " + runId + " in the store");
        }
        return r;
    }

    /* ---- RunEventLog ---- */

    @Override
    public synchronized List<StoredEvent> events(String runId, long afterSequence, int max) {
        StoredRun r = runs.get(runId);
        if (r == null || afterSequence >= r.events.size()) {
            return List.of();
        }
        int from = (int) Math.max(0, afterSequence);
        return List.copyOf(r.events.subList(from, Math.min(r.events.size(), from + Math.max(1, max))));
    }

    @Override
    public synchronized EventPage tail(String position, int max) {
        long end = firstPosition + log.size();
        long from = position == null ? end : Math.max(firstPosition, Long.parseLong(position));
        List<StoredEvent> out = new ArrayList<>();
        long at = from;
        var it = log.iterator();
        for (long skip = from - firstPosition; skip > 0 && it.hasNext(); skip--) {
            it.next();
        }
        while (it.hasNext() && out.size() < max) {
            StoredEvent e = it.next().event;
            out.add(new StoredEvent(0, e.node(), e.event()));
            at++;
        }
        return new EventPage(out, Long.toString(at));
    }

    @Override
    public synchronized boolean awaitEvents(Duration timeout) throws InterruptedException {
        long[] seen = signalsSeen.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (signals == seen[0]) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        seen[0] = signals;
        return true;
    }

    /* ---- TaskClaims ---- */

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public synchronized void createRun(RunRecord run, WorkflowSpec workflow, List<TaskRecord> tasks,
                                       List<Claimable> claimables) {
        if (claimables.size() != tasks.size()) {
            throw new IllegalArgumentException(tasks.size() + " tasks but " + claimables.size() + " claimables");
        }
        createRun(run, workflow, tasks);
        runs.get(run.runId()).claimables = claimables.toArray(new Claimable[0]);
    }

    @Override
    public synchronized List<TaskRecord> claim(ClaimRequest request,
                                               Function<ClaimedTask, List<SupervisorEvent>> started) {
        Instant now = now();
        List<int[]> candidates = new ArrayList<>();
        List<StoredRun> byRun = new ArrayList<>(runs.values());
        for (int k = 0; k < byRun.size(); k++) {
            StoredRun r = byRun.get(k);
            if (r.claimables == null || r.run.status() != RunStatus.RUNNING) {
                continue;
            }
            for (int i = 0; i < r.tasks.size(); i++) {
                if ((r.stop == null || r.claimables[i].teardown()) && claimable(r, i, now, request)) {
                    candidates.add(new int[] {k, i});
                }
            }
        }
        candidates.sort((a, b) -> {
            int c = Long.compare(byRun.get(a[0]).claimables[a[1]].order(), byRun.get(b[0]).claimables[b[1]].order());
            return c != 0 ? c : a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]);
        });
        List<TaskRecord> claimed = new ArrayList<>();
        for (int[] c : candidates.subList(0, Math.min(request.max(), candidates.size()))) {
            StoredRun r = byRun.get(c[0]);
            r.tasks.claimed(c[1], request.node(), now.plus(request.lease()), now);
            TaskRecord rec = r.tasks.record(c[1]);
            claimed.add(rec);
            append(r, r.run.runId(), request.node(), started.apply(new ClaimedTask(rec, r.run.workflowId(),
                    r.claimables[c[1]].type())));
        }
        return claimed;
    }

    private static boolean claimable(StoredRun r, int i, Instant now, ClaimRequest request) {
        TaskState s = r.tasks.state(i);
        if (s != TaskState.READY && !(s == TaskState.RETRY_WAIT
                && (r.tasks.notBefore(i) == null || !r.tasks.notBefore(i).isAfter(now)))) {
            return false;
        }
        Claimable c = r.claimables[i];
        if (!request.types().contains(c.type())) {
            return false;
        }
        for (String tag : c.tags()) {
            if (request.excludedTags().contains(tag)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized Optional<TaskRecord> heartbeat(TaskRecord current, Duration lease) {
        StoredRun r = runs.get(current.runId());
        Integer i = r == null ? null : r.index.get(current.taskId());
        if (i == null || current.state() != TaskState.RUNNING || r.tasks.version(i) != current.version()) {
            return Optional.empty(); // any change since the caller read it means the lease is not theirs
        }
        r.tasks.heartbeat(i, now().plus(lease));
        return Optional.of(r.tasks.record(i));
    }

    @Override
    public synchronized List<TaskRecord> reclaimExpired(int max) {
        Instant now = now();
        List<TaskRecord> back = new ArrayList<>();
        for (StoredRun r : runs.values()) {
            for (int i = 0; i < r.tasks.size() && back.size() < max; i++) {
                Instant expiry = r.tasks.leaseExpiry(i);
                if (r.tasks.state(i) == TaskState.RUNNING && expiry != null && expiry.isBefore(now)) {
                    r.tasks.released(i, "lease of " + r.tasks.leaseOwner(i) + " expired");
                    back.add(r.tasks.record(i));
                }
            }
        }
        return back;
    }

    @Override
    public synchronized boolean ownRun(String runId, String node, Duration lease) {
        StoredRun r = require(runId);
        if (r.owner != null && !r.owner.equals(node) && r.ownerExpiry.isAfter(now())) {
            return false;
        }
        r.owner = node;
        r.ownerExpiry = now().plus(lease);
        return true;
    }

    @Override
    public synchronized List<String> adoptRuns(String node, Duration lease, int max) {
        Instant now = now();
        List<String> adopted = new ArrayList<>();
        for (StoredRun r : runs.values()) {
            if (adopted.size() >= max) {
                break;
            }
            boolean open = !r.run.status().isTerminal() && r.claimables != null;
            // As the JDBC store: a released run at once, one that never had an owner a lease after creation.
            boolean orphaned = r.ownerExpiry == null ? !r.run.createdAt().plus(lease).isAfter(now)
                    : r.ownerExpiry.isBefore(now);
            if (open && orphaned) {
                r.owner = node;
                r.ownerExpiry = now.plus(lease);
                adopted.add(r.run.runId());
            }
        }
        return adopted;
    }

    @Override
    public synchronized Map<String, RunStatus> renewRuns(String node, Duration lease) {
        Instant expiry = now().plus(lease);
        Map<String, RunStatus> owned = new HashMap<>();
        for (StoredRun r : runs.values()) {
            if (node.equals(r.owner) && !r.run.status().isTerminal()) {
                r.ownerExpiry = expiry;
                owned.put(r.run.runId(), r.stop);
            }
        }
        return owned;
    }

    @Override
    public synchronized void releaseRun(String runId, String node) {
        StoredRun r = runs.get(runId);
        if (r != null && node.equals(r.owner)) {
            r.owner = null;
            r.ownerExpiry = Instant.EPOCH; // released: any node may take it over now
        }
    }

    @Override
    public synchronized RunStatus requestStop(String runId, RunStatus how) {
        StoredRun r = require(runId);
        if (r.stop == null && !r.run.status().isTerminal()) {
            r.stop = how;
            signals++;
            notifyAll();
        }
        return r.stop;
    }

    @Override
    public synchronized Set<String> stopping(Collection<String> runIds) {
        Set<String> out = new HashSet<>();
        for (String id : runIds) {
            StoredRun r = runs.get(id);
            if (r == null || r.stop != null || r.run.status().isTerminal()) {
                out.add(id);
            }
        }
        return out;
    }
}
