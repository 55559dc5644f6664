package dev.supervisor.core.cron.internal;

/**
 * Which days of a month match: day-of-month bits or special, day-of-week bits or special, and how the two combine.
 * {@link #mask} answers for one month as bits 1..31 of an int, using only arithmetic (no allocation).
 */
final class DaySpec {
    /** How day-of-month and day-of-week combine. */
    enum Mode { ANY, DOM, DOW, AND, OR }

    /** Day-of-month kinds. */
    enum DomKind { BITS, LAST, LAST_MINUS, LAST_WEEKDAY, NEAREST_WEEKDAY }

    /** Day-of-week kinds. */
    enum DowKind { BITS, LAST_OF_MONTH, NTH }

    final Mode mode;
    final DomKind domKind;
    final long domBits;
    final int domN;
    final DowKind dowKind;
    /** Bits 0..6, 0 = Sunday. */
    final int dowBits;
    final int dowDay;
    final int dowNth;
    private static final int[] NO_WEEKDAYS = new int[7];
    /** Day-of-week bits expanded over a month for each weekday of the 1st (index 0 = Sunday). */
    private final int[] weekMasks;

    DaySpec(Mode mode, DomKind domKind, long domBits, int domN, DowKind dowKind, int dowBits, int dowDay,
            int dowNth) {
        this.mode = mode;
        this.domKind = domKind;
        this.domBits = domBits;
        this.domN = domN;
        this.dowKind = dowKind;
        this.dowBits = dowBits;
        this.dowDay = dowDay;
        this.dowNth = dowNth;
        this.weekMasks = dowBits == 0 ? NO_WEEKDAYS : new int[7];
        for (int first = 0; first < 7 && dowBits != 0; first++) {
            int m = 0;
            for (int d = 1; d <= 31; d++) {
                if ((dowBits & (1 << ((first + d - 1) % 7))) != 0) {
                    m |= 1 << d;
                }
            }
            weekMasks[first] = m;
        }
    }

    int mask(int year, int month) {
        int len = monthLength(year, month);
        int full = len == 31 ? 0xFFFFFFFE : ((1 << (len + 1)) - 2);
        switch (mode) {
            case ANY:
                return full;
            case DOM:
                return domMask(year, month, len) & full;
            case DOW:
                return dowMask(year, month, len) & full;
            case AND:
                return domMask(year, month, len) & dowMask(year, month, len) & full;
            default:
                return (domMask(year, month, len) | dowMask(year, month, len)) & full;
        }
    }

    private int domMask(int year, int month, int len) {
        switch (domKind) {
            case BITS:
                return (int) domBits;
            case LAST:
                return 1 << len;
            case LAST_MINUS:
                return len - domN >= 1 ? 1 << (len - domN) : 0;
            case LAST_WEEKDAY: {
                int dow = dayOfWeek(year, month, len);
                int d = dow == 0 ? len - 2 : dow == 6 ? len - 1 : len;
                return 1 << d;
            }
            default: {
                if (domN > len) {
                    return 0;
                }
                int dow = dayOfWeek(year, month, domN);
                int d = domN;
                if (dow == 6) {
                    d = domN == 1 ? 3 : domN - 1;
                } else if (dow == 0) {
                    d = domN == len ? domN - 2 : domN + 1;
                }
                return 1 << d;
            }
        }
    }

    private int dowMask(int year, int month, int len) {
        switch (dowKind) {
            case BITS:
                return weekMasks[dayOfWeek(year, month, 1)];
            case LAST_OF_MONTH: {
                int lastDow = dayOfWeek(year, month, len);
                return 1 << (len - ((lastDow - dowDay + 7) % 7));
            }
            default: {
                int first = 1 + (dowDay - dayOfWeek(year, month, 1) + 7) % 7;
                int d = first + 7 * (dowNth - 1);
                return d <= len ? 1 << d : 0;
            }
        }
    }

    static int monthLength(int year, int month) {
        switch (month) {
            case 2:
                return isLeap(year) ? 29 : 28;
            case 4: case 6: case 9: case 11:
                return 30;
            default:
                return 31;
        }
    }

    static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** @return 0 = Sunday … 6 = Saturday, proleptic Gregorian */
    static int dayOfWeek(int year, int month, int day) {
        // Sakamoto's method: pure arithmetic, valid for every Gregorian date.
        int[] t = OFFSETS;
        int y = month < 3 ? year - 1 : year;
        return (y + y / 4 - y / 100 + y / 400 + t[month - 1] + day) % 7;
    }

    private static final int[] OFFSETS = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
}
