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
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Heap-only store. Each task lives in one slot of an atomic array, so a transition is a single CAS on the slot
 * and never takes a lock shared with other tasks.
 */
public final class InMemoryRunStore implements RunStore {
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

    private static final class StoredRun {
        final AtomicReference<RunRecord> run;
        final AtomicReferenceArray<TaskRecord> tasks;
        private volatile Map<String, Integer> index;
        /** Set when the run leaves the map, so a cached lookup of it is not trusted any more. */
        volatile boolean removed;

        StoredRun(RunRecord run, List<TaskRecord> tasks) {
            this.run = new AtomicReference<>(run);
            TaskRecord[] array = tasks.toArray(new TaskRecord[0]);
            for (int i = 0; i < array.length; i++) {
                if (array[i].index() != i) {
                    throw new IllegalArgumentException("task '" + array[i].taskId() + "' has index "
                            + array[i].index() + " but sits at position " + i);
                }
            }
            this.tasks = new AtomicReferenceArray<>(array);
        }

        /** Built on first lookup by id: the engine addresses tasks by index and rarely needs it. */
        Map<String, Integer> index() {
            Map<String, Integer> m = index;
            if (m == null) {
                m = new HashMap<>(Math.max(16, tasks.length() * 2));
                for (int i = 0; i < tasks.length(); i++) {
                    m.put(tasks.get(i).taskId(), i);
                }
                index = m;
            }
            return m;
        }
    }

    @Override
    public void createRun(RunRecord run, List<TaskRecord> tasks) {
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
        List<TaskRecord> out = new ArrayList<>(r.tasks.length());
        for (int i = 0; i < r.tasks.length(); i++) {
            out.add(r.tasks.get(i));
        }
        return out;
    }

    @Override
    public Optional<TaskRecord> task(String runId, String taskId) {
        StoredRun r = runs.get(runId);
        if (r == null) {
            return Optional.empty();
        }
        Integer i = r.index().get(taskId);
        return i == null ? Optional.empty() : Optional.of(r.tasks.get(i));
    }

    @Override
    public TaskRecord update(TaskRecord updated) {
        StoredRun r = require(updated.runId());
        int i = updated.index();
        if (i < 0 || i >= r.tasks.length() || !sameId(r.tasks.get(i).taskId(), updated.taskId())) {
            throw new SupervisorException("run " + updated.runId() + " has no task '" + updated.taskId()
                    + "' at index " + i);
        }
        while (true) {
            TaskRecord cur = r.tasks.get(i);
            if (cur.version() != updated.version() - 1) {
                throw new StaleVersionException(updated.runId(), updated.taskId(), updated.version() - 1,
                        cur.version());
            }
            if (r.tasks.compareAndSet(i, cur, updated)) {
                return updated;
            }
        }
    }

    @Override
    public List<TaskRecord> claim(String runId, String owner, int max, Duration lease, Instant now) {
        StoredRun r = require(runId);
        List<TaskRecord> claimed = new ArrayList<>();
        Instant expiry = now.plus(lease);
        for (int i = 0; i < r.tasks.length() && claimed.size() < max; i++) {
            TaskRecord cur = r.tasks.get(i);
            boolean claimable = cur.state() == TaskState.READY
                    || cur.state() == TaskState.RETRY_WAIT && (cur.notBefore() == null || !cur.notBefore()
                            .isAfter(now));
            if (claimable) {
                TaskRecord next = cur.claimed(owner, expiry, now);
                if (r.tasks.compareAndSet(i, cur, next)) {
                    claimed.add(next);
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
        TaskRecord next = current.heartbeat(now.plus(lease));
        return r.tasks.compareAndSet(current.index(), current, next) ? Optional.of(next) : Optional.empty();
    }

    @Override
    public List<TaskRecord> reclaimExpired(Instant now) {
        List<TaskRecord> reclaimed = new ArrayList<>();
        for (StoredRun r : runs.values()) {
            for (int i = 0; i < r.tasks.length(); i++) {
                TaskRecord cur = r.tasks.get(i);
                if (cur.state() == TaskState.RUNNING && cur.leaseExpiry() != null && cur.leaseExpiry().isBefore(now)) {
                    TaskRecord next = cur.released("lease of " + cur.leaseOwner() + " expired");
                    if (r.tasks.compareAndSet(i, cur, next)) {
                        reclaimed.add(next);
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
