package dev.supervisor.benchmarks.cron;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.supervisor.core.cron.CronDialect;
import dev.supervisor.core.cron.CronSchedule;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Chained next-fire computation in Europe/Berlin: each call starts from the previous result (through DST
 * changes), restarting at 2025-01-01 after 2040. Ours against Quartz 2.5.2 {@code CronExpression}, cron-utils 9.2.1
 * {@code ExecutionTime} and Spring's {@code CronExpression}, same expressions, same run.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar CronNextBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CronNextBenchmark {
    /** Quartz text; Spring numbers days from MON=1, so its last-Friday form is {@code 5L}. */
    private static final String[][] EXPRESSIONS = {
        {"0 0/5 * * * ?", "0 0/5 * * * ?"},
        {"0 0 12 * * ?", "0 0 12 * * ?"},
        {"0 0 12 ? * MON-FRI", "0 0 12 ? * MON-FRI"},
        {"0 15 10 ? * 6L", "0 15 10 ? * 5L"},
        {"0 0 0 29 2 ?", "0 0 0 29 2 ?"},
    };
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2040-01-01T00:00:00Z");

    @Param({"0", "1", "2", "3", "4"})
    public int expr;

    @Param({"supervisor", "quartz", "cronutils", "spring"})
    public String impl;

    private CronSchedule ours;
    private org.quartz.CronExpression quartz;
    private ExecutionTime cronUtils;
    private org.springframework.scheduling.support.CronExpression spring;
    private Instant t;
    private Date d;
    private ZonedDateTime z;

    @Setup
    public void setUp() throws ParseException {
        String q = EXPRESSIONS[expr][0];
        ours = CronSchedule.of(q, CronDialect.QUARTZ, ZONE);
        quartz = new org.quartz.CronExpression(q);
        quartz.setTimeZone(TimeZone.getTimeZone(ZONE));
        cronUtils = ExecutionTime.forCron(new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ))
                .parse(q));
        spring = org.springframework.scheduling.support.CronExpression.parse(EXPRESSIONS[expr][1]);
        t = START;
        d = Date.from(START);
        z = START.atZone(ZONE);
    }

    @Benchmark
    public Object next() {
        switch (impl) {
            case "supervisor": {
                Instant n = ours.next(t).orElse(null);
                t = n == null || n.isAfter(END) ? START : n;
                return n;
            }
            case "quartz": {
                Date n = quartz.getNextValidTimeAfter(d);
                d = n == null || n.toInstant().isAfter(END) ? Date.from(START) : n;
                return n;
            }
            case "cronutils": {
                ZonedDateTime n = cronUtils.nextExecution(z).orElse(null);
                z = n == null || n.toInstant().isAfter(END) ? START.atZone(ZONE) : n;
                return n;
            }
            default: {
                ZonedDateTime n = spring.next(z);
                z = n == null || n.toInstant().isAfter(END) ? START.atZone(ZONE) : n;
                return n;
            }
        }
    }
}
