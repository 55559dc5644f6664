package dev.supervisor.auth.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

/** A time source that moves only when told to; parking advances it, so timed waits run instantly. */
final class FakeTime implements TimeSource {
    final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void park(long nanos) {
        now.addAndGet(nanos);
    }

    void advance(long nanos) {
        now.addAndGet(nanos);
    }
}
