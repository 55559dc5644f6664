package dev.supervisor.analytics.forecast;

import java.util.Arrays;
import java.util.Objects;

/**
 * A forecast of {@code horizon} steps: the point values and a prediction interval at {@link #level()}.
 *
 * @param method the method that produced it
 * @param mean point forecasts, step 1 first
 * @param lower lower interval bound per step
 * @param upper upper interval bound per step
 * @param level nominal coverage of the interval, e.g. 0.95
 */
public record Forecast(String method, double[] mean, double[] lower, double[] upper, double level) {
    /** Checks lengths and bounds. */
    public Forecast {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
        if (lower.length != mean.length || upper.length != mean.length) {
            throw new IllegalArgumentException("mean, lower and upper must have the same length");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1) but was " + level);
        }
        mean = mean.clone();
        lower = lower.clone();
        upper = upper.clone();
    }

    /** @return the number of steps */
    public int horizon() {
        return mean.length;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Forecast f && f.method.equals(method) && Arrays.equals(f.mean, mean)
                && Arrays.equals(f.lower, lower) && Arrays.equals(f.upper, upper) && f.level == level;
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, Arrays.hashCode(mean), level);
    }

    @Override
    public String toString() {
        return "Forecast[" + method + ", " + mean.length + " steps, level " + level + "]";
    }
}
