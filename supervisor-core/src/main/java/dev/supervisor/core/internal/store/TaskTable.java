package dev.supervisor.core.internal.store;

import dev.supervisor.api.TaskState;
import dev.supervisor.api.spi.TaskRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The tasks of one run as columns: one array per {@link TaskRecord} field, a row per task. A transition writes a
 * few primitives into arrays that live as long as the run instead of allocating a record that would live as long
 * (100k long-lived records per run cost G1 a write barrier per store and a copy per young collection). Rarely
 * used columns (lease, retry time, output, error) are allocated on their first non-null value.
 *
 * <p>The transition methods mirror {@link TaskRecord}'s ({@link TaskRecord#to}, {@link TaskRecord#claimed},
 * {@link TaskRecord#finished}, {@link TaskRecord#retryAt}) field for field; {@code TaskTableTest} holds them to
 * it. Not thread-safe: owners guard it with their own lock.
 */
public final class TaskTable {
    private static final TaskState[] STATES = TaskState.values();
    /** Seconds value of an absent instant. */
    private static final long NONE = Long.MIN_VALUE;
    private final String runId;
    private final String[] ids;
    private final byte[] state;
    private final int[] attempt;
    private final long[] version;
    private final Instants start;
    private final Instants end;
    private String[] owner;
    private Instants expiry;
    private Instants notBefore;
    private Object[] output;
    private String[] error;
    private Object[] item;
    private Object[] branches;
    private boolean[] shortCircuited;

    /**
     * @param runId the run id
     * @param ids the task ids by index (shared, never modified)
     * @return a table with every task PENDING at version 0
     */
    public static TaskTable pending(String runId, String[] ids) {
        return new TaskTable(runId, ids);
    }

    /**
     * @param runId the run id
     * @param records the tasks, each at the position its index names
     * @return a table holding them
     * @throws IllegalArgumentException if a record sits at a position other than its index or names another run
     */
    public static TaskTable of(String runId, List<TaskRecord> records) {
        String[] ids = new String[records.size()];
        for (int i = 0; i < ids.length; i++) {
            TaskRecord r = records.get(i);
            if (r.index() != i) {
                throw new IllegalArgumentException("task '" + r.taskId() + "' has index " + r.index()
                        + " but sits at position " + i);
            }
            if (!r.runId().equals(runId)) {
                throw new IllegalArgumentException("task '" + r.taskId() + "' belongs to run " + r.runId()
                        + ", not " + runId);
            }
            ids[i] = r.taskId();
        }
        TaskTable t = new TaskTable(runId, ids);
        for (int i = 0; i < ids.length; i++) {
            t.set(i, records.get(i));
        }
        return t;
    }

    private TaskTable(String runId, String[] ids) {
        int n = ids.length;
        this.runId = runId;
        this.ids = ids;
        this.state = new byte[n];
        this.attempt = new int[n];
        this.version = new long[n];
        this.start = new Instants(n);
        this.end = new Instants(n);
    }

    private TaskTable(TaskTable o) {
        this.runId = o.runId;
        this.ids = o.ids;
        this.state = o.state.clone();
        this.attempt = o.attempt.clone();
        this.version = o.version.clone();
        this.start = new Instants(o.start);
        this.end = new Instants(o.end);
        this.owner = o.owner == null ? null : o.owner.clone();
        this.expiry = o.expiry == null ? null : new Instants(o.expiry);
        this.notBefore = o.notBefore == null ? null : new Instants(o.notBefore);
        this.output = o.output == null ? null : o.output.clone();
        this.error = o.error == null ? null : o.error.clone();
        this.item = o.item == null ? null : o.item.clone();
        this.branches = o.branches == null ? null : o.branches.clone();
        this.shortCircuited = o.shortCircuited == null ? null : o.shortCircuited.clone();
    }

    /** @return an independent copy (the ids are shared: they never change) */
    public TaskTable copy() {
        return new TaskTable(this);
    }

    /** @return the run id */
    public String runId() {
        return runId;
    }

    /** @return the number of tasks */
    public int size() {
        return ids.length;
    }

    /**
     * @param i a task index
     * @return its id
     */
    public String id(int i) {
        return ids[i];
    }

    /**
     * @param i a task index
     * @return its state
     */
    public TaskState state(int i) {
        return STATES[state[i]];
    }

    /**
     * @param i a task index
     * @return its version
     */
    public long version(int i) {
        return version[i];
    }

    /**
     * @param i a task index
     * @return attempts started so far
     */
    public int attempt(int i) {
        return attempt[i];
    }

    /**
     * @param i a task index
     * @return its first start, or null
     */
    public Instant startedAt(int i) {
        return start.get(i);
    }

    /**
     * @param i a task index
     * @return when it became terminal, or null
     */
    public Instant finishedAt(int i) {
        return end.get(i);
    }

    /**
     * @param i a task index
     * @return whether it has both started and finished
     */
    public boolean ran(int i) {
        return start.has(i) && end.has(i);
    }

    /**
     * Orders two finished tasks by finishing time.
     *
     * @param i a task index
     * @param j a task index
     * @return negative, zero or positive as task i finished before, with or after task j
     */
    public int compareFinished(int i, int j) {
        return end.compare(i, j);
    }

    /**
     * @param i a task index
     * @return its output, or null
     */
    public Object output(int i) {
        return output == null ? null : output[i];
    }

    /**
     * @param i a task index
     * @return its last error, or null
     */
    public String error(int i) {
        return error == null ? null : error[i];
    }

    /**
     * @param i a task index
     * @return its fan-out element, or null
     */
    public Object item(int i) {
        return item == null ? null : item[i];
    }

    /**
     * @param i a task index
     * @return the branches it selected, or null
     */
    @SuppressWarnings("unchecked")
    public List<String> branches(int i) {
        return branches == null ? null : (List<String>) branches[i];
    }

    /**
     * @param i a task index
     * @return whether it short-circuited its downstream
     */
    public boolean shortCircuited(int i) {
        return shortCircuited != null && shortCircuited[i];
    }

    /**
     * @param i a task index
     * @return its earliest next claim, or null
     */
    public Instant notBefore(int i) {
        return notBefore == null ? null : notBefore.get(i);
    }

    /**
     * @param i a task index
     * @return the task as a record
     */
    public TaskRecord record(int i) {
        return new TaskRecord(runId, ids[i], i, STATES[state[i]], attempt[i], version[i],
                leaseOwner(i), leaseExpiry(i), notBefore(i), startedAt(i),
                finishedAt(i), output(i), error(i), item(i), branches(i), shortCircuited(i));
    }

    /** @return every task as a record, in index order */
    public List<TaskRecord> records() {
        List<TaskRecord> out = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            out.add(record(i));
        }
        return out;
    }

    /**
     * Overwrites a row with a record's fields (its index and ids are the caller's to check).
     *
     * @param i the task index
     * @param r the record
     */
    public void set(int i, TaskRecord r) {
        state[i] = (byte) r.state().ordinal();
        attempt[i] = r.attempt();
        version[i] = r.version();
        setOwner(i, r.leaseOwner());
        setExpiry(i, r.leaseExpiry());
        setNotBefore(i, r.notBefore());
        start.put(i, r.startedAt());
        end.put(i, r.finishedAt());
        setOutput(i, r.output());
        setError(i, r.error());
        setItem(i, r.item());
        setDirectives(i, r.branches(), r.shortCircuited());
    }

    /**
     * Copies one row of another table (of the same shape) into this one.
     *
     * @param i the row to write here
     * @param from the source table
     * @param j the row to read there
     */
    public void copyRow(int i, TaskTable from, int j) {
        state[i] = from.state[j];
        attempt[i] = from.attempt[j];
        version[i] = from.version[j];
        start.copy(i, from.start, j);
        end.copy(i, from.end, j);
        setOwner(i, from.leaseOwner(j));
        if (from.expiry != null || expiry != null) {
            setExpiry(i, from.leaseExpiry(j));
        }
        if (from.notBefore != null || notBefore != null) {
            setNotBefore(i, from.notBefore(j));
        }
        setOutput(i, from.output(j));
        setError(i, from.error(j));
        setItem(i, from.item(j));
        setDirectives(i, from.branches(j), from.shortCircuited(j));
    }

    /* ---- transitions (each increments the version, like TaskRecord's) ---- */

    /**
     * As {@link TaskRecord#to}: the new state, lease kept.
     *
     * @param i the task index
     * @param s the new state
     */
    public void to(int i, TaskState s) {
        state[i] = (byte) s.ordinal();
        version[i]++;
    }

    /**
     * As {@link TaskRecord#readyWith}: READY, carrying a fan-out element.
     *
     * @param i the task index
     * @param element the element
     */
    public void readyWith(int i, Object element) {
        state[i] = (byte) TaskState.READY.ordinal();
        version[i]++;
        setItem(i, element);
    }

    /**
     * As {@link TaskRecord#claimed}: RUNNING with a new attempt and the lease set.
     *
     * @param i the task index
     * @param leaseOwner the lease owner
     * @param expiry the lease expiry, or null
     * @param now the claim time
     */
    public void claimed(int i, String leaseOwner, Instant expiry, Instant now) {
        state[i] = (byte) TaskState.RUNNING.ordinal();
        attempt[i]++;
        version[i]++;
        setOwner(i, leaseOwner);
        setExpiry(i, expiry);
        setNotBefore(i, null);
        if (!start.has(i)) {
            start.put(i, now);
        }
        end.put(i, null);
        setOutput(i, null);
        setDirectives(i, null, false);
    }

    /**
     * As {@link TaskRecord#finished}: terminal, lease cleared.
     *
     * @param i the task index
     * @param s a terminal state
     * @param now when it ended
     * @param out the output, or null
     * @param err the error, or null
     */
    public void finished(int i, TaskState s, Instant now, Object out, String err) {
        unleased(i, s, null, now, out, err);
    }

    /**
     * As {@link TaskRecord#succeeded}: SUCCEEDED with the branch choice, lease cleared.
     *
     * @param i the task index
     * @param now when it ended
     * @param out the output, or null
     * @param selected the branches it selected, or null
     * @param shortCircuit whether it short-circuited its downstream
     */
    public void succeeded(int i, Instant now, Object out, List<String> selected, boolean shortCircuit) {
        unleased(i, TaskState.SUCCEEDED, null, now, out, null);
        setDirectives(i, selected == null ? null : List.copyOf(selected), shortCircuit);
    }

    /**
     * As {@link TaskRecord#retryAt}: RETRY_WAIT, lease cleared.
     *
     * @param i the task index
     * @param at earliest next claim
     * @param err the failure that caused the retry
     */
    public void retryAt(int i, Instant at, String err) {
        unleased(i, TaskState.RETRY_WAIT, at, null, null, err);
    }

    /**
     * As {@link TaskRecord#deferredTo}: RETRY_WAIT for an attempt that was deferred, not failed (one attempt
     * fewer).
     *
     * @param i the task index
     * @param at when it may run again
     * @param reason why it waits
     */
    public void deferredTo(int i, Instant at, String reason) {
        unleased(i, TaskState.RETRY_WAIT, at, null, null, reason);
        attempt[i] = Math.max(0, attempt[i] - 1);
    }

    /**
     * As {@link TaskRecord#released}: READY again, lease cleared, attempts kept.
     *
     * @param i the task index
     * @param reason why it goes back to the queue
     */
    public void released(int i, String reason) {
        unleased(i, TaskState.READY, null, null, null, reason);
    }

    /** A new state without a lease (finished, or waiting again); start and attempts are kept. */
    private void unleased(int i, TaskState s, Instant nextClaim, Instant finishedAt, Object out, String err) {
        state[i] = (byte) s.ordinal();
        version[i]++;
        setOwner(i, null);
        setExpiry(i, null);
        setNotBefore(i, nextClaim);
        end.put(i, finishedAt);
        setOutput(i, out);
        setError(i, err);
        setDirectives(i, null, false);
    }

    /**
     * As {@link TaskRecord#heartbeat}: the lease extended.
     *
     * @param i the task index
     * @param expiry the new lease expiry
     */
    public void heartbeat(int i, Instant expiry) {
        version[i]++;
        setExpiry(i, expiry);
    }

    /**
     * @param i a task index
     * @return its lease owner, or null
     */
    public String leaseOwner(int i) {
        return owner == null ? null : owner[i];
    }

    /**
     * @param i a task index
     * @return its lease expiry, or null
     */
    public Instant leaseExpiry(int i) {
        return expiry == null ? null : expiry.get(i);
    }

    /* ---- columns ---- */

    private void setOwner(int i, String v) {
        owner = lazySet(owner, i, v, String[]::new);
    }

    private void setOutput(int i, Object v) {
        output = lazySet(output, i, v, Object[]::new);
    }

    private void setError(int i, String v) {
        error = lazySet(error, i, v, String[]::new);
    }

    private void setItem(int i, Object v) {
        item = lazySet(item, i, v, Object[]::new);
    }

    private void setDirectives(int i, List<String> selected, boolean shortCircuit) {
        branches = lazySet(branches, i, selected, Object[]::new);
        if (shortCircuit || shortCircuited != null) {
            shortCircuited = shortCircuited == null ? new boolean[ids.length] : shortCircuited;
            shortCircuited[i] = shortCircuit;
        }
    }

    private void setExpiry(int i, Instant v) {
        expiry = Instants.lazySet(expiry, ids.length, i, v);
    }

    private void setNotBefore(int i, Instant v) {
        notBefore = Instants.lazySet(notBefore, ids.length, i, v);
    }

    /** Sets a value in a column that is allocated only for its first non-null value. */
    private <T> T[] lazySet(T[] column, int i, T v, java.util.function.IntFunction<T[]> allocate) {
        T[] c = column == null && v != null ? allocate.apply(ids.length) : column;
        if (c != null) {
            c[i] = v;
        }
        return c;
    }

    /** A column of optional instants as epoch seconds and nanos (exact over Instant's whole range). */
    private static final class Instants {
        private final long[] sec;
        private final int[] nano;

        Instants(int n) {
            sec = new long[n];
            nano = new int[n];
            java.util.Arrays.fill(sec, NONE);
        }

        Instants(Instants o) {
            sec = o.sec.clone();
            nano = o.nano.clone();
        }

        static Instants lazySet(Instants column, int n, int i, Instant v) {
            Instants c = column == null && v != null ? new Instants(n) : column;
            if (c != null) {
                c.put(i, v);
            }
            return c;
        }

        boolean has(int i) {
            return sec[i] != NONE;
        }

        Instant get(int i) {
            return sec[i] == NONE ? null : Instant.ofEpochSecond(sec[i], nano[i]);
        }

        void put(int i, Instant v) {
            sec[i] = v == null ? NONE : v.getEpochSecond();
            nano[i] = v == null ? 0 : v.getNano();
        }

        void copy(int i, Instants from, int j) {
            sec[i] = from.sec[j];
            nano[i] = from.nano[j];
        }

        int compare(int i, int j) {
            int c = Long.compare(sec[i], sec[j]);
            return c != 0 ? c : Integer.compare(nano[i], nano[j]);
        }
    }
}
