package dev.supervisor.core.cron.internal;

import dev.supervisor.core.cron.CronDialect;
import dev.supervisor.core.cron.CronParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Reads the list/range/step syntax of one field into bits. The text has passed {@link CronParser}'s character
 * check, so every token is printable ASCII without blanks.
 */
final class FieldReader {
    private static final String[] MONTHS =
            {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final String[] DAYS_SUN_FIRST = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    private static final String[] DAYS_MON_FIRST = {"MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"};
    /** Stands for any number too long to be in range, so that callers report it as out of range. */
    static final int TOO_LARGE = Integer.MAX_VALUE;

    /** A field's values, names and the range {@code *} stands for. */
    enum Field {
        SECOND("second", 0, 59, 0, null, 0),
        MINUTE("minute", 0, 59, 0, null, 0),
        HOUR("hour", 0, 23, 0, null, 0),
        DAY_OF_MONTH("day-of-month", 1, 31, 1, null, 0),
        MONTH("month", 1, 12, 1, MONTHS, 1),
        /** UNIX: 0-7, SUN = 0 and 7, {@code *} = 0-7. */
        DAY_OF_WEEK("day-of-week", 0, 7, 0, DAYS_SUN_FIRST, 0),
        /** Quartz: 1-7, SUN = 1. */
        DAY_OF_WEEK_QUARTZ("day-of-week", 1, 7, 1, DAYS_SUN_FIRST, 1),
        /** Spring counts like java.time: MON = 1 … SUN = 7, 0 is SUN too, and {@code *} = 1-7. */
        DAY_OF_WEEK_SPRING("day-of-week", 0, 7, 1, DAYS_MON_FIRST, 1),
        YEAR("year", CronFields.MIN_YEAR, CronFields.MAX_YEAR, CronFields.MIN_YEAR, null, 0);

        final String label;
        final int min;
        final int max;
        final int starMin;
        final String[] names;
        final int firstName;

        Field(String label, int min, int max, int starMin, String[] names, int firstName) {
            this.label = label;
            this.min = min;
            this.max = max;
            this.starMin = starMin;
            this.names = names;
            this.firstName = firstName;
        }

        int name(String upper) {
            if (names != null) {
                for (int i = 0; i < names.length; i++) {
                    if (names[i].equals(upper)) {
                        return i + firstName;
                    }
                }
            }
            return -1;
        }
    }

    private final String text;
    private final CronDialect dialect;

    FieldReader(String text, CronDialect dialect) {
        this.text = text;
        this.dialect = dialect;
    }

    private record Item(int lo, int hi, int step, boolean wrap) { }

    long bits(int[] span, Field f) {
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

    BitSet years(int[] span) {
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
            String stepText = s.substring(slash + 1);
            step = number(stepText, at + slash + 1, f.label, "step");
            int size = f.max - f.starMin + 1;
            if (step < 1 || step > size) {
                throw error(f.label, at + slash + 1, "step " + clip(stepText) + " is out of range: a " + f.label
                        + " step must be between 1 and " + size);
            }
        }
        if (base.equals("*")) {
            return new Item(f.starMin, f.max, step, false);
        }
        if (base.equals("?")) {
            throw error(f.label, at, "'?' is allowed only alone in day-of-month or day-of-week");
        }
        int dash = base.indexOf('-', 1);
        int lo = value(dash < 0 ? base : base.substring(0, dash), at, f);
        int hi = dash < 0 ? (slash >= 0 ? f.max : lo) : value(base.substring(dash + 1), at + dash + 1, f);
        if (f == Field.DAY_OF_WEEK_SPRING && dash >= 0 && lo == 7) {
            lo = 0; // Spring reads Sunday at the start of a range as day 0, so SUN-TUE is Sunday to Tuesday.
        }
        if (lo > hi) {
            if (dialect != CronDialect.QUARTZ) {
                throw error(f.label, at, "range start " + lo + " is after its end " + hi
                        + " (only QUARTZ wraps ranges around)");
            }
            return new Item(lo, hi, step, true);
        }
        return new Item(lo, hi, step, false);
    }

    /** A single value: a number or a name, checked against the field's range. */
    int value(String v, int at, Field f) {
        if (v.isEmpty()) {
            throw error(f.label, at, "a value is missing");
        }
        int n;
        if (v.charAt(0) >= '0' && v.charAt(0) <= '9') {
            n = number(v, at, f.label, "value");
        } else {
            n = f.name(v.toUpperCase(Locale.ROOT));
            if (n < 0) {
                throw error(f.label, at, "unknown " + f.label + " value '" + clip(v) + "'"
                        + (f.names == null ? "" : " (names: " + String.join(" ", f.names) + ")"));
            }
        }
        if (n < f.min || n > f.max) {
            throw error(f.label, at, clip(stripZeros(v)) + " is out of range: " + f.label + " takes " + f.min + "-"
                    + f.max);
        }
        return n;
    }

    /**
     * Reads a run of decimal digits. Leading zeros are allowed ({@code 007}); a number too long to be in any range
     * comes back as {@link #TOO_LARGE} so that the caller's range check reports it.
     */
    int number(String v, int at, String field, String what) {
        if (v.isEmpty()) {
            throw error(field, at, "expected a number for the " + what);
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                throw error(field, at + i, "unexpected '" + v.charAt(i) + "' in the " + what + " '" + clip(v) + "'");
            }
        }
        String digits = stripZeros(v);
        return digits.length() > 9 ? TOO_LARGE : Integer.parseInt(digits);
    }

    private static String stripZeros(String v) {
        int i = 0;
        while (i < v.length() - 1 && v.charAt(i) == '0') {
            i++;
        }
        return v.substring(i);
    }

    /** Shortens user text quoted in a reason; the exception escapes it. */
    static String clip(String s) {
        return s.length() <= 24 ? s : s.substring(0, 24) + "...";
    }

    String text(int[] span) {
        return text.substring(span[0], span[1]);
    }

    CronParseException error(String field, int pos, String reason) {
        return new CronParseException(text, field, pos, reason);
    }
}
