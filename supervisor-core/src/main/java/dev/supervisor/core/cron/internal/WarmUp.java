package dev.supervisor.core.cron.internal;

import dev.supervisor.core.DelayScheduler;
import dev.supervisor.core.cron.CronDialect;
import dev.supervisor.core.cron.CronSchedule;
import dev.supervisor.core.cron.CronSchedulerConfig;
import dev.supervisor.core.cron.FireExecution;
import dev.supervisor.core.cron.ScheduleSpec;
import dev.supervisor.core.cron.ScheduleStores;
import dev.supervisor.core.cron.ScheduleTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the fire path (timer wake-up, due queue, catch-up decision, store update, hand-over to the target) and the
 * fire-time search on private throwaway schedules, once per JVM, on a background thread.
 *
 * <p>Without it the first due second after start is served by the interpreter: the fire path is code nothing else
 * runs, so it becomes hot only in the middle of the first burst while the JIT compiles it on the same cores. And
 * compiled code that never saw a branch is thrown away the first time the branch is taken (a December search
 * rolling over into January did exactly that in a measured burst), so the warm-up covers the branches a burst
 * takes: schedules that finish, late fires, asynchronous targets, roll-overs of every field, the day specials and
 * daylight-saving transitions.
 */
final class WarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /** Schedules of each kind; with the minutes stepped below, some 15,000 hand-overs. */
    static final int PER_KIND = 1_000;
    static final int MINUTES = 12;
    private static final List<String> SEARCHES = List.of("0 0/15 * * * ?", "0 30 2 * * ?", "0 0 12 ? * MON-FRI",
            "0 15 10 ? * 6L", "0 0 12 L * ?", "0 0 9 LW * ?", "0 0 12 15W * ?", "0 0 12 ? * 2#3", "0 0 0 29 2 ?",
            "0 0 0 31 12 ? 2030-2035", "30 59 23 31 12 ?", "0 0 0 1 1 ? 2031", "*/7 * * * * ?", "0 20 0/4 * * ?");

    private WarmUp() {
    }

    /** Starts the warm-up unless this JVM already did. */
    static void startOnce() {
        if (STARTED.compareAndSet(false, true)) {
            Thread t = new Thread(WarmUp::run, "supervisor-cron-warmup");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        }
    }

    /** @return how many fires were handed over (for tests) */
    static int run() {
        long t0 = System.nanoTime();
        int fired = 0;
        try {
            search();
            fired = fire();
        } catch (RuntimeException e) {
            LOG.debug("cron warm-up stopped early", e);
        }
        LOG.debug("cron warm-up: {} fires in {} ms", fired, (System.nanoTime() - t0) / 1_000_000);
        return fired;
    }

    /** Chains next and previous over a few years of varied expressions, in a zone with daylight saving and in UTC. */
    private static void search() {
        Instant from = Instant.parse("2029-10-01T00:00:00Z");
        for (ZoneId zone : List.of(ZoneId.of("Europe/Berlin"), ZoneOffset.UTC)) {
            for (String text : SEARCHES) {
                CronSchedule s = CronSchedule.of(text, CronDialect.QUARTZ, zone);
                Instant t = from;
                for (int i = 0; i < 150 && t != null; i++) {
                    t = s.next(t).orElse(null);
                }
                t = from.plus(Duration.ofDays(800));
                for (int i = 0; i < 50 && t != null; i++) {
                    t = s.previous(t).orElse(null);
                }
            }
        }
    }

    private static int fire() {
        int[] fired = new int[1];
        SteppedClock clock = new SteppedClock();
        CronSchedulerConfig config = CronSchedulerConfig.builder().clock(clock).timer(clock)
                .store(ScheduleStores.inMemory()).warmUp(false).build();
        try (DefaultCronScheduler cron = new DefaultCronScheduler(config)) {
            ScheduleTarget sync = fire -> {
                fired[0]++;
                return FireExecution.done();
            };
            CompletableFuture<Void> finished = CompletableFuture.completedFuture(null);
            ScheduleTarget async = fire -> {
                fired[0]++;
                return () -> finished;
            };
            CronSchedule everyMinute = schedule("0 * * * * ?");
            CronSchedule farAway = schedule("0 0 0 1 1 ? 2031");
            for (int i = 0; i < PER_KIND; i++) {
                cron.add(spec("every-" + i, everyMinute, i % 4 == 0 ? async : sync));
                // Fires once, at one of the first minutes, and then has no next fire.
                cron.add(spec("once-" + i, schedule("0 " + (1 + i % 10) + " 0 31 12 ? 2029"), sync));
                cron.add(spec("later-" + i, farAway, sync));
            }
            for (int minute = 0; minute < MINUTES; minute++) {
                clock.wake(Duration.ofMinutes(1));
            }
            clock.wake(Duration.ofMinutes(5)); // late beyond the misfire threshold: the catch-up path
        }
        return fired[0];
    }

    /** Time that moves only when the warm-up says so, and the timer it wakes; used from one thread. */
    private static final class SteppedClock extends Clock implements DelayScheduler {
        private Instant now = Instant.parse("2029-12-31T00:00:00Z");
        private Runnable armed;

        void wake(Duration step) {
            now = now.plus(step);
            Runnable action = armed;
            armed = null;
            if (action != null) {
                action.run();
            }
        }

        @Override
        public Cancellable schedule(Runnable action, Duration delay) {
            armed = action;
            return () -> armed = null;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the warm-up clock has one zone");
        }
    }

    private static CronSchedule schedule(String quartz) {
        return CronSchedule.of(quartz, CronDialect.QUARTZ, ZoneOffset.UTC);
    }

    private static ScheduleSpec spec(String id, CronSchedule schedule, ScheduleTarget target) {
        return ScheduleSpec.builder(id, schedule, target).build();
    }
}
