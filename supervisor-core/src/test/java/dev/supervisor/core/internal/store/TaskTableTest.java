package dev.supervisor.core.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.TaskState;
import dev.supervisor.api.spi.TaskRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TaskTableTest {
    private static final TaskState[] TERMINAL = {TaskState.SUCCEEDED, TaskState.FAILED, TaskState.TIMED_OUT,
        TaskState.SKIPPED, TaskState.UPSTREAM_FAILED, TaskState.CANCELLED};

    @Test
    void transitions_matchTaskRecordsFieldForField_overRandomSequences() {
        long seed = System.nanoTime();
        System.out.println("TaskTableTest seed=" + seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] ids = {"a", "b", "c"};
        for (int round = 0; round < 500; round++) {
            TaskTable table = TaskTable.pending("run", ids);
            TaskRecord[] expected = new TaskRecord[ids.length];
            for (int i = 0; i < ids.length; i++) {
                expected[i] = TaskRecord.pending("run", ids[i], i);
            }
            for (int step = 0; step < 12; step++) {
                int i = rnd.nextInt(ids.length);
                expected[i] = apply(rnd, table, i, expected[i]);
                for (int k = 0; k < ids.length; k++) {
                    assertThat(table.record(k)).as("seed=%d round=%d step=%d task=%d", seed, round, step, k)
                            .isEqualTo(expected[k]);
                }
            }
        }
    }

    /** Applies one random transition to row i and to the record; returns the new record. */
    private static TaskRecord apply(SplittableRandom rnd, TaskTable t, int i, TaskRecord r) {
        Instant now = instant(rnd);
        switch (rnd.nextInt(6)) {
            case 0 -> {
                TaskState s = TaskState.values()[rnd.nextInt(TaskState.values().length)];
                t.to(i, s);
                return r.to(s);
            }
            case 1 -> {
                Instant expiry = rnd.nextBoolean() ? null : instant(rnd);
                String owner = "node-" + rnd.nextInt(3);
                t.claimed(i, owner, expiry, now);
                return r.claimed(owner, expiry, now);
            }
            case 2 -> {
                TaskState s = TERMINAL[rnd.nextInt(TERMINAL.length)];
                Object out = rnd.nextBoolean() ? null : Map.of("n", rnd.nextInt(9));
                String err = rnd.nextBoolean() ? null : "boom " + rnd.nextInt(9);
                t.finished(i, s, now, out, err);
                return r.finished(s, now, out, err);
            }
            case 3 -> {
                t.retryAt(i, now, "retry");
                return r.retryAt(now, "retry");
            }
            case 4 -> {
                t.released(i, "lease expired");
                return r.released("lease expired");
            }
            default -> {
                t.heartbeat(i, now);
                return r.heartbeat(now);
            }
        }
    }

    private static Instant instant(SplittableRandom rnd) {
        return switch (rnd.nextInt(8)) {
            case 0 -> Instant.MIN;
            case 1 -> Instant.MAX;
            case 2 -> Instant.EPOCH;
            default -> Instant.ofEpochSecond(1_700_000_000L + rnd.nextInt(1_000_000), rnd.nextInt(1_000_000_000));
        };
    }

    @Test
    void copyRow_copiesEveryField_andClearsWhatTheSourceDoesNotHave() {
        TaskTable busy = TaskTable.pending("run", new String[] {"a"});
        busy.claimed(0, "n1", Instant.ofEpochSecond(5, 7), Instant.ofEpochSecond(1, 2));
        busy.retryAt(0, Instant.ofEpochSecond(9), "failed");
        TaskTable fresh = TaskTable.pending("run", new String[] {"a"});
        fresh.copyRow(0, busy, 0);
        assertThat(fresh.record(0)).isEqualTo(busy.record(0));
        busy.copyRow(0, TaskTable.pending("run", new String[] {"a"}), 0);
        assertThat(busy.record(0)).isEqualTo(TaskRecord.pending("run", "a", 0));
    }

    @Test
    void copy_isIndependentOfTheOriginal() {
        TaskTable t = TaskTable.pending("run", new String[] {"a", "b"});
        TaskTable c = t.copy();
        t.finished(1, TaskState.SUCCEEDED, Instant.EPOCH, "out", null);
        assertThat(c.record(1)).isEqualTo(TaskRecord.pending("run", "b", 1));
        assertThat(t.output(1)).isEqualTo("out");
    }

    @Test
    void of_rejectsARecordOutOfPlace_orOfAnotherRun() {
        assertThatThrownBy(() -> TaskTable.of("run", List.of(TaskRecord.pending("run", "a", 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a' has index 1");
        assertThatThrownBy(() -> TaskTable.of("run", List.of(TaskRecord.pending("other", "a", 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to run other");
    }

    @Test
    void of_keepsEveryRecord() {
        TaskRecord a = TaskRecord.pending("run", "a", 0).claimed("n", Instant.MAX, Instant.MIN);
        TaskRecord b = TaskRecord.pending("run", "b", 1).finished(TaskState.FAILED, Instant.EPOCH, null, "x");
        assertThat(TaskTable.of("run", List.of(a, b)).records()).containsExactly(a, b);
    }
}
