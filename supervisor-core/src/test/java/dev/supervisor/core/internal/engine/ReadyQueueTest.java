package dev.supervisor.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReadyQueueTest {

    /** One queued task, as the reference sees it. */
    private record Entry(int index, long key, long seq) {
    }

    /** The order the queue must reproduce: key, then arrival. */
    private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::key).thenComparingLong(Entry::seq);

    @Test
    void key_ordersByPriorityThenRank() {
        assertThat(ReadyQueue.key(10, 0)).isLessThan(ReadyQueue.key(9, Long.MAX_VALUE));
        assertThat(ReadyQueue.key(5, 100)).isLessThan(ReadyQueue.key(5, 99));
        assertThat(ReadyQueue.key(5, -3)).isEqualTo(ReadyQueue.key(5, 0));
        assertThat(ReadyQueue.key(1, Long.MAX_VALUE)).isLessThan(ReadyQueue.key(1, 0));
    }

    @Test
    void removeTop_matchesAReferenceHeap_forRandomKeysArrivalsAndEntriesComingBackFromACap() {
        long seed = System.nanoTime();
        System.out.println("ReadyQueueTest seed=" + seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int round = 0; round < 200; round++) {
            // Few keys exercise the lanes; many keys overflow them into the heap.
            int keys = round % 2 == 0 ? 1 + rnd.nextInt(4) : 1 + rnd.nextInt(40);
            assertSameOrder(rnd, keys, 1 + rnd.nextInt(400), "seed=" + seed + " round=" + round);
        }
    }

    /**
     * Random adds and takes; a taken entry is sometimes parked in a second queue (as behind a full cap) and moved
     * back later, older than what arrived meanwhile. Both queues must agree with the reference at every step.
     */
    private static void assertSameOrder(SplittableRandom rnd, int keys, int ops, String where) {
        ReadyQueue queue = new ReadyQueue();
        ReadyQueue cap = new ReadyQueue();
        PriorityQueue<Entry> reference = new PriorityQueue<>(ORDER);
        PriorityQueue<Entry> parked = new PriorityQueue<>(ORDER);
        long seq = 0;
        int nextIndex = 0;
        for (int op = 0; op < ops; op++) {
            int pick = rnd.nextInt(10);
            if (pick < 5) {
                Entry e = new Entry(nextIndex++, rnd.nextInt(keys) * 1_000L, seq++);
                queue.add(null, e.index(), e.key(), e.seq());
                reference.add(e);
            } else if (pick < 7 && !parked.isEmpty()) {
                assertTop(cap, parked.peek(), where);
                cap.moveTopTo(queue); // a slot freed: the first waiting entry comes back
                reference.add(parked.poll());
            } else if (!reference.isEmpty()) {
                Entry expected = reference.poll();
                assertTop(queue, expected, where);
                if (pick == 9) {
                    queue.moveTopTo(cap); // hit a full cap: parked, to come back later
                    parked.add(expected);
                } else {
                    queue.removeTop();
                }
            }
            assertThat(queue.size()).as(where).isEqualTo(reference.size());
            assertThat(cap.size()).as(where).isEqualTo(parked.size());
        }
        while (!reference.isEmpty()) {
            assertTop(queue, reference.poll(), where);
            queue.removeTop();
        }
        assertThat(queue.isEmpty()).as(where).isTrue();
    }

    private static void assertTop(ReadyQueue queue, Entry expected, String where) {
        assertThat(queue.topIndex()).as(where).isEqualTo(expected.index());
        assertThat(queue.topKey()).as(where).isEqualTo(expected.key());
        assertThat(queue.topSeq()).as(where).isEqualTo(expected.seq());
    }
}
