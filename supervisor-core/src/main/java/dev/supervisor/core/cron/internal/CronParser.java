package dev.supervisor.core.cron.internal;

import dev.supervisor.core.cron.CronDialect;
import dev.supervisor.core.cron.CronParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Turns cron text into {@link CronFields}. Hand-written so that every error names the field, the character
 * position and the reason; the dialect decides field count, numbering, specials and day matching.
 */
public final class CronParser {
    private static final String[] MONTHS =
            {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    private static final int[] MAX_MONTH_LENGTH = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private final String text;
    private final CronDialect dialect;

    /** What the parser produced: the compiled fields and whether the hour field measures elapsed time. */
    public record Parsed(CronFields fields, boolean elapsedHours) { }

    private CronParser(String text, CronDialect dialect) {
        this.text = text;
        this.dialect = dialect;
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
        List<int[]> spans = tokens();
        if (spans.isEmpty()) {
            throw error("expression", 0, "expression is empty");
        }
        if (text.charAt(spans.get(0)[0]) == '@') {
            return macro(spans);
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
        long sec = seconds ? bits(spans.get(i++), Field.SECOND) : 1L;
        long min = bits(spans.get(i++), Field.MINUTE);
        int[] hourSpan = spans.get(i++);
        long hour = bits(hourSpan, Field.HOUR);
        int[] domSpan = spans.get(i++);
        long month = bits(spans.get(i++), Field.MONTH);
        int[] dowSpan = spans.get(i++);
        BitSet years = n > i ? years(spans.get(i)) : null;
        DaySpec days = days(domSpan, dowSpan, month);
        String hourText = text(hourSpan);
        boolean elapsed = hourText.equals("*") || hourText.indexOf('/') >= 0;
        return new Parsed(new CronFields(sec, min, hour, month, years, days), elapsed);
    }

    private Parsed macro(List<int[]> spans) {
        String m = text(spans.get(0)).toLowerCase(Locale.ROOT);
        if (spans.size() > 1) {
            throw error("expression", spans.get(1)[0], "nothing may follow the macro " + m);
        }
        long all24 = (1L << 24) - 1;
        long allMonths = 0x1FFEL;
        DaySpec any = new DaySpec(DaySpec.Mode.ANY, DaySpec.DomKind.BITS, 0, 0, DaySpec.DowKind.BITS, 0, 0, 0);
        DaySpec first = new DaySpec(DaySpec.Mode.DOM, DaySpec.DomKind.BITS, 1L << 1, 0, DaySpec.DowKind.BITS, 0, 0, 0);
        DaySpec sunday = new DaySpec(DaySpec.Mode.DOW, DaySpec.DomKind.BITS, 0, 0, DaySpec.DowKind.BITS, 1, 0, 0);
        switch (m) {
            case "@yearly":
            case "@annually":
                return new Parsed(new CronFields(1, 1, 1, 1L << 1, null, first), false);
            case "@monthly":
                return new Parsed(new CronFields(1, 1, 1, allMonths, null, first), false);
            case "@weekly":
                return new Parsed(new CronFields(1, 1, 1, allMonths, null, sunday), false);
            case "@daily":
            case "@midnight":
                return new Parsed(new CronFields(1, 1, 1, allMonths, null, any), false);
            case "@hourly":
                return new Parsed(new CronFields(1, 1, all24, allMonths, null, any), true);
            default:
                throw error("expression", spans.get(0)[0], "unknown macro " + m
                        + " (known: @yearly @annually @monthly @weekly @daily @midnight @hourly)");
        }
    }

    private DaySpec days(int[] domSpan, int[] dowSpan, long months) {
        String dom = text(domSpan).toUpperCase(Locale.ROOT);
        String dow = text(dowSpan).toUpperCase(Locale.ROOT);
        boolean domQ = dom.equals("?");
        boolean dowQ = dow.equals("?");
        if ((domQ || dowQ) && dialect == CronDialect.UNIX) {
            throw error(domQ ? "day-of-month" : "day-of-week", domQ ? domSpan[0] : dowSpan[0],
                    "'?' is not part of the UNIX dialect; use '*'");
        }
        DaySpec.Mode mode = mode(dom, dow, domQ, dowQ, dowSpan);
        DomPart d = mode == DaySpec.Mode.DOW || mode == DaySpec.Mode.ANY ? DomPart.NONE : domPart(domSpan, dom);
        DowPart w = mode == DaySpec.Mode.DOM || mode == DaySpec.Mode.ANY ? DowPart.NONE : dowPart(dowSpan, dow);
        if (mode == DaySpec.Mode.DOM || mode == DaySpec.Mode.AND) {
            checkPossible(d, domSpan, months);
        }
        return new DaySpec(mode, d.kind, d.bits, d.n, w.kind, w.bits, w.day, w.nth);
    }

    private DaySpec.Mode mode(String dom, String dow, boolean domQ, boolean dowQ, int[] dowSpan) {
        boolean domAny = domQ || dom.equals("*");
        boolean dowAny = dowQ || dow.equals("*");
        if (dialect == CronDialect.QUARTZ) {
            if (domQ && dowQ) {
                throw error("day-of-week", dowSpan[0], "only one of day-of-month and day-of-week may be '?'");
            }
            if (!domQ && !dowQ) {
                throw error("day-of-week", dowSpan[0], "Quartz needs '?' in day-of-month or day-of-week "
                        + "(use SPRING for AND or UNIX for OR of both)");
            }
        }
        if (domAny && dowAny) {
            return DaySpec.Mode.ANY;
        }
        if (domAny) {
            return DaySpec.Mode.DOW;
        }
        if (dowAny) {
            return DaySpec.Mode.DOM;
        }
        return dialect == CronDialect.UNIX ? DaySpec.Mode.OR : DaySpec.Mode.AND;
    }

    private record DomPart(DaySpec.DomKind kind, long bits, int n) {
        static final DomPart NONE = new DomPart(DaySpec.DomKind.BITS, 0, 0);
    }

    private record DowPart(DaySpec.DowKind kind, int bits, int day, int nth) {
        static final DowPart NONE = new DowPart(DaySpec.DowKind.BITS, 0, 0, 0);
    }

    private DomPart domPart(int[] span, String t) {
        int start = span[0];
        boolean special = t.indexOf('L') >= 0 || t.indexOf('W') >= 0;
        if (!special) {
            return new DomPart(DaySpec.DomKind.BITS, bits(span, Field.DAY_OF_MONTH), 0);
        }
        requireSpecials("day-of-month", start);
        if (t.indexOf(',') >= 0 || t.indexOf('/') >= 0) {
            throw error("day-of-month", start + Math.max(t.indexOf('L'), t.indexOf('W')),
                    "L and W take a single day, never a list, range or step");
        }
        if (t.equals("L")) {
            return new DomPart(DaySpec.DomKind.LAST, 0, 0);
        }
        if (t.equals("LW")) {
            return new DomPart(DaySpec.DomKind.LAST_WEEKDAY, 0, 0);
        }
        if (t.startsWith("L-")) {
            int n = number(t.substring(2), start + 2, "day-of-month", "offset after L-");
            if (n < 1 || n > 30) {
                throw error("day-of-month", start + 2, "L-" + n + " needs an offset between 1 and 30");
            }
            return new DomPart(DaySpec.DomKind.LAST_MINUS, 0, n);
        }
        if (t.endsWith("W") && t.indexOf('-') < 0 && t.indexOf('L') < 0) {
            int n = number(t.substring(0, t.length() - 1), start, "day-of-month", "day before W");
            if (n < 1 || n > 31) {
                throw error("day-of-month", start, n + "W needs a day between 1 and 31");
            }
            return new DomPart(DaySpec.DomKind.NEAREST_WEEKDAY, 0, n);
        }
        int at = t.indexOf('W') >= 0 ? t.indexOf('W') : t.indexOf('L');
        throw error("day-of-month", start + at, "cannot read '" + t + "': use L, L-n, LW or nW alone");
    }

    private DowPart dowPart(int[] span, String t) {
        int start = span[0];
        int hash = t.indexOf('#');
        if (hash >= 0) {
            requireSpecials("day-of-week", start + hash);
            int day = dowValue(t.substring(0, hash), start);
            int nth = number(t.substring(hash + 1), start + hash + 1, "day-of-week", "occurrence after #");
            if (nth < 1 || nth > 5) {
                throw error("day-of-week", start + hash + 1, "#" + nth + " needs an occurrence between 1 and 5");
            }
            return new DowPart(DaySpec.DowKind.NTH, 0, day, nth);
        }
        if (t.equals("L")) {
            requireSpecials("day-of-week", start);
            if (dialect != CronDialect.QUARTZ) {
                throw error("day-of-week", start, "'L' alone means Saturday only in QUARTZ; write SATL or 6L for the "
                        + "last Saturday, or SAT");
            }
            return new DowPart(DaySpec.DowKind.BITS, 1 << 6, 0, 0);
        }
        if (t.length() > 1 && t.endsWith("L")) {
            requireSpecials("day-of-week", start + t.length() - 1);
            if (t.indexOf(',') >= 0 || t.indexOf('-') >= 0 || t.indexOf('/') >= 0) {
                throw error("day-of-week", start + t.length() - 1, "dL takes a single day, never a list or range");
            }
            return new DowPart(DaySpec.DowKind.LAST_OF_MONTH, 0, dowValue(t.substring(0, t.length() - 1), start), 0);
        }
        return new DowPart(DaySpec.DowKind.BITS, normalizeDow(bits(span, dowField())), 0, 0);
    }

    private int dowValue(String v, int pos) {
        Field f = dowField();
        int raw = value(v, pos, f);
        return normalizeDow(1L << raw) == 0 ? 0 : Integer.numberOfTrailingZeros(normalizeDow(1L << raw));
    }

    private Field dowField() {
        return dialect == CronDialect.QUARTZ ? Field.DAY_OF_WEEK_QUARTZ : Field.DAY_OF_WEEK;
    }

    private int normalizeDow(long raw) {
        if (dialect == CronDialect.QUARTZ) {
            return (int) (raw >>> 1) & 0x7F;
        }
        return (int) ((raw | (raw >>> 7)) & 0x7F);
    }

    private void requireSpecials(String field, int pos) {
        if (dialect == CronDialect.UNIX) {
            throw error(field, pos, "L, W and # are not part of the UNIX dialect; use QUARTZ or SPRING");
        }
    }

    private void checkPossible(DomPart d, int[] span, long months) {
        int maxLen = 0;
        for (int m = 1; m <= 12; m++) {
            if ((months & (1L << m)) != 0) {
                maxLen = Math.max(maxLen, MAX_MONTH_LENGTH[m - 1]);
            }
        }
        boolean possible;
        switch (d.kind) {
            case BITS:
                possible = (d.bits & ((1L << (maxLen + 1)) - 2)) != 0;
                break;
            case LAST_MINUS:
                possible = d.n < maxLen;
                break;
            case NEAREST_WEEKDAY:
                possible = d.n <= maxLen;
                break;
            default:
                possible = true;
        }
        if (!possible) {
            throw error("day-of-month", span[0], "'" + text(span) + "' never occurs in the selected months "
                    + "(longest has " + maxLen + " days), so the expression would never fire");
        }
    }

    private BitSet years(int[] span) {
        if (text(span).equals("*")) {
            return null;
        }
        BitSet set = new BitSet(Field.YEAR.max - Field.YEAR.min + 1);
        for (Item item : items(span, Field.YEAR)) {
            if (item.wrap) {
                throw error("year", span[0], "year range start " + item.lo + " is after its end " + item.hi);
            }
            for (int v = item.lo; v <= item.hi; v += item.step) {
                set.set(v - Field.YEAR.min);
            }
        }
        return set;
    }

    private long bits(int[] span, Field f) {
        long bits = 0;
        for (Item item : items(span, f)) {
            int size = f.max - f.min + 1;
            int steps = item.wrap ? (item.hi - item.lo + size) % size : item.hi - item.lo;
            for (int k = 0; k <= steps; k += item.step) {
                int value = item.lo + k;
                if (value > f.max) {
                    value -= size;
                }
                bits |= 1L << value;
            }
        }
        return bits;
    }

    private record Item(int lo, int hi, int step, boolean wrap) { }

    private List<Item> items(int[] span, Field f) {
        String t = text(span);
        List<Item> out = new ArrayList<>();
        int pos = 0;
        while (true) {
            int comma = t.indexOf(',', pos);
            int end = comma < 0 ? t.length() : comma;
            out.add(item(t.substring(pos, end), span[0] + pos, f));
            if (comma < 0) {
                return out;
            }
            pos = comma + 1;
        }
    }

    private Item item(String s, int at, Field f) {
        if (s.isEmpty()) {
            throw error(f.label, at, "empty list item");
        }
        int slash = s.indexOf('/');
        String base = slash < 0 ? s : s.substring(0, slash);
        int step = 1;
        if (slash >= 0) {
            step = number(s.substring(slash + 1), at + slash + 1, f.label, "step");
            int size = f.max - f.min + 1;
            if (step < 1 || step > size) {
                throw error(f.label, at + slash + 1, "step " + step + " must be between 1 and " + size);
            }
        }
        if (base.equals("*")) {
            return new Item(f.min, f.max, step, false);
        }
        if (base.equals("?")) {
            throw error(f.label, at, "'?' is allowed only alone in day-of-month or day-of-week");
        }
        int dash = base.indexOf('-', 1);
        int lo = value(dash < 0 ? base : base.substring(0, dash), at, f);
        int hi = dash < 0 ? (slash >= 0 ? f.max : lo) : value(base.substring(dash + 1), at + dash + 1, f);
        if (lo > hi) {
            if (dialect != CronDialect.QUARTZ) {
                throw error(f.label, at, "range start " + lo + " is after its end " + hi
                        + " (only QUARTZ wraps ranges around)");
            }
            return new Item(lo, hi, step, true);
        }
        return new Item(lo, hi, step, false);
    }

    private int value(String v, int at, Field f) {
        if (v.isEmpty()) {
            throw error(f.label, at, "a value is missing");
        }
        int n;
        if (v.charAt(0) >= '0' && v.charAt(0) <= '9') {
            n = number(v, at, f.label, "value");
        } else {
            n = f.name(v.toUpperCase(Locale.ROOT));
            if (n < 0) {
                throw error(f.label, at, "unknown " + f.label + " value '" + v + "'");
            }
        }
        if (n < f.min) {
            throw error(f.label, at, n + " is below the minimum " + f.min);
        }
        if (n > f.max) {
            throw error(f.label, at, n + " is above the maximum " + f.max);
        }
        return n;
    }

    private int number(String v, int at, String field, String what) {
        if (v.isEmpty() || v.length() > 6) {
            throw error(field, at, "expected a number for the " + what + " but found '" + v + "'");
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                throw error(field, at + i, "unexpected '" + v.charAt(i) + "' in the " + what);
            }
        }
        return Integer.parseInt(v);
    }

    private enum Field {
        SECOND("second", 0, 59, null),
        MINUTE("minute", 0, 59, null),
        HOUR("hour", 0, 23, null),
        DAY_OF_MONTH("day-of-month", 1, 31, null),
        MONTH("month", 1, 12, MONTHS),
        DAY_OF_WEEK("day-of-week", 0, 7, DAYS),
        DAY_OF_WEEK_QUARTZ("day-of-week", 1, 7, DAYS),
        YEAR("year", CronFields.MIN_YEAR, CronFields.MAX_YEAR, null);

        final String label;
        final int min;
        final int max;
        final String[] names;

        Field(String label, int min, int max, String[] names) {
            this.label = label;
            this.min = min;
            this.max = max;
            this.names = names;
        }

        int name(String upper) {
            if (names == null) {
                return -1;
            }
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(upper)) {
                    // Months count from 1; Quartz days from 1 (SUN = 1); UNIX and Spring days from 0.
                    return this == MONTH || this == DAY_OF_WEEK_QUARTZ ? i + 1 : i;
                }
            }
            return -1;
        }
    }

    private List<int[]> tokens() {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
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
