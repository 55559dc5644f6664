package dev.supervisor.core.cron.internal;

import dev.supervisor.core.cron.CronDialect;
import dev.supervisor.core.cron.internal.FieldReader.Field;
import java.util.Locale;

/**
 * Reads the day-of-month and day-of-week fields together: their specials ({@code L W #}), the dialect's numbering
 * of weekdays, how the two combine, and whether the combination can ever occur in the selected months.
 */
final class DayReader {
    private static final int[] MAX_MONTH_LENGTH = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private final FieldReader fields;
    private final CronDialect dialect;

    DayReader(FieldReader fields, CronDialect dialect) {
        this.fields = fields;
        this.dialect = dialect;
    }

    DaySpec days(int[] domSpan, int[] dowSpan, long months) {
        String dom = fields.text(domSpan).toUpperCase(Locale.ROOT);
        String dow = fields.text(dowSpan).toUpperCase(Locale.ROOT);
        boolean domQ = dom.equals("?");
        boolean dowQ = dow.equals("?");
        if ((domQ || dowQ) && dialect == CronDialect.UNIX) {
            throw fields.error(domQ ? "day-of-month" : "day-of-week", domQ ? domSpan[0] : dowSpan[0],
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
                throw fields.error("day-of-week", dowSpan[0],
                        "only one of day-of-month and day-of-week may be '?'");
            }
            if (!domQ && !dowQ) {
                throw fields.error("day-of-week", dowSpan[0], "Quartz needs '?' in day-of-month or day-of-week "
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
            return new DomPart(DaySpec.DomKind.BITS, fields.bits(span, Field.DAY_OF_MONTH), 0);
        }
        requireSpecials("day-of-month", start);
        if (t.indexOf(',') >= 0 || t.indexOf('/') >= 0) {
            throw fields.error("day-of-month", start + Math.max(t.indexOf('L'), t.indexOf('W')),
                    "L and W take a single day, never a list, range or step");
        }
        if (t.equals("L")) {
            return new DomPart(DaySpec.DomKind.LAST, 0, 0);
        }
        if (t.equals("LW")) {
            return new DomPart(DaySpec.DomKind.LAST_WEEKDAY, 0, 0);
        }
        if (t.startsWith("L-")) {
            int n = fields.number(t.substring(2), start + 2, "day-of-month", "offset after L-");
            if (n < 1 || n > 30) {
                throw fields.error("day-of-month", start + 2, "L-" + FieldReader.clip(t.substring(2))
                        + " is out of range: the offset after L- must be between 1 and 30");
            }
            return new DomPart(DaySpec.DomKind.LAST_MINUS, 0, n);
        }
        if (t.endsWith("W") && t.indexOf('-') < 0 && t.indexOf('L') < 0) {
            int n = fields.number(t.substring(0, t.length() - 1), start, "day-of-month", "day before W");
            if (n < 1 || n > 31) {
                throw fields.error("day-of-month", start, FieldReader.clip(t)
                        + " is out of range: the day before W must be between 1 and 31");
            }
            return new DomPart(DaySpec.DomKind.NEAREST_WEEKDAY, 0, n);
        }
        int at = t.indexOf('W') >= 0 ? t.indexOf('W') : t.indexOf('L');
        throw fields.error("day-of-month", start + at, "cannot read '" + FieldReader.clip(t)
                + "': use L, L-n, LW or nW alone");
    }

    private DowPart dowPart(int[] span, String t) {
        int start = span[0];
        int hash = t.indexOf('#');
        if (hash >= 0) {
            requireSpecials("day-of-week", start + hash);
            int day = dowValue(t.substring(0, hash), start);
            int nth = fields.number(t.substring(hash + 1), start + hash + 1, "day-of-week", "occurrence after #");
            if (nth < 1 || nth > 5) {
                throw fields.error("day-of-week", start + hash + 1, "#" + FieldReader.clip(t.substring(hash + 1))
                        + " is out of range: the occurrence after # must be between 1 and 5");
            }
            return new DowPart(DaySpec.DowKind.NTH, 0, day, nth);
        }
        if (t.equals("L")) {
            requireSpecials("day-of-week", start);
            if (dialect != CronDialect.QUARTZ) {
                throw fields.error("day-of-week", start, "'L' alone means Saturday only in QUARTZ; "
                        + "write SATL or 6L for the last Saturday, or SAT");
            }
            return new DowPart(DaySpec.DowKind.BITS, 1 << 6, 0, 0);
        }
        if (t.length() > 1 && t.endsWith("L")) {
            requireSpecials("day-of-week", start + t.length() - 1);
            if (t.indexOf(',') >= 0 || t.indexOf('-') >= 0 || t.indexOf('/') >= 0) {
                throw fields.error("day-of-week", start + t.length() - 1,
                        "dL takes a single day, never a list or range");
            }
            return new DowPart(DaySpec.DowKind.LAST_OF_MONTH, 0, dowValue(t.substring(0, t.length() - 1), start), 0);
        }
        return new DowPart(DaySpec.DowKind.BITS, normalizeDow(fields.bits(span, dowField())), 0, 0);
    }

    private int dowValue(String v, int pos) {
        Field f = dowField();
        int raw = fields.value(v, pos, f);
        return normalizeDow(1L << raw) == 0 ? 0 : Integer.numberOfTrailingZeros(normalizeDow(1L << raw));
    }

    private Field dowField() {
        switch (dialect) {
            case QUARTZ:
                return Field.DAY_OF_WEEK_QUARTZ;
            case SPRING:
                return Field.DAY_OF_WEEK_SPRING;
            default:
                return Field.DAY_OF_WEEK;
        }
    }

    private int normalizeDow(long raw) {
        if (dialect == CronDialect.QUARTZ) {
            return (int) (raw >>> 1) & 0x7F;
        }
        return (int) ((raw | (raw >>> 7)) & 0x7F);
    }

    private void requireSpecials(String field, int pos) {
        if (dialect == CronDialect.UNIX) {
            throw fields.error(field, pos, "L, W and # are not part of the UNIX dialect; use QUARTZ or SPRING");
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
            throw fields.error("day-of-month", span[0], "'" + FieldReader.clip(fields.text(span))
                    + "' never occurs in the selected months "
                    + "(longest has " + maxLen + " days), so the expression would never fire");
        }
    }
}
