package dev.supervisor.core.testing;

import dev.supervisor.core.DelayScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * A {@link Clock} and {@link DelayScheduler} whose time moves only through {@link #advance(Duration)}. Actions
 * scheduled for a time at or before the new time run on the advancing thread, in due-time order (ties in
 * scheduling order), with the clock set to each action's due time while it runs. Thread-safe.
 */
public final class ManualClock extends Clock implements DelayScheduler {
    private final ZoneId zone;
    private final Object lock;
    private final PriorityQueue<Entry> queue;
    private Instant now;
    private long sequence;

    private static final class Entry implements Comparable<Entry> {
        final Instant due;
        final long seq;
        final Runnable action;
        volatile boolean cancelled;

        Entry(Instant due, long seq, Runnable action) {
            this.due = due;
            this.seq = seq;
            this.action = action;
        }

        @Override
        public int compareTo(Entry o) {
            int c = due.compareTo(o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private ManualClock(Instant start) {
        this.now = start;
        this.zone = ZoneOffset.UTC;
        this.lock = new Object();
        this.queue = new PriorityQueue<>();
    }

    /**
     * @param start the initial instant
     * @return a UTC manual clock at {@code start}
     */
    public static ManualClock at(Instant start) {
        return new ManualClock(start);
    }

    /**
     * @param start the initial instant, as ISO-8601 text (e.g. {@code 2026-03-29T00:00:00Z})
     * @return a UTC manual clock
     */
    public static ManualClock at(String start) {
        return at(Instant.parse(start));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // A view in another zone that shares this clock's time.
        return new ZoneView(this, zone);
    }

    @Override
    public Instant instant() {
        synchronized (lock) {
            return now;
        }
    }

    @Override
    public Cancellable schedule(Runnable action, Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative but was " + delay);
        }
        synchronized (lock) {
            Entry e = new Entry(now.plus(delay), sequence++, action);
            queue.add(e);
            return () -> e.cancelled = true;
        }
    }

    /**
     * Moves time forward, running every action that falls due on the way.
     *
     * @param amount how far, zero or positive
     */
    public void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cannot move a clock backwards: " + amount);
        }
        Instant target;
        synchronized (lock) {
            target = now.plus(amount);
        }
        while (true) {
            Entry next;
            synchronized (lock) {
                next = queue.peek();
                if (next == null || next.due.isAfter(target)) {
                    now = target;
                    return;
                }
                queue.poll();
                if (next.due.isAfter(now)) {
                    now = next.due;
                }
            }
            if (!next.cancelled) {
                next.action.run();
            }
        }
    }

    /**
     * Runs actions already due without moving time.
     */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** @return how many scheduled actions have not run or been cancelled */
    public int pending() {
        synchronized (lock) {
            return (int) queue.stream().filter(e -> !e.cancelled).count();
        }
    }

    private static final class ZoneView extends Clock {
        private final ManualClock base;
        private final ZoneId zone;

        ZoneView(ManualClock base, ZoneId zone) {
            this.base = base;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new ZoneView(base, z);
        }

        @Override
        public Instant instant() {
            return base.instant();
        }
    }
}
