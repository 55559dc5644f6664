package dev.supervisor.benchmarks.cron;

import dev.supervisor.core.cron.CronDialect;
import dev.supervisor.core.cron.CronExpression;
import dev.supervisor.core.cron.CronScheduler;
import dev.supervisor.core.cron.CronSchedulerConfig;
import dev.supervisor.core.cron.FireExecution;
import dev.supervisor.core.cron.ScheduleSpec;
import dev.supervisor.core.cron.ScheduleTarget;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 100,000 schedules registered with the real clock and the scheduler's own timer thread (in-memory store); 10,000
 * of them are due in the same second, the rest at random times next year. Prints the fire delay (hand-over time
 * minus scheduled time) percentiles of the 10,000, and what the JVM did from 300 ms before the due second until
 * the last fire: collections, classes loaded, JIT compilation time. Round 1 is the cold JVM.
 *
 * <p>The due second is chosen after the 90,000 other schedules are in; if registering the 10,000 due ones still
 * ends less than 300 ms before it (a busy machine), the round is run again with a longer lead.
 *
 * <p>Arguments: the number of rounds (default 3), and {@code no-warm-up} to create the schedulers with
 * {@link CronSchedulerConfig.Builder#warmUp(boolean)} off.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.supervisor.benchmarks.cron.ScheduleLatencyHarness 3 no-warm-up</pre>
 */
public final class ScheduleLatencyHarness {
    private static final int TOTAL = 100_000;
    private static final int DUE = 10_000;

    private ScheduleLatencyHarness() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        boolean warmUp = !(args.length > 1 && args[1].equals("no-warm-up"));
        int lead = 2;
        for (int round = 1; round <= rounds; round++) {
            if (!round(round, lead, warmUp)) {
                lead *= 2;
                round--;
            }
        }
    }

    private static boolean round(int round, int leadSeconds, boolean warmUp) throws Exception {
        long[] delaysMicros = new long[DUE];
        AtomicInteger n = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(DUE);
        ScheduleTarget record = fire -> {
            long micros = ChronoUnit.MICROS.between(fire.scheduledAt(), Instant.now());
            int i = n.getAndIncrement();
            if (i < DUE) {
                delaysMicros[i] = micros;
            }
            done.countDown();
            return FireExecution.done();
        };
        SplittableRandom r = new SplittableRandom(42 + round);
        int nextYear = ZonedDateTime.now(ZoneOffset.UTC).getYear() + 1;
        long t0 = System.nanoTime();
        try (CronScheduler cron = CronScheduler.create(CronSchedulerConfig.builder().warmUp(warmUp).build())) {
            for (int i = DUE; i < TOTAL; i++) {
                CronExpression e = CronExpression.parse("0 " + r.nextInt(60) + " " + r.nextInt(24) + " "
                        + r.nextInt(1, 29) + " " + r.nextInt(1, 13) + " ? " + nextYear, CronDialect.QUARTZ);
                cron.add(ScheduleSpec.builder("s" + i, e.in(ZoneOffset.UTC), record)
                        .misfireThreshold(Duration.ofSeconds(60)).build());
            }
            ZonedDateTime at = Instant.now().plusSeconds(leadSeconds).truncatedTo(ChronoUnit.SECONDS)
                    .atZone(ZoneOffset.UTC);
            CronExpression hot = CronExpression.parse(at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " "
                    + at.getDayOfMonth() + " " + at.getMonthValue() + " ? " + at.getYear(), CronDialect.QUARTZ);
            for (int i = 0; i < DUE; i++) {
                cron.add(ScheduleSpec.builder("s" + i, hot.in(ZoneOffset.UTC), record)
                        .misfireThreshold(Duration.ofSeconds(60)).build());
            }
            long registerMs = (System.nanoTime() - t0) / 1_000_000;
            long slackMs = Duration.between(Instant.now(), at.toInstant()).toMillis();
            if (slackMs < 300) {
                System.out.printf("round %d: registering ended %d ms before the due second; again with a %d s lead%n",
                        round, slackMs, leadSeconds * 2);
                done.await(60, TimeUnit.SECONDS);
                return false;
            }
            Thread.sleep(slackMs - 300);
            JvmActivity before = JvmActivity.now();
            if (!done.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("only " + (DUE - done.getCount()) + " of " + DUE + " fired");
            }
            JvmActivity during = JvmActivity.now().minus(before);
            Arrays.sort(delaysMicros);
            System.out.printf("round %d: registered %,d schedules in %,d ms; %,d due at %s: fire delay min %.1f ms, "
                            + "p50 %.1f ms, p99 %.1f ms, max %.1f ms; meanwhile %s%n", round, TOTAL, registerMs, DUE,
                    at.toInstant(), delaysMicros[0] / 1000.0, delaysMicros[DUE / 2] / 1000.0,
                    delaysMicros[(int) (DUE * 0.99) - 1] / 1000.0, delaysMicros[DUE - 1] / 1000.0, during);
            return true;
        }
    }

    /** Counters of what the JVM spent time on besides our code. */
    private record JvmActivity(long collections, long collectionMs, long classesLoaded, long jitMs) {
        static JvmActivity now() {
            long count = 0;
            long ms = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, gc.getCollectionCount());
                ms += Math.max(0, gc.getCollectionTime());
            }
            return new JvmActivity(count, ms, ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount(),
                    ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
        }

        JvmActivity minus(JvmActivity o) {
            return new JvmActivity(collections - o.collections, collectionMs - o.collectionMs,
                    classesLoaded - o.classesLoaded, jitMs - o.jitMs);
        }

        @Override
        public String toString() {
            return collections + " collections (" + collectionMs + " ms), " + classesLoaded + " classes loaded, "
                    + jitMs + " ms of JIT compilation";
        }
    }
}
