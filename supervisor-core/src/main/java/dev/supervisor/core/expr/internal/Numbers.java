package dev.supervisor.core.expr.internal;

/** Exact comparison of ints and doubles, as CEL: no rounding of large ints, NaN unordered, -0.0 equal to 0.0. */
final class Numbers {
    private static final double TWO_63 = 9.223372036854775808E18;

    private Numbers() {
    }

    /** @return negative, zero or positive, or {@link Values#UNORDERED} if either side is NaN */
    static int compare(Number a, Number b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof Long x) {
            int c = compareDoubleLong(b.doubleValue(), x);
            return c == Values.UNORDERED ? c : -c;
        }
        if (b instanceof Long y) {
            return compareDoubleLong(a.doubleValue(), y);
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Values.UNORDERED;
        }
        return x < y ? -1 : x > y ? 1 : 0;
    }

    private static int compareDoubleLong(double d, long l) {
        if (Double.isNaN(d)) {
            return Values.UNORDERED;
        }
        if (d >= TWO_63) {
            return 1;
        }
        if (d < -TWO_63) {
            return -1;
        }
        long whole = (long) d; // exact: |d| < 2^63, truncated toward zero
        if (whole != l) {
            return Long.compare(whole, l);
        }
        double frac = d - whole;
        return frac > 0 ? 1 : frac < 0 ? -1 : 0;
    }
}
