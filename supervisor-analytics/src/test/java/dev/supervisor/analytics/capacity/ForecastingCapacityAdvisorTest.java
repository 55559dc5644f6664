package dev.supervisor.analytics.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.provider.ConcurrencyAdvice;
import dev.supervisor.api.provider.Estimate;
import dev.supervisor.api.provider.Money;
import dev.supervisor.api.provider.ProviderObservation;
import dev.supervisor.api.provider.TokenUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Prediction error on a simulated history (seeded): log-normal durations, Poisson demand with an hourly cycle. The
 * figures printed are the ones recorded in docs/providers.md.
 */
class ForecastingCapacityAdvisorTest {
    static final long SEED = 42L;
    static final double MU = Math.log(30);
    static final double SIGMA = 0.5;
    private final Instant t0 = Instant.parse("2026-03-02T00:00:00Z");

    static double rate(int minute) {
        return 20 + 10 * Math.sin(2 * Math.PI * minute / 60.0);
    }

    static int poisson(SplittableRandom r, double lambda) {
        double l = Math.exp(-lambda);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static double duration(SplittableRandom r) {
        double z = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
        return Math.exp(MU + SIGMA * z);
    }

    private ProviderObservation call(Instant at, double seconds) {
        return new ProviderObservation("p", TaskType.PR_REVIEW, at, Duration.ofMillis((long) (seconds * 1000)), true,
                TokenUsage.of(1000, 200), Money.of("0.006", "USD"));
    }

    /** Records {@code minutes} of Poisson demand at {@link #rate}; durations log-normal, or fixed if given. */
    private ForecastingCapacityAdvisor recorded(SplittableRandom r, int minutes, double fixedSeconds) {
        ForecastingCapacityAdvisor advisor = ForecastingCapacityAdvisor.builder().build();
        for (int m = 0; m < minutes; m++) {
            int n = poisson(r, rate(m));
            for (int i = 0; i < n; i++) {
                double seconds = fixedSeconds > 0 ? fixedSeconds : duration(r);
                advisor.record(call(t0.plusSeconds(m * 60L + r.nextInt(60)), seconds));
            }
        }
        return advisor;
    }

    @Test
    void simulatedHistory_predictionErrorsWithinBounds() {
        SplittableRandom r = new SplittableRandom(SEED);
        int history = 360;
        ForecastingCapacityAdvisor advisor = recorded(r, history, 0);
        Instant now = t0.plusSeconds(history * 60L);

        // durations: coverage of the 90% interval on fresh calls, error of the mean
        Estimate d = advisor.predictDuration("p", TaskType.PR_REVIEW).orElseThrow();
        int inside = 0;
        int fresh = 2000;
        for (int i = 0; i < fresh; i++) {
            double x = duration(r);
            inside += x >= d.lower() && x <= d.upper() ? 1 : 0;
        }
        double coverage = inside / (double) fresh;
        double trueMean = Math.exp(MU + SIGMA * SIGMA / 2);
        double meanError = Math.abs(d.expected() - trueMean) / trueMean;

        // demand: next 60 minutes against the true rate, next to a naive last-value forecast
        SplittableRandom future = new SplittableRandom(SEED + 1);
        int[] realised = new int[24 * 60];
        for (int m = 0; m < realised.length; m++) {
            realised[m] = poisson(future, rate(history + m));
        }
        double[] expectedPerMinute = new double[60];
        for (int m = 0; m < 60; m++) {
            expectedPerMinute[m] = rate(history + m);
        }
        // quota: 2,000 requests left; when does realised demand use them up?
        long remaining = 2000;
        int actualMinute = 0;
        long sum = 0;
        while (sum < remaining) {
            sum += realised[actualMinute++];
        }
        Instant predicted = advisor.predictQuotaExhaustion("p", remaining, now).orElseThrow();
        double exhaustionErrorMinutes = Math.abs(Duration.between(now, predicted).toMinutes() - actualMinute);

        ConcurrencyAdvice c = advisor.recommendConcurrency("p", now, 1, 100);
        double peak = 0;
        for (int m = 0; m < 15; m++) {
            peak = Math.max(peak, rate(history + m));
        }
        int ideal = (int) Math.ceil(peak / 60 * trueMean / 0.8);

        System.out.printf("capacity advisor, seed %d: duration 90%% interval coverage %.3f, mean error %.1f%%; "
                + "quota exhaustion predicted in %d min, actual %d min; concurrency %d (ideal %d): %s%n", SEED,
                coverage, meanError * 100, Duration.between(now, predicted).toMinutes(), actualMinute,
                c.concurrency(), ideal, c.reason());
        assertThat(coverage).isBetween(0.85, 0.95);
        assertThat(meanError).isLessThan(0.05);
        assertThat(exhaustionErrorMinutes).isLessThanOrEqualTo(5);
        assertThat(Math.abs(c.concurrency() - ideal)).isLessThanOrEqualTo(Math.max(1, ideal / 4));
    }

    @Test
    void demandForecast_beatsTheLastValueOnAnHourlyCycle() {
        int history = 360;
        ForecastingCapacityAdvisor advisor = recorded(new SplittableRandom(SEED), history, 30);
        // 15 minutes from the trough: the forecast must follow the rise the cycle brings
        Instant now = t0.plusSeconds(history * 60L);
        ConcurrencyAdvice c = advisor.recommendConcurrency("p", now, 1, 1000);
        double truePeak = 0;
        for (int m = 0; m < 15; m++) {
            truePeak = Math.max(truePeak, rate(history + m));
        }
        int ideal = (int) Math.ceil(truePeak / 60 * 30 / 0.8);
        assertThat(c.concurrency()).isBetween(ideal - 3, ideal + 3);
    }

    @Test
    void withoutHistory_noPredictionsAndTheMaximum() {
        ForecastingCapacityAdvisor advisor = ForecastingCapacityAdvisor.builder().build();
        assertThat(advisor.predictDuration("p", TaskType.BUG_FIX)).isEqualTo(Optional.empty());
        assertThat(advisor.predictQuotaExhaustion("p", 10, t0)).isEmpty();
        assertThat(advisor.recommendConcurrency("p", t0, 2, 6).concurrency()).isEqualTo(6);
        assertThatThrownBy(() -> ForecastingCapacityAdvisor.builder().level(1.0))
                .hasMessage("level must be in (0, 1) but was 1.0");
    }
}
