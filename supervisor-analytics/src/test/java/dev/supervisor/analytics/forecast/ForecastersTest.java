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
        List<String> chosen = ((EnsembleForecaster) Forecasters.auto(24, 168)).chosen(y, 48);
        // A member that models the week (seasonal naive or means over 168 hours, or adjusted for that cycle).
        assertThat(chosen.get(0)).contains("168");
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

    /* ---- calendar cycles and the ensemble ---- */

    @Test
    void nonIntegerCycle_yearlySeasonOfWeeklyData_isModelled() {
        SplittableRandom r = new SplittableRandom(21);
        double p = 365.25 / 7;
        double[] all = new double[520 + 13];
        for (int t = 0; t < all.length; t++) {
            all[t] = 100 * (1 + 0.3 * Math.sin(2 * Math.PI * t / p)) + gaussian(r);
        }
        double[] train = java.util.Arrays.copyOf(all, 520);
        double plain = 0;
        double yearly = 0;
        double[] a = Forecasters.theta(1).point(train, 13);
        double[] b = Forecasters.theta(p).point(train, 13);
        for (int i = 0; i < 13; i++) {
            plain += Math.abs(a[i] - all[520 + i]);
            yearly += Math.abs(b[i] - all[520 + i]);
        }
        assertThat(yearly).isLessThan(plain / 4);
        assertThat(Forecasters.theta(p).name()).isEqualTo("theta52.18");
    }

    @Test
    void ensemble_intervalsFromBacktests_coverAboutTheirLevel() {
        long seed = 20261207L;
        System.out.println("ensemble coverage seed=" + seed);
        SplittableRandom r = new SplittableRandom(seed);
        Forecaster auto = Forecasters.auto(12);
        int inside = 0;
        int total = 0;
        for (int s = 0; s < 120; s++) {
            // Local level with a monthly-style season: every member is plausible, none is exact.
            double[] y = new double[170];
            double level = 100;
            for (int t = 0; t < y.length; t++) {
                level += 0.8 * gaussian(r);
                y[t] = level + 5 * Math.sin(2 * Math.PI * t / 12) + gaussian(r);
            }
            Forecast f = auto.forecast(java.util.Arrays.copyOf(y, 160), 10);
            for (int i = 0; i < 10; i++) {
                inside += y[160 + i] >= f.lower()[i] && y[160 + i] <= f.upper()[i] ? 1 : 0;
                total++;
            }
        }
        assertThat((double) inside / total).isBetween(0.88, 0.99);
    }

    @Test
    void auto_badCycles_andBuilderOptionsSetTwice_areRejected() {
        assertThatThrownBy(() -> Forecasters.auto(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cycles").hasMessageContaining("1.5");
        assertThatThrownBy(() -> Forecasters.auto(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EnsembleForecaster.builder().origins(2).origins(3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("origins was already set to 2");
        assertThatThrownBy(() -> EnsembleForecaster.builder().top(0)).hasMessageContaining("top");
        assertThatThrownBy(() -> EnsembleForecaster.builder().build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void auto_anyFrequency_shortOrLongHistory_forecastsFiniteValuesWithOrderedBounds() {
        SplittableRandom r = new SplittableRandom(5);
        double[][] cycleSets = {{}, {4}, {12}, {365.25 / 7}, {7, 365.25}, {24, 168}};
        for (double[] cycles : cycleSets) {
            for (int n : new int[] {12, 40, 1200}) {
                double[] y = new double[n];
                for (int t = 0; t < n; t++) {
                    y[t] = 50 + 0.01 * t + 5 * Math.sin(2 * Math.PI * t / 7) + 3 * Math.sin(2 * Math.PI * t / 365.25)
                            + gaussian(r);
                }
                Forecast f = Forecasters.auto(cycles).forecast(y, 14);
                for (int i = 0; i < 14; i++) {
                    assertThat(f.mean()[i]).as("cycles %s, n %d", java.util.Arrays.toString(cycles), n).isFinite();
                    assertThat(f.lower()[i]).isLessThanOrEqualTo(f.mean()[i]);
                    assertThat(f.upper()[i]).isGreaterThanOrEqualTo(f.mean()[i]);
                }
            }
        }
    }
}
