package dev.supervisor.core.cron;

import dev.supervisor.core.cron.internal.CronFields;
import dev.supervisor.core.cron.internal.CronParser;
import dev.supervisor.core.cron.internal.Descriptions;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed cron expression: wall-clock matching only, no time zone. Immutable and thread-safe; parse once and
 * reuse. Put it in a zone with {@link #in(ZoneId)} to get fire instants.
 *
 * <pre>{@code
 * CronExpression weekdays = CronExpression.parse("0 0 12 ? * MON-FRI", CronDialect.QUARTZ);
 * CronSchedule noon = weekdays.in(ZoneId.of("Europe/Berlin"));
 * Optional<Instant> next = noon.next(Instant.now());
 * }</pre>
 */
public final class CronExpression {
    /**
     * The longest expression text accepted, in characters. Every field listed value by value (all 60 seconds,
     * all 60 minutes, …) still fits.
     */
    public static final int MAX_LENGTH = 1024;

    private final String text;
    private final CronDialect dialect;
    private final CronFields fields;
    private final boolean elapsedHours;

    private CronExpression(CronDialect dialect, CronParser.Parsed parsed) {
        this.text = parsed.text();
        this.dialect = dialect;
        this.fields = parsed.fields();
        this.elapsedHours = parsed.elapsedHours();
    }

    /**
     * @param text the expression, e.g. {@code 0 15 10 ? * 6L} (Quartz) or {@code *}{@code /5 * * * *} (UNIX):
     *        printable ASCII, fields separated by spaces or tabs, at most {@value #MAX_LENGTH} characters; blanks
     *        around it are ignored
     * @param dialect how to read it; see {@link CronDialect} for the differences
     * @return the compiled expression
     * @throws CronParseException naming field, position and reason, including for combinations that can never
     *         fire (such as the 30th of February)
     */
    public static CronExpression parse(String text, CronDialect dialect) {
        return new CronExpression(dialect, CronParser.parse(text, dialect));
    }

    /** @param text a Quartz expression @return the compiled expression @see #parse */
    public static CronExpression quartz(String text) {
        return parse(text, CronDialect.QUARTZ);
    }

    /** @param text a five-field UNIX expression @return the compiled expression @see #parse */
    public static CronExpression unix(String text) {
        return parse(text, CronDialect.UNIX);
    }

    /** @param text a six-field Spring expression @return the compiled expression @see #parse */
    public static CronExpression spring(String text) {
        return parse(text, CronDialect.SPRING);
    }

    /** @return the text this was parsed from, without surrounding blanks */
    public String text() {
        return text;
    }

    /** @return the dialect this was read in */
    public CronDialect dialect() {
        return dialect;
    }

    /**
     * @return true when the hour field is {@code *} or a single step ({@code *}{@code /2}, {@code 1/3},
     *         {@code 8-18/2}, and {@code @hourly}): the schedule measures elapsed time, so by default it fires in both
     *         passes of a repeated hour ({@link DstOverlapPolicy#BOTH}). Any other hour field names specific hours,
     *         including a list that contains a step ({@code 0/2,1}), and fires once.
     */
    public boolean measuresElapsedHours() {
        return elapsedHours;
    }

    /**
     * @param time a wall-clock time (nanoseconds ignored)
     * @return true if every field matches
     */
    public boolean matches(LocalDateTime time) {
        return fields.matches(time);
    }

    /**
     * @param after any wall-clock time, {@link LocalDateTime#MIN} to {@link LocalDateTime#MAX}
     * @return the first matching wall-clock time strictly after it; empty if none within 400 years or after 2199
     */
    public Optional<LocalDateTime> nextLocal(LocalDateTime after) {
        return Optional.ofNullable(fields.nextAfter(after));
    }

    /**
     * @param before any wall-clock time, {@link LocalDateTime#MIN} to {@link LocalDateTime#MAX}
     * @return the last matching wall-clock time strictly before it; empty if none within 400 years or before 1970
     */
    public Optional<LocalDateTime> previousLocal(LocalDateTime before) {
        return Optional.ofNullable(fields.previousBefore(before));
    }

    /**
     * @return an English sentence written from the compiled fields (so it says exactly what fires), e.g.
     *         "at 12:00, on Monday to Friday" or "every 15 minutes, in hours 9 to 17, in January to March"
     */
    public String describe() {
        return Descriptions.describe(fields);
    }

    /**
     * @param zone where the wall clock hangs
     * @return a schedule with the default DST policies ({@link DstGapPolicy#SHIFT_FORWARD}; overlap
     *         {@link DstOverlapPolicy#BOTH} when {@link #measuresElapsedHours()}, else FIRST_OCCURRENCE)
     */
    public CronSchedule in(ZoneId zone) {
        return CronSchedule.builder(this, zone).build();
    }

    CronFields fields() {
        return fields;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CronExpression other && other.text.equals(text) && other.dialect == dialect;
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, dialect);
    }

    @Override
    public String toString() {
        return dialect + " cron \"" + text + "\"";
    }
}
