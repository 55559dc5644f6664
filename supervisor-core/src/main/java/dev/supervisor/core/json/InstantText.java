package dev.supervisor.core.json;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#toString()}'s text, written into a buffer: the JDK gets there through its general formatter, which
 * is slow to run and slower to compile, and the event log formats two instants per task. Years 0 to 9999 only; others
 * (which need a sign or more digits) go through the JDK.
 */
final class InstantText {
    /** The longest text: {@code +1000000000-12-31T23:59:59.999999999Z} and more fit. */
    static final int MAX = 40;
    private static final long FIRST = -62_167_219_200L; // 0000-01-01T00:00:00Z
    private static final long AFTER_LAST = 253_402_300_800L; // 10000-01-01T00:00:00Z

    private InstantText() {
    }

    /** @return how many chars of {@code buf} now hold the instant's text */
    static int format(Instant t, char[] buf) {
        long sec = t.getEpochSecond();
        if (sec < FIRST || sec >= AFTER_LAST) {
            String s = t.toString();
            s.getChars(0, s.length(), buf, 0);
            return s.length();
        }
        long day = Math.floorDiv(sec, 86_400);
        int ofDay = (int) Math.floorMod(sec, 86_400);
        LocalDate date = LocalDate.ofEpochDay(day);
        int y = date.getYear();
        buf[0] = digit(y / 1000);
        buf[1] = digit(y / 100 % 10);
        buf[2] = digit(y / 10 % 10);
        buf[3] = digit(y % 10);
        buf[4] = '-';
        two(buf, 5, date.getMonthValue());
        buf[7] = '-';
        two(buf, 8, date.getDayOfMonth());
        buf[10] = 'T';
        two(buf, 11, ofDay / 3600);
        buf[13] = ':';
        two(buf, 14, ofDay / 60 % 60);
        buf[16] = ':';
        two(buf, 17, ofDay % 60);
        int n = 19;
        int nano = t.getNano();
        if (nano != 0) {
            // As ISO_INSTANT prints them: milliseconds, microseconds or nanoseconds, whichever is exact.
            int digits = nano % 1_000_000 == 0 ? 3 : nano % 1000 == 0 ? 6 : 9;
            int v = digits == 3 ? nano / 1_000_000 : digits == 6 ? nano / 1000 : nano;
            buf[n++] = '.';
            for (int i = digits - 1; i >= 0; i--) {
                buf[n + i] = digit(v % 10);
                v /= 10;
            }
            n += digits;
        }
        buf[n++] = 'Z';
        return n;
    }

    private static void two(char[] buf, int at, int v) {
        buf[at] = digit(v / 10);
        buf[at + 1] = digit(v % 10);
    }

    private static char digit(int d) {
        return (char) ('0' + d);
    }
}
