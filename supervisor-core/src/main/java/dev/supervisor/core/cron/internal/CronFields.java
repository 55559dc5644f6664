package dev.supervisor.core.cron.internal;

import java.time.LocalDateTime;
import java.util.BitSet;

/**
 * A compiled cron expression: one bit set per field plus the day specials, and the search for the next or
 * previous matching wall-clock time. Immutable and thread-safe. Every search is bounded (400 years, one full
 * Gregorian cycle), so impossible combinations answer "never" instead of looping.
 */
public final class CronFields {
    /** Earliest year any expression matches. */
    public static final int MIN_YEAR = 1970;
    /** Latest year any expression matches. */
    public static final int MAX_YEAR = 2199;
    private static final int SEARCH_YEARS = 400;

    final long seconds;
    final long minutes;
    final long hours;
    final long months;
    final BitSet years;
    final DaySpec days;

    CronFields(long seconds, long minutes, long hours, long months, BitSet years, DaySpec days) {
        this.seconds = seconds;
        this.minutes = minutes;
        this.hours = hours;
        this.months = months;
        this.years = years;
        this.days = days;
    }

    /** @return true if {@code t} (to the second) matches every field */
    public boolean matches(LocalDateTime t) {
        return bit(seconds, t.getSecond()) && bit(minutes, t.getMinute()) && bit(hours, t.getHour())
                && bit(months, t.getMonthValue()) && yearMatches(t.getYear())
                && (days.mask(t.getYear(), t.getMonthValue()) & (1 << t.getDayOfMonth())) != 0;
    }

    /**
     * @param after any wall-clock time (years outside {@value #MIN_YEAR}-{@value #MAX_YEAR} are answered without
     *        date arithmetic, so {@link LocalDateTime#MAX} is fine)
     * @return the earliest matching wall-clock time strictly after {@code after}, or null if none within 400 years
     */
    public LocalDateTime nextAfter(LocalDateTime after) {
        if (after.getYear() > MAX_YEAR) {
            return null;
        }
        if (after.getYear() < MIN_YEAR) {
            return nextFrom(MIN_YEAR, 1, 1, 0, 0, 0);
        }
        LocalDateTime t = after.withNano(0).plusSeconds(1);
        return nextFrom(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
    }

    /**
     * @param before any wall-clock time, {@link LocalDateTime#MIN} included
     * @return the latest matching wall-clock time strictly before {@code before}, or null if none within 400 years
     */
    public LocalDateTime previousBefore(LocalDateTime before) {
        if (before.getYear() < MIN_YEAR) {
            return null;
        }
        if (before.getYear() > MAX_YEAR) {
            return previousFrom(MAX_YEAR, 12, 31, 23, 59, 59);
        }
        LocalDateTime t = before.getNano() == 0 ? before.minusSeconds(1) : before.withNano(0);
        return previousFrom(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(),
                t.getSecond());
    }

    private LocalDateTime nextFrom(int y, int mo, int d, int h, int mi, int s) {
        int limit = Math.min(MAX_YEAR, y + SEARCH_YEARS);
        while (y <= limit) {
            if (!yearMatches(y)) {
                y = nextYear(y);
                if (y < 0 || y > limit) {
                    return null;
                }
                mo = 1; d = 1; h = 0; mi = 0; s = 0;
                continue;
            }
            int nmo = nextBit(months, mo);
            if (nmo < 0) {
                y++; mo = 1; d = 1; h = 0; mi = 0; s = 0;
                continue;
            }
            if (nmo != mo) {
                mo = nmo; d = 1; h = 0; mi = 0; s = 0;
            }
            int nd = nextBit(days.mask(y, mo) & 0xFFFFFFFFL, d);
            if (nd < 0) {
                mo++; d = 1; h = 0; mi = 0; s = 0;
                if (mo > 12) {
                    y++; mo = 1;
                }
                continue;
            }
            if (nd != d) {
                d = nd; h = 0; mi = 0; s = 0;
            }
            int nh = nextBit(hours, h);
            if (nh < 0) {
                d++; h = 0; mi = 0; s = 0;
                continue;
            }
            if (nh != h) {
                h = nh; mi = 0; s = 0;
            }
            int nmi = nextBit(minutes, mi);
            if (nmi < 0) {
                h++; mi = 0; s = 0;
                continue;
            }
            if (nmi != mi) {
                mi = nmi; s = 0;
            }
            int ns = nextBit(seconds, s);
            if (ns < 0) {
                mi++; s = 0;
                continue;
            }
            return LocalDateTime.of(y, mo, d, h, mi, ns);
        }
        return null;
    }

    private LocalDateTime previousFrom(int y, int mo, int d, int h, int mi, int s) {
        int limit = Math.max(MIN_YEAR, y - SEARCH_YEARS);
        while (y >= limit) {
            if (!yearMatches(y)) {
                y = previousYear(y);
                if (y < 0 || y < limit) {
                    return null;
                }
                mo = 12; d = 31; h = 23; mi = 59; s = 59;
                continue;
            }
            int pmo = previousBit(months, mo);
            if (pmo < 0) {
                y--; mo = 12; d = 31; h = 23; mi = 59; s = 59;
                continue;
            }
            if (pmo != mo) {
                mo = pmo; d = 31; h = 23; mi = 59; s = 59;
            }
            int pd = previousBit(days.mask(y, mo) & 0xFFFFFFFFL, d);
            if (pd < 0) {
                mo--; d = 31; h = 23; mi = 59; s = 59;
                if (mo < 1) {
                    y--; mo = 12;
                }
                continue;
            }
            if (pd != d) {
                d = pd; h = 23; mi = 59; s = 59;
            }
            int ph = previousBit(hours, h);
            if (ph < 0) {
                d--; h = 23; mi = 59; s = 59;
                continue;
            }
            if (ph != h) {
                h = ph; mi = 59; s = 59;
            }
            int pmi = previousBit(minutes, mi);
            if (pmi < 0) {
                h--; mi = 59; s = 59;
                continue;
            }
            if (pmi != mi) {
                mi = pmi; s = 59;
            }
            int ps = previousBit(seconds, s);
            if (ps < 0) {
                mi--; s = 59;
                continue;
            }
            return LocalDateTime.of(y, mo, d, h, mi, ps);
        }
        return null;
    }

    private boolean yearMatches(int y) {
        return years == null ? y >= MIN_YEAR && y <= MAX_YEAR
                : y >= MIN_YEAR && y <= MAX_YEAR && years.get(y - MIN_YEAR);
    }

    /** @return the first matching year after {@code y}, or -1 */
    private int nextYear(int y) {
        if (y < MIN_YEAR) {
            int first = years == null ? 0 : years.nextSetBit(0);
            return first < 0 ? -1 : first + MIN_YEAR;
        }
        if (y >= MAX_YEAR) {
            return -1;
        }
        if (years == null) {
            return y + 1;
        }
        int i = years.nextSetBit(y - MIN_YEAR + 1);
        return i < 0 || i > MAX_YEAR - MIN_YEAR ? -1 : i + MIN_YEAR;
    }

    /** @return the last matching year before {@code y}, or -1 */
    private int previousYear(int y) {
        if (y <= MIN_YEAR) {
            return -1;
        }
        int from = Math.min(y - 1, MAX_YEAR);
        if (years == null) {
            return from;
        }
        int i = years.previousSetBit(from - MIN_YEAR);
        return i < 0 ? -1 : i + MIN_YEAR;
    }

    private static boolean bit(long bits, int i) {
        return (bits & (1L << i)) != 0;
    }

    static int nextBit(long bits, int from) {
        if (from >= 64) {
            return -1;
        }
        long m = bits & (-1L << from);
        return m == 0 ? -1 : Long.numberOfTrailingZeros(m);
    }

    static int previousBit(long bits, int from) {
        if (from < 0) {
            return -1;
        }
        long m = from >= 63 ? bits : bits & ((1L << (from + 1)) - 1);
        return m == 0 ? -1 : 63 - Long.numberOfLeadingZeros(m);
    }
}
