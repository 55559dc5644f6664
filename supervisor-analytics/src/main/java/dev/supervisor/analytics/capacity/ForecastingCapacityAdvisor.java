package dev.supervisor.analytics.capacity;

import dev.supervisor.analytics.forecast.Forecaster;
import dev.supervisor.analytics.forecast.Forecasters;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.provider.CapacityAdvisor;
import dev.supervisor.api.provider.ConcurrencyAdvice;
import dev.supervisor.api.provider.Estimate;
import dev.supervisor.api.provider.ProviderObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link CapacityAdvisor} learning from recorded calls:
 * <ul>
 * <li>duration and cost of a task type on a provider: the mean of the latest calls, with the empirical
 * {@code (1 - level) / 2} and {@code (1 + level) / 2} quantiles as the interval;</li>
 * <li>demand: calls started per minute per provider, forecast with {@link Forecasters#auto(double...)} (hourly season)
 * once three hours are recorded, simple exponential smoothing before;</li>
 * <li>quota exhaustion: the first minute at which the forecast demand adds up to the remaining requests;</li>
 * <li>concurrency: Little's law on the forecast peak, {@code ceil(peak per second × mean duration / utilisation)},
 * clamped to the bounds asked for.</li>
 * </ul>
 * Thread-safe. Build with {@link #builder()}.
 */
public final class ForecastingCapacityAdvisor implements CapacityAdvisor {
    private final int samples;
    private final double level;
    private final int minSamples;
    private final int lookbackMinutes;
    private final int horizonMinutes;
    private final double utilisation;
    private final Map<String, Ring> durations = new HashMap<>();
    private final Map<String, Ring> costs = new HashMap<>();
    private final Map<String, Ring> providerDurations = new HashMap<>();
    private final Map<String, Demand> demand = new HashMap<>();

    private ForecastingCapacityAdvisor(Builder b) {
        samples = b.samples;
        level = b.level;
        minSamples = b.minSamples;
        lookbackMinutes = b.lookbackMinutes;
        horizonMinutes = b.horizonMinutes;
        utilisation = b.utilisation;
    }

    /** @return a builder: 200 samples, 90 % intervals from 5 samples, 6 h lookback, 15 min horizon, 80 % busy */
    public static Builder builder() {
        return new Builder();
    }

    private static String key(String providerId, TaskType type) {
        return providerId + '\u0000' + type.name();
    }

    @Override
    public synchronized void record(ProviderObservation o) {
        Objects.requireNonNull(o, "observation");
        double seconds = o.duration().toNanos() / 1e9;
        durations.computeIfAbsent(key(o.providerId(), o.taskType()), k -> new Ring(samples)).add(seconds);
        providerDurations.computeIfAbsent(o.providerId(), k -> new Ring(samples)).add(seconds);
        costs.computeIfAbsent(key(o.providerId(), o.taskType()), k -> new Ring(samples))
                .add(o.cost().amount().doubleValue());
        demand.computeIfAbsent(o.providerId(), k -> new Demand(lookbackMinutes)).add(o.startedAt());
    }

    @Override
    public synchronized Optional<Estimate> predictDuration(String providerId, TaskType taskType) {
        return estimate(durations.get(key(providerId, taskType)));
    }

    @Override
    public synchronized Optional<Estimate> predictCost(String providerId, TaskType taskType) {
        return estimate(costs.get(key(providerId, taskType)));
    }

    private Optional<Estimate> estimate(Ring r) {
        if (r == null || r.size() < minSamples) {
            return Optional.empty();
        }
        double[] v = r.values();
        Arrays.sort(v);
        double mean = Arrays.stream(v).average().orElse(0);
        double lo = quantile(v, (1 - level) / 2);
        double hi = quantile(v, (1 + level) / 2);
        return Optional.of(new Estimate(Math.min(Math.max(mean, lo), hi), lo, hi, level, v.length));
    }

    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    /** @return forecast calls started per minute for the next {@code minutes}, or null without history */
    private double[] forecast(String providerId, Instant now, int minutes) {
        Demand d = demand.get(providerId);
        if (d == null) {
            return null;
        }
        double[] history = d.series(now);
        Forecaster f = history.length >= 180 ? Forecasters.auto(60) : Forecasters.ses(1);
        double[] fc = f.point(history, minutes);
        for (int i = 0; i < fc.length; i++) {
            fc[i] = Math.max(0, fc[i]);
        }
        return fc;
    }

    @Override
    public synchronized Optional<Instant> predictQuotaExhaustion(String providerId, long remainingRequests,
                                                                 Instant now) {
        if (remainingRequests <= 0) {
            return Optional.of(now);
        }
        double[] fc = forecast(providerId, now, 24 * 60);
        if (fc == null) {
            return Optional.empty();
        }
        double sum = 0;
        for (int i = 0; i < fc.length; i++) {
            sum += fc[i];
            if (sum >= remainingRequests) {
                return Optional.of(now.plus(Duration.ofMinutes(i + 1)));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized ConcurrencyAdvice recommendConcurrency(String providerId, Instant now, int min, int max) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("need 1 <= min <= max but was " + min + ", " + max);
        }
        double[] fc = forecast(providerId, now, horizonMinutes);
        Ring r = providerDurations.get(providerId);
        if (fc == null || r == null) {
            return new ConcurrencyAdvice(providerId, max, "no history: the maximum, " + max);
        }
        double peak = Arrays.stream(fc).max().orElse(0);
        double mean = Arrays.stream(r.values()).average().orElse(0);
        int n = (int) Math.ceil(peak / 60.0 * mean / utilisation);
        int clamped = Math.max(min, Math.min(max, n));
        return new ConcurrencyAdvice(providerId, clamped, String.format(java.util.Locale.ROOT,
                "forecast peak %.1f calls/min x %.1f s mean / %.0f%% busy = %d%s", peak, mean, utilisation * 100, n,
                clamped != n ? ", clamped to " + clamped : ""));
    }

    /** Fail-fast builder. Not thread-safe. */
    public static final class Builder {
        private int samples = 200;
        private double level = 0.9;
        private int minSamples = 5;
        private int lookbackMinutes = 6 * 60;
        private int horizonMinutes = 15;
        private double utilisation = 0.8;

        private Builder() {
        }

        /** @param n latest calls kept per provider and type, 10 to 100,000 @return this builder */
        public Builder samples(int n) {
            if (n < 10 || n > 100_000) {
                throw new IllegalArgumentException("samples must be between 10 and 100000 but was " + n);
            }
            samples = n;
            return this;
        }

        /** @param level interval coverage, in (0, 1) @return this builder */
        public Builder level(double level) {
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("level must be in (0, 1) but was " + level);
            }
            this.level = level;
            return this;
        }

        /** @param n calls needed before predicting, at least 2 @return this builder */
        public Builder minSamples(int n) {
            if (n < 2) {
                throw new IllegalArgumentException("minSamples must be at least 2 but was " + n);
            }
            minSamples = n;
            return this;
        }

        /** @param d demand history kept, 10 minutes to 14 days @return this builder */
        public Builder lookback(Duration d) {
            long m = d.toMinutes();
            if (m < 10 || m > 14 * 24 * 60) {
                throw new IllegalArgumentException("lookback must be between 10 minutes and 14 days but was " + d);
            }
            lookbackMinutes = (int) m;
            return this;
        }

        /** @param d how far ahead concurrency is planned, 1 minute to 1 day @return this builder */
        public Builder horizon(Duration d) {
            long m = d.toMinutes();
            if (m < 1 || m > 24 * 60) {
                throw new IllegalArgumentException("horizon must be between 1 minute and 1 day but was " + d);
            }
            horizonMinutes = (int) m;
            return this;
        }

        /** @param u target busy share of each slot, in (0, 1] @return this builder */
        public Builder utilisation(double u) {
            if (!(u > 0 && u <= 1)) {
                throw new IllegalArgumentException("utilisation must be in (0, 1] but was " + u);
            }
            utilisation = u;
            return this;
        }

        /** @return the advisor */
        public ForecastingCapacityAdvisor build() {
            if (minSamples > samples) {
                throw new IllegalArgumentException("minSamples (" + minSamples + ") must not exceed samples ("
                        + samples + ")");
            }
            return new ForecastingCapacityAdvisor(this);
        }
    }
}
