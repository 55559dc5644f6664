package dev.supervisor.core.cron;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a sentence of {@link CronExpression#describe()} back into a matcher built on plain {@code java.time}, so
 * a test can check that the sentence says exactly what the evaluator fires. Throws on any phrase it does not
 * know, so a sentence outside the grammar fails the test too.
 */
final class DescriptionReader {
    private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");
    private static final String MONTH = "(?:January|February|March|April|May|June|July|August|September|October"
            + "|November|December)";
    private static final Pattern SENTENCE = Pattern.compile("^(?<time>.+?)(?:, on (?<day>.+?))?"
            + "(?:, in (?<month>" + MONTH + ".*?))?(?:, in (?<year>(?:years? |every \\d+(?:st|nd|rd|th) year ).+))?$");
    private static final Pattern TIME = Pattern.compile("\\d\\d:\\d\\d(?::\\d\\d)?");

    private DescriptionReader() {
    }

    /** @return the matcher the sentence describes */
    static Predicate<LocalDateTime> read(String sentence) {
        Matcher m = SENTENCE.matcher(sentence);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a description: " + sentence);
        }
        Predicate<LocalTime> time = time(m.group("time"));
        Predicate<LocalDate> day = m.group("day") == null ? d -> true : day(m.group("day"));
        IntPredicate month = m.group("month") == null ? mo -> true : set(m.group("month"), 1, 12)::contains;
        IntPredicate year = m.group("year") == null ? y -> true : years(m.group("year"));
        return t -> time.test(t.toLocalTime()) && day.test(t.toLocalDate()) && month.test(t.getMonthValue())
                && year.test(t.getYear());
    }

    private static Predicate<LocalTime> time(String s) {
        if (s.matches("at " + TIME + "(?:(?:, | and )" + TIME + ")*")) {
            Set<LocalTime> times = new HashSet<>();
            Matcher t = TIME.matcher(s);
            while (t.find()) {
                times.add(LocalTime.parse(t.group()));
            }
            return times::contains;
        }
        Set<Integer> sec = Set.of(0);
        Set<Integer> min = range(0, 59);
        Set<Integer> hour = range(0, 23);
        for (String piece : s.split(", (?=every |at |in )")) {
            if (piece.equals("every second")) {
                sec = range(0, 59);
            } else if (piece.equals("every minute")) {
                min = range(0, 59);
            } else if (piece.matches("every \\d+ seconds.*")) {
                sec = progression(piece, "second", 59);
            } else if (piece.matches("(every minute )?at seconds? .*")) {
                sec = set(piece.replaceFirst("^.*?seconds? ", ""), 0, 59);
            } else if (piece.matches("every \\d+ minutes.*")) {
                min = progression(piece, "minute", 59);
            } else if (piece.matches("(every hour )?at minutes? .*")) {
                min = set(piece.replaceFirst("^.*?minutes? ", ""), 0, 59);
            } else if (piece.matches("in every \\d+(st|nd|rd|th) hour.*")) {
                hour = progression(piece, "hour", 23);
            } else if (piece.matches("in hours? .*")) {
                hour = set(piece.replaceFirst("^.*?hours? ", ""), 0, 23);
            } else {
                throw new IllegalArgumentException("unknown time piece '" + piece + "' in: " + s);
            }
        }
        Set<Integer> fs = sec;
        Set<Integer> fm = min;
        Set<Integer> fh = hour;
        return t -> fs.contains(t.getSecond()) && fm.contains(t.getMinute()) && fh.contains(t.getHour());
    }

    private static Predicate<LocalDate> day(String s) {
        int and = s.indexOf(" when that is ");
        if (and >= 0) {
            return dom(s.substring(0, and)).and(dow(s.substring(and + 14)));
        }
        int or = s.indexOf(" and on ");
        if (or >= 0) {
            return dom(s.substring(0, or)).or(dow(s.substring(or + 8)));
        }
        return s.startsWith("day") || s.contains(" day") || s.contains("weekday") ? dom(s) : dow(s);
    }

    private static Predicate<LocalDate> dom(String s) {
        Matcher m;
        if (s.equals("the last day of the month")) {
            return d -> d.getDayOfMonth() == d.lengthOfMonth();
        }
        if (s.equals("the last weekday of the month")) {
            return d -> d.equals(weekdayOnOrBefore(d.with(TemporalAdjusters.lastDayOfMonth())));
        }
        if ((m = Pattern.compile("the day (\\d+) days? before the last day of the month").matcher(s)).matches()) {
            int n = Integer.parseInt(m.group(1));
            return d -> d.getDayOfMonth() == d.lengthOfMonth() - n;
        }
        if ((m = Pattern.compile("the weekday nearest day (\\d+) of the month").matcher(s)).matches()) {
            int n = Integer.parseInt(m.group(1));
            return d -> n <= d.lengthOfMonth() && d.equals(nearestWeekday(d.withDayOfMonth(n)));
        }
        if ((m = Pattern.compile("days? (.+) of the month").matcher(s)).matches()) {
            Set<Integer> days = set(m.group(1), 1, 31);
            return d -> days.contains(d.getDayOfMonth());
        }
        throw new IllegalArgumentException("unknown day-of-month phrase: " + s);
    }

    private static Predicate<LocalDate> dow(String s) {
        Matcher m;
        if ((m = Pattern.compile("the last (\\w+) of the month").matcher(s)).matches()) {
            DayOfWeek w = DayOfWeek.valueOf(m.group(1).toUpperCase());
            return d -> d.getDayOfWeek() == w && d.plusWeeks(1).getMonth() != d.getMonth();
        }
        if ((m = Pattern.compile("the (\\d)(?:st|nd|rd|th) (\\w+) of the month").matcher(s)).matches()) {
            int n = Integer.parseInt(m.group(1));
            DayOfWeek w = DayOfWeek.valueOf(m.group(2).toUpperCase());
            return d -> d.getDayOfWeek() == w && (d.getDayOfMonth() - 1) / 7 + 1 == n;
        }
        Set<Integer> days = set(s, 1, 7);
        return d -> days.contains(d.getDayOfWeek().getValue());
    }

    private static IntPredicate years(String s) {
        Matcher m = Pattern.compile("every (\\d+)(?:st|nd|rd|th) year from (\\d+) to (\\d+)").matcher(s);
        if (m.matches()) {
            int k = Integer.parseInt(m.group(1));
            int from = Integer.parseInt(m.group(2));
            int to = Integer.parseInt(m.group(3));
            return y -> y >= from && y <= to && (y - from) % k == 0;
        }
        return set(s.substring(s.indexOf(' ') + 1), 1970, 2199)::contains;
    }

    /** "every 15 minutes", "every 15 minutes from minute 5", "in every 2nd hour from hour 1". */
    private static Set<Integer> progression(String piece, String unit, int max) {
        Matcher m = Pattern.compile("(?:in )?every (\\d+)\\D*? " + unit + "s?(?: from " + unit + " (\\d+))?")
                .matcher(piece);
        if (!m.matches()) {
            throw new IllegalArgumentException("unknown step phrase: " + piece);
        }
        int k = Integer.parseInt(m.group(1));
        int from = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        Set<Integer> out = new HashSet<>();
        for (int v = from; v <= max; v += k) {
            out.add(v);
        }
        return out;
    }

    /** "0 to 10, 30 and 45", "Monday to Friday", "January and March" (names count from 1). */
    private static Set<Integer> set(String list, int lo, int hi) {
        Set<Integer> out = new HashSet<>();
        for (String item : list.split(", | and ")) {
            String[] ends = item.split(" to ");
            int a = number(ends[0]);
            int b = ends.length == 2 ? number(ends[1]) : a;
            if (a < lo || b > hi || a > b) {
                throw new IllegalArgumentException("bad list item '" + item + "' in: " + list);
            }
            for (int v = a; v <= b; v++) {
                out.add(v);
            }
        }
        return out;
    }

    private static int number(String s) {
        int month = MONTHS.indexOf(s);
        if (month >= 0) {
            return month + 1;
        }
        if (Arrays.stream(DayOfWeek.values()).anyMatch(w -> w.name().equalsIgnoreCase(s))) {
            return DayOfWeek.valueOf(s.toUpperCase()).getValue();
        }
        return Integer.parseInt(s);
    }

    private static Set<Integer> range(int a, int b) {
        Set<Integer> out = new HashSet<>();
        for (int v = a; v <= b; v++) {
            out.add(v);
        }
        return out;
    }

    private static LocalDate weekdayOnOrBefore(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY ? d.minusDays(1)
                : d.getDayOfWeek() == DayOfWeek.SUNDAY ? d.minusDays(2) : d;
    }

    /** Quartz's nW: the weekday nearest day n, never leaving the month. */
    private static LocalDate nearestWeekday(LocalDate d) {
        if (d.getDayOfWeek() == DayOfWeek.SATURDAY) {
            return d.getDayOfMonth() == 1 ? d.plusDays(2) : d.minusDays(1);
        }
        if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return d.getDayOfMonth() == d.lengthOfMonth() ? d.minusDays(2) : d.plusDays(1);
        }
        return d;
    }
}
