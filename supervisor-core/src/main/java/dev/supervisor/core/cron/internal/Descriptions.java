package dev.supervisor.core.cron.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * English sentences written from the compiled fields, the same bits the search uses, so a description cannot
 * disagree with the fire times. Clauses come in a fixed order, separated by {@code ", "}: time of day, days,
 * months, years; a field that matches everything says nothing.
 */
public final class Descriptions {
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    /** Indexed 0 = Sunday, like the day-of-week bits. */
    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday"};

    private Descriptions() {
    }

    /**
     * @param f a compiled expression
     * @return an English description, e.g. "at 12:00, on Monday to Friday"
     */
    public static String describe(CronFields f) {
        List<String> clauses = new ArrayList<>();
        clauses.add(time(f.seconds, f.minutes, f.hours));
        String days = days(f.days);
        if (!days.isEmpty()) {
            clauses.add(days);
        }
        if (f.months != 0x1FFEL) {
            clauses.add("in " + list(values(f.months, 1, 12), v -> MONTHS[v - 1]));
        }
        if (f.years != null) {
            clauses.add(years(f));
        }
        return String.join(", ", clauses);
    }

    private static String time(long sec, long min, long hour) {
        int[] s = values(sec, 0, 59);
        int[] m = values(min, 0, 59);
        int[] h = values(hour, 0, 23);
        boolean fullS = s.length == 60;
        boolean fullM = m.length == 60;
        boolean fullH = h.length == 24;
        if (s.length == 1 && !fullM && !fullH && m.length * h.length <= 4) {
            List<String> times = new ArrayList<>();
            for (int hh : h) {
                for (int mm : m) {
                    times.add(String.format("%02d:%02d", hh, mm) + (s[0] == 0 ? "" : String.format(":%02d", s[0])));
                }
            }
            return "at " + list(times);
        }
        List<String> pieces = new ArrayList<>();
        boolean secOnTheMinute = s.length == 1 && s[0] == 0;
        if (fullS) {
            pieces.add("every second");
        } else if (!secOnTheMinute) {
            String p = every(s, 0, 59, "second");
            pieces.add(p != null ? p : (fullM ? "every minute " : "") + "at " + named("second", s));
        }
        if (fullM) {
            if (secOnTheMinute) {
                pieces.add("every minute");
            }
        } else {
            String p = every(m, 0, 59, "minute");
            pieces.add(p != null ? p : (fullH ? "every hour " : "") + "at " + named("minute", m));
        }
        if (!fullH) {
            String p = everyNth(h, 0, 23, "hour");
            pieces.add("in " + (p != null ? p + (h[0] == 0 ? "" : " from hour " + h[0]) : named("hour", h)));
        }
        return String.join(", ", pieces);
    }

    private static String days(DaySpec d) {
        switch (d.mode) {
            case ANY:
                return "";
            case DOM:
                return "on " + dom(d);
            case DOW:
                return "on " + dow(d);
            case AND:
                return "on " + dom(d) + " when that is " + dow(d);
            default:
                return "on " + dom(d) + " and on " + dow(d);
        }
    }

    private static String dom(DaySpec d) {
        switch (d.domKind) {
            case LAST:
                return "the last day of the month";
            case LAST_MINUS:
                return "the day " + d.domN + (d.domN == 1 ? " day" : " days") + " before the last day of the month";
            case LAST_WEEKDAY:
                return "the last weekday of the month";
            case NEAREST_WEEKDAY:
                return "the weekday nearest day " + d.domN + " of the month";
            default:
                return named("day", values(d.domBits, 1, 31)) + " of the month";
        }
    }

    private static String dow(DaySpec d) {
        switch (d.dowKind) {
            case LAST_OF_MONTH:
                return "the last " + DAYS[d.dowDay] + " of the month";
            case NTH:
                return "the " + ordinal(d.dowNth) + " " + DAYS[d.dowDay] + " of the month";
            default: {
                // Monday first, as people list a week.
                int[] iso = values((d.dowBits & 0x7E) | (d.dowBits & 1) << 7, 1, 7);
                return list(iso, v -> DAYS[v % 7]);
            }
        }
    }

    private static String years(CronFields f) {
        int[] y = new int[f.years.cardinality()];
        int i = 0;
        for (int b = f.years.nextSetBit(0); b >= 0; b = f.years.nextSetBit(b + 1)) {
            y[i++] = b + CronFields.MIN_YEAR;
        }
        String p = y.length >= 3 ? step(y, CronFields.MAX_YEAR) : null;
        if (p != null) {
            return "in every " + ordinal(y[1] - y[0]) + " year from " + y[0] + " to " + y[y.length - 1];
        }
        return "in " + named("year", y);
    }

    /** "every 15 minutes" or "every 15 minutes from minute 5" when the values step evenly to the top. */
    private static String every(int[] v, int lo, int hi, String unit) {
        String k = step(v, hi);
        return k == null ? null : "every " + k + " " + unit + "s" + (v[0] == lo ? "" : " from " + unit + " " + v[0]);
    }

    private static String everyNth(int[] v, int lo, int hi, String unit) {
        return step(v, hi) == null ? null : "every " + ordinal(v[1] - v[0]) + " " + unit;
    }

    /** The common difference of at least three values that step evenly up to the last one before {@code hi}. */
    private static String step(int[] v, int hi) {
        if (v.length < 3) {
            return null;
        }
        int k = v[1] - v[0];
        for (int i = 2; i < v.length; i++) {
            if (v[i] - v[i - 1] != k) {
                return null;
            }
        }
        return k >= 2 && v[v.length - 1] + k > hi ? String.valueOf(k) : null;
    }

    private static String named(String unit, int[] v) {
        return unit + (v.length == 1 ? " " : "s ") + list(v, String::valueOf);
    }

    private static int[] values(long bits, int lo, int hi) {
        return java.util.stream.IntStream.rangeClosed(lo, hi).filter(b -> (bits & (1L << b)) != 0).toArray();
    }

    /** Runs of three or more consecutive values become "a to b"; the rest are listed. */
    private static String list(int[] v, java.util.function.IntFunction<String> name) {
        List<String> items = new ArrayList<>();
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && v[j + 1] == v[j] + 1) {
                j++;
            }
            if (j - i >= 2) {
                items.add(name.apply(v[i]) + " to " + name.apply(v[j]));
            } else {
                for (int k = i; k <= j; k++) {
                    items.add(name.apply(v[k]));
                }
            }
            i = j + 1;
        }
        return list(items);
    }

    private static String list(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String ordinal(int n) {
        int tens = n % 100;
        String suffix = tens >= 11 && tens <= 13 ? "th"
                : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
        return n + suffix;
    }
}
