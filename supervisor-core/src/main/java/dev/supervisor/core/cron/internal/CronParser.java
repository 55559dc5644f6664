package dev.supervisor.core.cron.internal;

import dev.supervisor.core.cron.CronDialect;
import dev.supervisor.core.cron.CronExpression;
import dev.supervisor.core.cron.CronParseException;
import dev.supervisor.core.cron.internal.FieldReader.Field;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Turns cron text into {@link CronFields}. Hand-written so that every error names the field, the character
 * position and the reason; the dialect decides field count, numbering, specials and day matching.
 */
public final class CronParser {
    private final String text;
    private final CronDialect dialect;
    private final FieldReader fields;

    /**
     * What the parser produced.
     *
     * @param fields the compiled fields
     * @param elapsedHours whether the hour field measures elapsed time ({@code *} or a single step)
     * @param text the expression without surrounding whitespace
     */
    public record Parsed(CronFields fields, boolean elapsedHours, String text) { }

    private CronParser(String text, CronDialect dialect) {
        this.text = text;
        this.dialect = dialect;
        this.fields = new FieldReader(text, dialect);
    }

    /**
     * @param text the expression
     * @param dialect how to read it
     * @return the compiled expression
     * @throws CronParseException naming field, position and reason
     */
    public static Parsed parse(String text, CronDialect dialect) {
        if (text == null) {
            throw new NullPointerException("cron expression must not be null");
        }
        if (dialect == null) {
            throw new NullPointerException("cron dialect must not be null");
        }
        return new CronParser(text, dialect).run();
    }

    private Parsed run() {
        checkCharacters();
        List<int[]> spans = tokens();
        if (spans.isEmpty()) {
            throw error("expression", 0, "expression is empty");
        }
        String trimmed = text.substring(spans.get(0)[0], spans.get(spans.size() - 1)[1]);
        if (text.charAt(spans.get(0)[0]) == '@') {
            return macro(spans, trimmed);
        }
        int n = spans.size();
        boolean seconds = dialect != CronDialect.UNIX;
        int expected = seconds ? 6 : 5;
        boolean yearAllowed = dialect == CronDialect.QUARTZ;
        if (n < expected || n > expected + (yearAllowed ? 1 : 0)) {
            String want = yearAllowed ? "6 or 7" : String.valueOf(expected);
            int pos = n < expected ? text.length() : spans.get(expected + (yearAllowed ? 1 : 0))[0];
            throw error("expression", pos, dialect + " expressions have " + want + " fields but this one has " + n
                    + " (" + fieldNames(seconds, yearAllowed) + ")");
        }
        int i = 0;
        long sec = seconds ? fields.bits(spans.get(i++), Field.SECOND) : 1L;
        long min = fields.bits(spans.get(i++), Field.MINUTE);
        int[] hourSpan = spans.get(i++);
        long hour = fields.bits(hourSpan, Field.HOUR);
        int[] domSpan = spans.get(i++);
        long month = fields.bits(spans.get(i++), Field.MONTH);
        int[] dowSpan = spans.get(i++);
        BitSet years = n > i ? fields.years(spans.get(i)) : null;
        DaySpec days = new DayReader(fields, dialect).days(domSpan, dowSpan, month);
        // Only "*" or one step item counts as elapsed time: a list names specific hours, even with a step in it.
        String hourText = text(hourSpan);
        boolean elapsed = hourText.equals("*") || hourText.indexOf('/') >= 0 && hourText.indexOf(',') < 0;
        return new Parsed(new CronFields(sec, min, hour, month, years, days), elapsed, trimmed);
    }

    /**
     * Refuses what no dialect means and what would make a message or a log line lie: too long a text, characters
     * outside printable ASCII (a look-alike such as U+017F would otherwise upper-case to an ASCII name), and
     * control characters between the fields (outside them, blanks of any kind are trimmed).
     */
    private void checkCharacters() {
        if (text.length() > CronExpression.MAX_LENGTH) {
            throw error("expression", CronExpression.MAX_LENGTH, "expression is " + text.length()
                    + " characters long; the limit is " + CronExpression.MAX_LENGTH);
        }
        int from = 0;
        int to = text.length();
        while (from < to && isBlank(text.charAt(from))) {
            from++;
        }
        while (to > from && isBlank(text.charAt(to - 1))) {
            to--;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                throw error("expression", i, String.format("non-ASCII character U+%04X; cron expressions use ASCII "
                        + "digits, names (SUN, JAN) and , - * / ? L W #", (int) c));
            }
            if ((c < ' ' || c == 0x7F) && c != '\t') {
                throw error("expression", i, String.format("control character U+%04X; separate fields with spaces "
                        + "or tabs", (int) c));
            }
        }
    }

    private static boolean isBlank(char c) {
        return c <= ' ';
    }

    private Parsed macro(List<int[]> spans, String trimmed) {
        String m = text(spans.get(0)).toLowerCase(Locale.ROOT);
        if (spans.size() > 1) {
            throw error("expression", spans.get(1)[0], "nothing may follow the macro " + FieldReader.clip(m));
        }
        long all24 = (1L << 24) - 1;
        long allMonths = 0x1FFEL;
        DaySpec any = new DaySpec(DaySpec.Mode.ANY, DaySpec.DomKind.BITS, 0, 0, DaySpec.DowKind.BITS, 0, 0, 0);
        DaySpec first = new DaySpec(DaySpec.Mode.DOM, DaySpec.DomKind.BITS, 1L << 1, 0, DaySpec.DowKind.BITS, 0, 0, 0);
        DaySpec sunday = new DaySpec(DaySpec.Mode.DOW, DaySpec.DomKind.BITS, 0, 0, DaySpec.DowKind.BITS, 1, 0, 0);
        switch (m) {
            case "@yearly":
            case "@annually":
                return new Parsed(new CronFields(1, 1, 1, 1L << 1, null, first), false, trimmed);
            case "@monthly":
                return new Parsed(new CronFields(1, 1, 1, allMonths, null, first), false, trimmed);
            case "@weekly":
                return new Parsed(new CronFields(1, 1, 1, allMonths, null, sunday), false, trimmed);
            case "@daily":
            case "@midnight":
                return new Parsed(new CronFields(1, 1, 1, allMonths, null, any), false, trimmed);
            case "@hourly":
                return new Parsed(new CronFields(1, 1, all24, allMonths, null, any), true, trimmed);
            default:
                throw error("expression", spans.get(0)[0], "unknown macro " + FieldReader.clip(m)
                        + " (known: @yearly @annually @monthly @weekly @daily @midnight @hourly)");
        }
    }

    private List<int[]> tokens() {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && isBlank(text.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < n && !isBlank(text.charAt(i))) {
                i++;
            }
            if (i > s) {
                spans.add(new int[] {s, i});
            }
        }
        return spans;
    }

    private String text(int[] span) {
        return text.substring(span[0], span[1]);
    }

    private static String fieldNames(boolean seconds, boolean year) {
        return (seconds ? "second " : "") + "minute hour day-of-month month day-of-week" + (year ? " [year]" : "");
    }

    private CronParseException error(String field, int pos, String reason) {
        return new CronParseException(text, field, pos, reason);
    }
}
