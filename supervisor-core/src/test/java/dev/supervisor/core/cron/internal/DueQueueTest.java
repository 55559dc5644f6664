package dev.supervisor.core.cron.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.spi.ScheduleState;
import dev.supervisor.core.cron.CronDialect;
import dev.supervisor.core.cron.CronExpression;
import dev.supervisor.core.cron.FireExecution;
import dev.supervisor.core.cron.ScheduleSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DueQueueTest {
    private static final CronExpression EVERY_MINUTE = CronExpression.parse("0 * * * * ?", CronDialect.QUARTZ);

    /** What the reference heap holds: the entry with its due time and queueing order. */
    private record Queued(ScheduleEntry entry, Instant due, long order) {
    }

    private static final Comparator<Queued> ORDER = Comparator.comparing(Queued::due)
            .thenComparingLong(Queued::order);

    private static ScheduleEntry entry(int i) {
        ScheduleSpec spec = ScheduleSpec.builder("s" + i, EVERY_MINUTE.in(ZoneOffset.UTC), f -> FireExecution.done())
                .build();
        return new ScheduleEntry(spec, new ScheduleState("s" + i, "f", null, null, false, false, 0));
    }

    @Test
    void pollAndRemove_matchAReferenceHeap_forRandomDueTimesIncludingTiesAndNanos() {
        long seed = System.nanoTime();
        System.out.println("DueQueueTest seed=" + seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        List<ScheduleEntry> all = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            all.add(entry(i));
        }
        for (int round = 0; round < 100; round++) {
            DueQueue queue = new DueQueue();
            PriorityQueue<Queued> reference = new PriorityQueue<>(ORDER);
            long order = 0;
            for (int op = 0; op < 500; op++) {
                String where = "seed=" + seed + " round=" + round + " op=" + op;
                ScheduleEntry e = all.get(rnd.nextInt(all.size()));
                int pick = rnd.nextInt(10);
                if (pick < 5 && e.heapIndex < 0) {
                    // Few distinct seconds and nanos, so ties on time fall back to queueing order.
                    Instant due = Instant.ofEpochSecond(1_700_000_000L + rnd.nextInt(5), rnd.nextInt(3) * 500);
                    queue.add(e, due, order);
                    reference.add(new Queued(e, due, order++));
                } else if (pick < 7) {
                    queue.remove(e); // queued or not
                    reference.removeIf(q -> q.entry() == e);
                } else {
                    Queued expected = reference.poll();
                    assertThat(queue.poll()).as(where).isSameAs(expected == null ? null : expected.entry());
                }
                assertThat(queue.size()).as(where).isEqualTo(reference.size());
                Queued head = reference.peek();
                assertThat(queue.peek()).as(where).isSameAs(head == null ? null : head.entry());
                if (head != null) {
                    assertThat(queue.headDueBy(head.due())).as(where).isTrue();
                    assertThat(queue.headDueBy(head.due().minusNanos(1))).as(where).isFalse();
                }
            }
            for (ScheduleEntry e : all) {
                queue.remove(e);
                assertThat(e.heapIndex).isEqualTo(-1);
            }
            assertThat(queue.size()).isZero();
        }
    }
}
