package dev.supervisor.core.cron;

import static org.assertj.core.api.Assertions.assertThat;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Differential check against cron-utils where both define the same thing (UTC, so no DST policy differs):
 * seeded random Quartz expressions plus the specials, 30 chained fires each.
 */
class CronUtilsAgreementTest {
    private static final CronParser QUARTZ =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private static void agree(String expr, ZonedDateTime from) {
        ExecutionTime theirs = ExecutionTime.forCron(QUARTZ.parse(expr));
        CronSchedule ours = CronSchedule.of(expr, CronDialect.QUARTZ, ZoneOffset.UTC);
        ZonedDateTime t = from;
        for (int i = 0; i < 30; i++) {
            ZonedDateTime expected = theirs.nextExecution(t).orElse(null);
            ZonedDateTime actual = ours.next(t.toInstant()).map(x -> x.atZone(ZoneOffset.UTC)).orElse(null);
            if (expected == null && actual != null && actual.getYear() > 2099) {
                return; // cron-utils' Quartz years end at 2099; ours run to 2199.
            }
            assertThat(actual).as("%s after %s", expr, t).isEqualTo(expected);
            if (expected == null) {
                return;
            }
            t = expected;
        }
    }

    @Test
    void next_matchesCronUtils_onRandomExpressions() {
        long seed = System.nanoTime();
        System.out.println("CronUtilsAgreementTest seed=" + seed);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 200; i++) {
            agree(RandomCron.next(r).text, ZonedDateTime.of(2020 + r.nextInt(10), 1 + r.nextInt(12), 1 + r.nextInt(28),
                    r.nextInt(24), r.nextInt(60), 0, 0, ZoneOffset.UTC));
        }
    }

    @Test
    void next_matchesCronUtils_onSpecials() {
        for (String expr : List.of("0 0 12 L * ?", "0 0 12 LW * ?", "0 0 12 15W * ?", "0 0 12 ? * 6L",
                "0 0 12 ? * 2#3", "0 0 12 L-3 * ?", "0 15 10 ? * MON-FRI", "0 0/5 14,18 * * ?",
                "0 0 12 1/5 * ?", "0 11 11 11 11 ?", "0 0 0 29 2 ?")) {
            agree(expr, ZonedDateTime.of(2023, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        }
    }
}
