package dev.supervisor.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ForecastersTest {
    private static double[] seasonal(int n, int m, double level, double slope, double noise, SplittableRandom r) {
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = level + slope * t + 10 * Math.sin(2 * Math.PI * (t % m) / m) + noise * gaussian(r);
        }
        return y;
    }

    static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    @Test
    void seasonalNaive_repeatsTheLastSeason() {
        double[] y = {1, 2, 3, 4, 5, 6};
        assertThat(Forecasters.seasonalNaive(3).point(y, 5)).containsExactly(4, 5, 6, 4, 5);
    }

    @Test
    void linearTrend_extendsAnExactLine() {
        double[] y = new double[50];
        for (int t = 0; t < 50; t++) {
            y[t] = 3 + 2 * t;
        }
        assertThat(Forecasters.linearTrend().point(y, 2)).containsExactly(new double[] {103, 105}, within(1e-9));
        assertThat(Forecasters.holt(1).point(y, 3)[2]).isCloseTo(107, within(0.5));
    }

    @Test
    void holtWinters_tracksTrendAndSeason() {
        SplittableRandom r = new SplittableRandom(7);
        double[] all = seasonal(24 * 20 + 48, 24, 100, 0.05, 0.5, r);
        double[] train = java.util.Arrays.copyOf(all, 24 * 20);
        for (Forecaster f : List.of(Forecasters.holtWinters(24, false), Forecasters.holtWinters(24, true))) {
            double[] fc = f.point(train, 48);
            double mae = 0;
            for (int i = 0; i < 48; i++) {
                mae += Math.abs(fc[i] - (100 + 0.05 * (480 + i) + 10 * Math.sin(2 * Math.PI * (i % 24) / 24)));
            }
            assertThat(mae / 48).as(f.name()).isLessThan(1.5);
        }
    }

    @Test
    void ensemble_prefersTheWeeklyPatternWhenThereIsOne() {
        SplittableRandom r = new SplittableRandom(11);
        double[] y = new double[168 * 6];
        for (int t = 0; t < y.length; t++) {
            int day = (t / 24) % 7;
            y[t] = 100 + (day >= 5 ? -40 : 0) + 10 * Math.sin(2 * Math.PI * (t % 24) / 24) + gaussian(r);
        }
        List<String> chosen = ((EnsembleForecaster) Forecasters.auto(24)).chosen(y, 48);
        assertThat(chosen.get(0)).startsWith("s").contains("168");
    }

    @Test
    void badInput_isRejectedWithTheReason() {
        assertThatThrownBy(() -> Forecasters.seasonalNaive(24).point(new double[10], 5))
                .hasMessageContaining("at least 25 observations");
        assertThatThrownBy(() -> Forecasters.naive().point(new double[] {1, Double.NaN}, 1))
                .hasMessageContaining("history[1] is not finite");
        assertThatThrownBy(() -> Forecasters.naive().point(new double[] {1, 2}, 0)).hasMessageContaining("horizon");
        assertThatThrownBy(() -> Forecasters.seasonalNaive(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Forecasters.holtWinters(4, true).point(new double[] {1, 2, 3, 0, 1, 2, 3, 4, 5, 6}, 2))
                .hasMessageContaining("positive");
    }

    @Test
    void intervals_haveHonestCoverage_onSimulatedSeries() {
        long seed = System.nanoTime();
        System.out.println("coverage seed=" + seed);
        SplittableRandom r = new SplittableRandom(seed);
        int inside = 0;
        int total = 0;
        int insideSes = 0;
        int totalSes = 0;
        for (int s = 0; s < 300; s++) {
            // Fixed daily pattern plus iid noise: seasonal naive errors have variance 2σ² within the first season.
            double[] all = seasonal(24 * 10 + 24, 24, 50, 0, 2, r);
            double[] train = java.util.Arrays.copyOf(all, 240);
            Forecast f = Forecasters.seasonalNaive(24).forecast(train, 24);
            for (int i = 0; i < 24; i++) {
                inside += all[240 + i] >= f.lower()[i] && all[240 + i] <= f.upper()[i] ? 1 : 0;
                total++;
            }
            // Local level (random walk plus noise): SES intervals.
            double[] rw = new double[210];
            double level = 100;
            for (int t = 0; t < rw.length; t++) {
                level += 0.5 * gaussian(r);
                rw[t] = level + gaussian(r);
            }
            Forecast g = Forecasters.ses(1).forecast(java.util.Arrays.copyOf(rw, 200), 10);
            for (int i = 0; i < 10; i++) {
                insideSes += rw[200 + i] >= g.lower()[i] && rw[200 + i] <= g.upper()[i] ? 1 : 0;
                totalSes++;
            }
        }
        assertThat((double) inside / total).as("seasonal naive 95%% coverage").isBetween(0.92, 0.98);
        assertThat((double) insideSes / totalSes).as("SES 95%% coverage").isBetween(0.90, 0.985);
    }
}
