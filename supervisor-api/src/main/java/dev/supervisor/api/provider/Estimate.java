package dev.supervisor.api.provider;

/**
 * A predicted quantity with a prediction interval.
 *
 * @param expected the point prediction
 * @param lower the interval's lower bound
 * @param upper the interval's upper bound
 * @param level the interval's nominal coverage, e.g. 0.9
 * @param samples how many observations it rests on
 */
public record Estimate(double expected, double lower, double upper, double level, int samples) {
    /** Checks the interval. */
    public Estimate {
        if (!(lower <= expected && expected <= upper)) {
            throw new IllegalArgumentException("need lower <= expected <= upper but got " + lower + ", " + expected
                    + ", " + upper);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1) but was " + level);
        }
    }
}
