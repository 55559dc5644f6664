package dev.supervisor.core.cron;

import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A random Quartz expression (second 0, day-of-week '?') together with the plain sets it should match, so a
 * test oracle can decide matches without our parser.
 */
final class RandomCron {
    final String text;
    final boolean[] minutes = new boolean[60];
    final boolean[] hours = new boolean[24];
    final boolean[] days = new boolean[32];
    final boolean[] months = new boolean[13];

    private RandomCron(String text) {
        this.text = text;
    }

    static RandomCron next(SplittableRandom r) {
        StringBuilder sb = new StringBuilder("0 ");
        boolean[] mi = new boolean[60];
        boolean[] h = new boolean[24];
        boolean[] d = new boolean[32];
        boolean[] mo = new boolean[13];
        sb.append(field(r, mi, 0, 59, 59, r.nextInt(4) == 0)).append(' ');
        sb.append(field(r, h, 0, 23, 23, false)).append(' ');
        sb.append(r.nextInt(3) == 0 ? field(r, d, 1, 28, 31, false) : all(d, 1, 31)).append(' ');
        sb.append(r.nextInt(4) == 0 ? field(r, mo, 1, 12, 12, false) : all(mo, 1, 12)).append(" ?");
        RandomCron c = new RandomCron(sb.toString());
        System.arraycopy(mi, 0, c.minutes, 0, 60);
        System.arraycopy(h, 0, c.hours, 0, 24);
        System.arraycopy(d, 0, c.days, 0, 32);
        System.arraycopy(mo, 0, c.months, 0, 13);
        return c;
    }

    private static String all(boolean[] set, int lo, int hi) {
        for (int i = lo; i <= hi; i++) {
            set[i] = true;
        }
        return "*";
    }

    private static String field(SplittableRandom r, boolean[] set, int lo, int hi, int max, boolean allowStar) {
        switch (r.nextInt(allowStar ? 5 : 4)) {
            case 0: {
                int v = r.nextInt(lo, hi + 1);
                set[v] = true;
                return String.valueOf(v);
            }
            case 1: {
                TreeSet<Integer> vs = new TreeSet<>();
                int n = r.nextInt(2, 5);
                while (vs.size() < n) {
                    vs.add(r.nextInt(lo, hi + 1));
                }
                StringBuilder sb = new StringBuilder();
                for (int v : vs) {
                    set[v] = true;
                    sb.append(sb.length() == 0 ? "" : ",").append(v);
                }
                return sb.toString();
            }
            case 2: {
                int a = r.nextInt(lo, hi + 1);
                int b = r.nextInt(a, hi + 1);
                for (int v = a; v <= b; v++) {
                    set[v] = true;
                }
                return a + "-" + b;
            }
            case 3: {
                int start = r.nextInt(lo, Math.min(hi, lo + 5) + 1);
                int step = r.nextInt(1, 8);
                // A start/step runs to the field's maximum, not to the range values are drawn from.
                for (int v = start; v <= max; v += step) {
                    set[v] = true;
                }
                return start + "/" + step;
            }
            default:
                return all(set, lo, hi);
        }
    }

    boolean matches(java.time.LocalDateTime t) {
        return t.getSecond() == 0 && minutes[t.getMinute()] && hours[t.getHour()] && days[t.getDayOfMonth()]
                && months[t.getMonthValue()];
    }
}
