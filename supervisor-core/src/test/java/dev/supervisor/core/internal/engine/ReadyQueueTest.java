package dev.supervisor.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReadyQueueTest {

    /** The order the queue must reproduce: key, then arrival. */
    private static final Comparator<ReadyEntry> ORDER = Comparator.<ReadyEntry>comparingLong(e -> e.key)
            .thenComparingLong(e -> e.seq);

    @Test
    void key_ordersByPriorityThenRank() {
        assertThat(ReadyQueue.key(10, 0)).isLessThan(ReadyQueue.key(9, Long.MAX_VALUE));
        assertThat(ReadyQueue.key(5, 100)).isLessThan(ReadyQueue.key(5, 99));
        assertThat(ReadyQueue.key(5, -3)).isEqualTo(ReadyQueue.key(5, 0));
        assertThat(ReadyQueue.key(1, Long.MAX_VALUE)).isLessThan(ReadyQueue.key(1, 0));
    }

    @Test
    void removeTop_matchesAReferenceHeap_forRandomKeysArrivalsAndReturningParkedEntries() {
        long seed = System.nanoTime();
        System.out.println("ReadyQueueTest seed=" + seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int round = 0; round < 200; round++) {
            // Few keys exercise the lanes; many keys overflow them into the heap.
            int keys = round % 2 == 0 ? 1 + rnd.nextInt(4) : 1 + rnd.nextInt(40);
            assertSameOrder(rnd, keys, 1 + rnd.nextInt(400), "seed=" + seed + " round=" + round);
        }
    }

    private static void assertSameOrder(SplittableRandom rnd, int keys, int ops, String where) {
        ReadyQueue queue = new ReadyQueue();
        PriorityQueue<ReadyEntry> reference = new PriorityQueue<>(ORDER);
        List<ReadyEntry> parked = new ArrayList<>();
        long seq = 0;
        int nextIndex = 0;
        for (int op = 0; op < ops; op++) {
            int pick = rnd.nextInt(10);
            if (pick < 5) {
                ReadyEntry e = new ReadyEntry(null, nextIndex++, rnd.nextInt(keys) * 1_000L, seq++);
                queue.add(e);
                reference.add(e);
            } else if (pick < 6 && !parked.isEmpty()) {
                ReadyEntry e = parked.remove(rnd.nextInt(parked.size())); // an older entry comes back
                queue.add(e);
                reference.add(e);
            } else if (!reference.isEmpty()) {
                ReadyEntry expected = reference.poll();
                assertThat(queue.topIndex()).as(where).isEqualTo(expected.index);
                ReadyEntry top = queue.topEntry();
                assertThat(top.key).as(where).isEqualTo(expected.key);
                assertThat(top.seq).as(where).isEqualTo(expected.seq);
                queue.removeTop();
                if (pick == 9) {
                    parked.add(expected); // hit a full cap: parked, to return later
                }
            }
            assertThat(queue.size()).as(where).isEqualTo(reference.size());
        }
        while (!reference.isEmpty()) {
            assertThat(queue.topIndex()).as(where).isEqualTo(reference.poll().index);
            queue.removeTop();
        }
        assertThat(queue.isEmpty()).as(where).isTrue();
    }
}
