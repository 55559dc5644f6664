package dev.supervisor.core.cron.internal;

import dev.supervisor.core.cron.CronSchedule;
import dev.supervisor.core.cron.MisfirePolicy;
import dev.supervisor.core.cron.ScheduleSpec;
import dev.supervisor.core.cron.ScheduledFire;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which instants fire when a schedule is processed at {@code now} with a stored next fire: on-time ones
 * (late by at most the misfire threshold) always; missed ones per the {@link MisfirePolicy}. Walks backwards
 * from now with {@code previous}, so a long downtime costs at most the burst cap, never the whole gap.
 */
final class Catchup {
    /** A fire to hand over: its instant and why. */
    record Due(Instant scheduledAt, ScheduledFire.Kind kind) {
    }

    /** The decision: what fires, what the schedule reached, and whether anything missed was dropped. */
    record Result(List<Due> fires, Instant lastReached, boolean droppedMissed, Instant nextFire) {
    }

    private Catchup() {
    }

    static Result decide(ScheduleSpec spec, Instant storedNext, Instant now) {
        CronSchedule s = spec.schedule();
        // Jitter delays fires on purpose; it must not turn them into misfires.
        Instant cutoff = minus(minus(now, spec.misfireThreshold()), spec.jitter());
        Instant nf = Fires.within(spec, s.next(storedNext).orElse(null));
        if (!storedNext.isBefore(cutoff) && (nf == null || nf.isAfter(now))) {
            // The common case: exactly one fire, on time, and its successor is already known.
            return new Result(List.of(new Due(storedNext, ScheduledFire.Kind.ON_TIME)), storedNext, false, nf);
        }
        Instant upper = spec.endAt() != null && spec.endAt().isBefore(now) ? spec.endAt() : now;
        ArrayDeque<Due> onTime = new ArrayDeque<>();
        Instant p = storedNext.isAfter(upper) ? null : s.previous(upper.plusNanos(1)).orElse(null);
        Instant lastReached = p != null && !p.isBefore(storedNext) ? p : storedNext;
        while (p != null && !p.isBefore(storedNext) && !p.isBefore(cutoff) && onTime.size() < MisfirePolicy.MAX_BURST) {
            onTime.addFirst(new Due(p, ScheduledFire.Kind.ON_TIME));
            p = s.previous(p).orElse(null);
        }
        boolean missedAny = storedNext.isBefore(cutoff);
        List<Due> fires = new ArrayList<>();
        boolean dropped = false;
        if (missedAny) {
            MisfirePolicy policy = spec.misfirePolicy();
            Instant latestMissed = s.previous(cutoff).filter(i -> !i.isBefore(storedNext)).orElse(storedNext);
            switch (policy.kind()) {
                case FIRE_ONCE_NOW -> {
                    if (onTime.isEmpty()) {
                        fires.add(new Due(latestMissed, ScheduledFire.Kind.MISFIRE));
                    }
                    dropped = !onTime.isEmpty() || latestMissed.isAfter(storedNext);
                }
                case SKIP_TO_NEXT -> dropped = true;
                case FIRE_ALL_MISSED -> dropped = !collect(s, latestMissed, storedNext, policy.maxBurst(), fires);
                case FIRE_WITHIN -> {
                    Instant floor = minus(now, policy.window());
                    Instant from = storedNext.isAfter(floor) ? storedNext : floor;
                    boolean all = !latestMissed.isBefore(from)
                            && collect(s, latestMissed, from, MisfirePolicy.MAX_BURST, fires);
                    dropped = !all || from.isAfter(storedNext);
                }
                default -> throw new IllegalStateException("unknown misfire policy " + policy);
            }
        }
        fires.addAll(onTime);
        Instant next = Fires.within(spec, s.next(now).orElse(null));
        return new Result(fires, lastReached, dropped, next);
    }

    /** {@code t - d}, or {@link Instant#MIN} when a huge threshold or window reaches past it. */
    static Instant minus(Instant t, Duration d) {
        try {
            return t.minus(d);
        } catch (DateTimeException | ArithmeticException e) {
            return Instant.MIN;
        }
    }

    /** Adds missed instants from {@code latest} back to {@code floor}, oldest first; true if none was left out. */
    private static boolean collect(CronSchedule s, Instant latest, Instant floor, int cap, List<Due> out) {
        ArrayDeque<Due> missed = new ArrayDeque<>();
        Instant p = latest;
        while (p != null && !p.isBefore(floor) && missed.size() < cap) {
            missed.addFirst(new Due(p, ScheduledFire.Kind.MISFIRE));
            p = s.previous(p).orElse(null);
        }
        out.addAll(missed);
        return p == null || p.isBefore(floor);
    }
}
