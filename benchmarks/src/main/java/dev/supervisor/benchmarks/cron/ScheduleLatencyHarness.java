package dev.supervisor.benchmarks.cron;

import dev.supervisor.core.cron.CronDialect;
import dev.supervisor.core.cron.CronExpression;
import dev.supervisor.core.cron.CronScheduler;
import dev.supervisor.core.cron.CronSchedulerConfig;
import dev.supervisor.core.cron.FireExecution;
import dev.supervisor.core.cron.ScheduleSpec;
import dev.supervisor.core.cron.ScheduleTarget;
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
 * of them are due in the same second, the rest at random times later in the year. Prints the fire delay
 * (hand-over time minus scheduled time) percentiles of the 10,000.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.supervisor.benchmarks.cron.ScheduleLatencyHarness</pre>
 */
public final class ScheduleLatencyHarness {
    private ScheduleLatencyHarness() {
    }

    public static void main(String[] args) throws Exception {
        int total = 100_000;
        int due = 10_000;
        for (int round = 1; round <= 3; round++) {
            long[] delaysMicros = new long[due];
            AtomicInteger n = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(due);
            ScheduleTarget record = fire -> {
                long micros = ChronoUnit.MICROS.between(fire.scheduledAt(), Instant.now());
                int i = n.getAndIncrement();
                if (i < due) {
                    delaysMicros[i] = micros;
                }
                done.countDown();
                return FireExecution.done();
            };
            ZonedDateTime at = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC);
            String sameSecond = at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " " + at.getDayOfMonth()
                    + " " + at.getMonthValue() + " ? " + at.getYear();
            CronExpression hot = CronExpression.parse(sameSecond, CronDialect.QUARTZ);
            SplittableRandom r = new SplittableRandom(42 + round);
            long t0 = System.nanoTime();
            try (CronScheduler cron = CronScheduler.create(CronSchedulerConfig.defaults())) {
                for (int i = 0; i < total; i++) {
                    CronExpression e = i < due ? hot : CronExpression.parse("0 " + r.nextInt(60) + " "
                            + r.nextInt(24) + " " + r.nextInt(1, 29) + " " + r.nextInt(1, 13) + " ? "
                            + (at.getYear() + 1), CronDialect.QUARTZ);
                    cron.add(ScheduleSpec.builder("s" + i, e.in(ZoneOffset.UTC), record)
                            .misfireThreshold(Duration.ofSeconds(60)).build());
                }
                long registerMs = (System.nanoTime() - t0) / 1_000_000;
                if (!done.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("only " + (due - done.getCount()) + " of " + due + " fired");
                }
                Arrays.sort(delaysMicros);
                System.out.printf("round %d: registered %,d schedules in %,d ms; %,d due at %s: "
                                + "fire delay min %.1f ms, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", round, total,
                        registerMs, due, at.toInstant(),
                        delaysMicros[0] / 1000.0, delaysMicros[due / 2] / 1000.0,
                                delaysMicros[(int) (due * 0.99) - 1] / 1000.0,
                        delaysMicros[due - 1] / 1000.0);
            }
        }
    }
}
