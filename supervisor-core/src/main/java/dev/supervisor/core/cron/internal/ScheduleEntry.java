package dev.supervisor.core.cron.internal;

import dev.supervisor.api.spi.ScheduleState;
import dev.supervisor.core.cron.FireExecution;
import dev.supervisor.core.cron.ScheduleInfo;
import dev.supervisor.core.cron.ScheduleSpec;
import dev.supervisor.core.cron.ScheduledFire;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One schedule inside the scheduler: its state, queue position, running work and counters. Guarded by the lock. */
final class ScheduleEntry {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleEntry.class);
    private static final int MAX_BUFFERED = 10_000;

    final ScheduleSpec spec;
    ScheduleState state;
    /** When it is due (with jitter), while queued. */
    Instant due;
    /** Its position in the scheduler's {@link DueQueue}, or -1 when not queued. */
    int heapIndex = -1;
    long fired;
    long misfires;
    long skippedOverlap;
    long failed;
    // Sized for what most schedules need (one fire at a time, nothing buffered): 100k schedules are 100k of these.
    private final List<Slot> running = new ArrayList<>(0);
    private ArrayDeque<Catchup.Due> buffered;

    /** Work started for one fire; the execution is known once the target returned. */
    private static final class Slot {
        FireExecution execution;
    }

    ScheduleEntry(ScheduleSpec spec, ScheduleState state) {
        this.spec = spec;
        this.state = state;
    }

    Catchup.Result decide(Instant now) {
        return Catchup.decide(spec, state.nextFire(), now);
    }

    /** Applies the overlap policy to one due fire. Called with the scheduler lock held. */
    ScheduledFire dispatch(Catchup.Due due, Clock clock, Object lock) {
        boolean busy = !running.isEmpty();
        switch (spec.overlapPolicy()) {
            case SKIP:
                if (busy) {
                    skippedOverlap++;
                    return fireOf(due, clock);
                }
                break;
            case BUFFER_ONE:
                if (busy || bufferedCount() > 0) {
                    if (bufferedCount() == 0) {
                        buffer(due);
                    } else {
                        skippedOverlap++;
                    }
                    return fireOf(due, clock);
                }
                break;
            case BUFFER_ALL:
                if (busy || bufferedCount() > 0) {
                    if (bufferedCount() >= MAX_BUFFERED) {
                        buffered.poll();
                        skippedOverlap++;
                    }
                    buffer(due);
                    return fireOf(due, clock);
                }
                break;
            case CANCEL_RUNNING:
                for (Slot s : new ArrayList<>(running)) {
                    if (s.execution != null) {
                        s.execution.cancel();
                    }
                }
                break;
            default:
                break;
        }
        return launch(due, clock, lock);
    }

    private ScheduledFire fireOf(Catchup.Due due, Clock clock) {
        return new HandedFire(spec.id(), due.scheduledAt(), clock.instant(), due.kind(),
                spec.schedule().tzdbVersion());
    }

    private ScheduledFire launch(Catchup.Due due, Clock clock, Object lock) {
        ScheduledFire fire = fireOf(due, clock);
        Slot slot = new Slot();
        running.add(slot);
        fired++;
        FireExecution exec;
        try {
            exec = spec.target().fire(fire);
            if (exec == null) {
                throw new IllegalStateException("target returned no FireExecution");
            }
        } catch (Exception ex) {
            failed++;
            running.remove(slot);
            LOG.warn("schedule '{}' could not start its fire at {}", spec.id(), fire.scheduledAt(), ex);
            return fire;
        }
        slot.execution = exec;
        if (exec == FireExecution.done()) {
            finished(slot, clock, lock); // a synchronous target: nothing to wait for
        } else {
            exec.completion().whenComplete((v, t) -> finished(slot, clock, lock));
        }
        return fire;
    }

    private void finished(Slot slot, Clock clock, Object lock) {
        synchronized (lock) {
            running.remove(slot);
            if (running.isEmpty() && bufferedCount() > 0) {
                launch(buffered.poll(), clock, lock);
            }
        }
    }

    private int bufferedCount() {
        return buffered == null ? 0 : buffered.size();
    }

    private void buffer(Catchup.Due due) {
        if (buffered == null) {
            buffered = new ArrayDeque<>(2);
        }
        buffered.add(due);
    }

    ScheduleInfo info() {
        return new ScheduleSnapshot(spec.id(), state.nextFire(), state.lastFire(), state.paused(), state.completed(),
                running.size(), bufferedCount(), fired, misfires, skippedOverlap, failed);
    }
}
