package dev.supervisor.core.internal.store;

import dev.supervisor.api.SupervisorException;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.StaleVersionException;
import dev.supervisor.api.spi.TaskRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Heap-only store. Each run keeps its tasks as a {@link TaskTable} (columns, not a record per task) guarded by the
 * run's own monitor: runs never contend with each other, and the engine writes a transition by copying one row.
 */
public final class InMemoryRunStore implements RunStore, RowStore {
    private final ConcurrentHashMap<String, StoredRun> runs = new ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentLinkedQueue<String> order =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final int maxRetainedRuns;

    /**
     * @param maxRetainedRuns how many runs to keep; beyond it the oldest finished runs are forgotten
     */
    public InMemoryRunStore(int maxRetainedRuns) {
        if (maxRetainedRuns < 1) {
            throw new IllegalArgumentException("maxRetainedRuns must be positive but was " + maxRetainedRuns);
        }
        this.maxRetainedRuns = maxRetainedRuns;
    }

    /** The last run looked up: {run id, StoredRun}. */
    private volatile Object[] last;

    /** One run: its record and its tasks as a table. Task reads and writes hold the run's monitor. */
    private static final class StoredRun {
        final AtomicReference<RunRecord> run;
        final TaskTable tasks;
        private Map<String, Integer> index;
        /** Set when the run leaves the map, so a cached lookup of it is not trusted any more. */
        volatile boolean removed;

        StoredRun(RunRecord run, TaskTable tasks) {
            this.run = new AtomicReference<>(run);
            this.tasks = tasks;
        }

        /** Built on first lookup by id (monitor held): the engine addresses tasks by index and rarely needs it. */
        Map<String, Integer> index() {
            Map<String, Integer> m = index;
            if (m == null) {
                m = new HashMap<>(Math.max(16, tasks.size() * 2));
                for (int i = 0; i < tasks.size(); i++) {
                    m.put(tasks.id(i), i);
                }
                index = m;
            }
            return m;
        }
    }

    @Override
    public void createRun(RunRecord run, List<TaskRecord> tasks) {
        add(run, TaskTable.of(run.runId(), tasks));
    }

    @Override
    public void createRun(RunRecord run, TaskTable tasks) {
        add(run, tasks.copy());
    }

    private void add(RunRecord run, TaskTable tasks) {
        StoredRun stored = new StoredRun(run, tasks);
        if (runs.putIfAbsent(run.runId(), stored) != null) {
            throw new SupervisorException("run " + run.runId() + " already exists");
        }
        order.add(run.runId());
        evictFinished();
    }

    private void evictFinished() {
        // Active runs are never evicted: they rotate to the tail so the scan reaches finished ones behind them.
        // The work per call is bounded, so thousands of active runs never make a submit O(n).
        for (int looked = 0; runs.size() > maxRetainedRuns && looked < 64; looked++) {
            String id = order.poll();
            if (id == null) {
                return;
            }
            StoredRun r = runs.get(id);
            if (r != null && r.run.get().status().isTerminal()) {
                runs.remove(id);
                r.removed = true;
                last = null;
            } else if (r != null) {
                order.add(id);
            }
        }
    }

    @Override
    public Optional<RunRecord> findRun(String runId) {
        StoredRun r = runs.get(runId);
        return r == null ? Optional.empty() : Optional.of(r.run.get());
    }

    @Override
    public void updateRun(RunRecord updated) {
        StoredRun r = require(updated.runId());
        while (true) {
            RunRecord cur = r.run.get();
            if (cur.version() != updated.version() - 1) {
                throw new StaleVersionException(updated.runId(), "<run>", updated.version() - 1, cur.version());
            }
            if (r.run.compareAndSet(cur, updated)) {
                return;
            }
        }
    }

    @Override
    public List<TaskRecord> tasks(String runId) {
        StoredRun r = require(runId);
        synchronized (r) {
            return r.tasks.records();
        }
    }

    @Override
    public Optional<TaskRecord> task(String runId, String taskId) {
        StoredRun r = runs.get(runId);
        if (r == null) {
            return Optional.empty();
        }
        synchronized (r) {
            Integer i = r.index().get(taskId);
            return i == null ? Optional.empty() : Optional.of(r.tasks.record(i));
        }
    }

    @Override
    public TaskRecord update(TaskRecord updated) {
        StoredRun r = require(updated.runId());
        int i = updated.index();
        synchronized (r) {
            checkSlot(r, updated.runId(), i, updated.taskId());
            checkVersion(r, i, updated.taskId(), updated.version());
            r.tasks.set(i, updated);
        }
        return updated;
    }

    /** All or none, under the run's monitor, when every record belongs to one run (the engine's case). */
    @Override
    public void updateAll(List<TaskRecord> updated) {
        if (updated.isEmpty()) {
            return;
        }
        String runId = updated.get(0).runId();
        if (updated.stream().anyMatch(u -> !u.runId().equals(runId))) {
            RunStore.super.updateAll(updated);
            return;
        }
        StoredRun r = require(runId);
        synchronized (r) {
            Map<Integer, Long> versions = new HashMap<>();
            for (TaskRecord u : updated) {
                checkSlot(r, runId, u.index(), u.taskId());
                long cur = versions.getOrDefault(u.index(), r.tasks.version(u.index()));
                if (cur != u.version() - 1) {
                    throw new StaleVersionException(runId, u.taskId(), u.version() - 1, cur);
                }
                versions.put(u.index(), u.version());
            }
            for (TaskRecord u : updated) {
                r.tasks.set(u.index(), u);
            }
        }
    }

    @Override
    public void write(TaskTable source, int i) {
        StoredRun r = require(source.runId());
        synchronized (r) {
            checkSlot(r, source.runId(), i, source.id(i));
            checkVersion(r, i, source.id(i), source.version(i));
            r.tasks.copyRow(i, source, i);
        }
    }

    private static void checkSlot(StoredRun r, String runId, int i, String taskId) {
        if (i < 0 || i >= r.tasks.size() || !sameId(r.tasks.id(i), taskId)) {
            throw new SupervisorException("run " + runId + " has no task '" + taskId + "' at index " + i);
        }
    }

    private static void checkVersion(StoredRun r, int i, String taskId, long next) {
        long cur = r.tasks.version(i);
        if (cur != next - 1) {
            throw new StaleVersionException(r.tasks.runId(), taskId, next - 1, cur);
        }
    }

    @Override
    public List<TaskRecord> claim(String runId, String owner, int max, Duration lease, Instant now) {
        StoredRun r = require(runId);
        List<TaskRecord> claimed = new ArrayList<>();
        Instant expiry = now.plus(lease);
        synchronized (r) {
            TaskTable t = r.tasks;
            for (int i = 0; i < t.size() && claimed.size() < max; i++) {
                TaskState s = t.state(i);
                if (s == TaskState.READY || s == TaskState.RETRY_WAIT && (t.notBefore(i) == null
                        || !t.notBefore(i).isAfter(now))) {
                    t.claimed(i, owner, expiry, now);
                    claimed.add(t.record(i));
                }
            }
        }
        return claimed;
    }

    @Override
    public Optional<TaskRecord> heartbeat(TaskRecord current, Duration lease, Instant now) {
        StoredRun r = runs.get(current.runId());
        if (r == null || current.state() != TaskState.RUNNING) {
            return Optional.empty();
        }
        int i = current.index();
        synchronized (r) {
            // The version names the record: any change since the caller read it means the lease is not theirs.
            if (i < 0 || i >= r.tasks.size() || !sameId(r.tasks.id(i), current.taskId())
                    || r.tasks.version(i) != current.version()) {
                return Optional.empty();
            }
            r.tasks.heartbeat(i, now.plus(lease));
            return Optional.of(r.tasks.record(i));
        }
    }

    @Override
    public List<TaskRecord> reclaimExpired(Instant now) {
        List<TaskRecord> reclaimed = new ArrayList<>();
        for (StoredRun r : runs.values()) {
            synchronized (r) {
                TaskTable t = r.tasks;
                for (int i = 0; i < t.size(); i++) {
                    Instant expiry = t.leaseExpiry(i);
                    if (t.state(i) == TaskState.RUNNING && expiry != null && expiry.isBefore(now)) {
                        t.released(i, "lease of " + t.leaseOwner(i) + " expired");
                        reclaimed.add(t.record(i));
                    }
                }
            }
        }
        return reclaimed;
    }

    /**
     * Drops a finished run to free memory.
     *
     * @param runId the run id
     */
    public void remove(String runId) {
        StoredRun r = runs.remove(runId);
        if (r != null) {
            r.removed = true;
        }
        last = null;
        order.remove(runId);
    }

    private static boolean sameId(String a, String b) {
        return a == b || a.equals(b); // records of one task share the id instance; equals is the slow fallback
    }

    private StoredRun require(String runId) {
        // Transitions come in streams for one run: skip the map while the run id is the same object and the run is
        // still in the map (a removed run may come back under the same id; a lookup racing the removal acts as if
        // it came just before it).
        Object[] hit = last;
        if (hit != null && hit[0] == runId && !((StoredRun) hit[1]).removed) {
            return (StoredRun) hit[1];
        }
        StoredRun r = runs.get(runId);
        if (r == null) {
            throw new SupervisorException("no run " + runId + " in the store");
        }
        last = new Object[] {runId, r};
        return r;
    }
}
