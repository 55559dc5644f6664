package dev.supervisor.analytics.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AnomalyDetectorsTest {
    private static final long STEP = 300_000;

    static double[] noisySine(int n, int period, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 100 + 10 * Math.sin(2 * Math.PI * t / period) + (r.nextDouble() - 0.5);
        }
        return y;
    }

    private static List<Supplier<AnomalyDetector>> all() {
        return List.of(() -> AnomalyDetectors.zScore(50), () -> AnomalyDetectors.mad(50),
                () -> AnomalyDetectors.ewma(0.1, 3), () -> AnomalyDetectors.movingAverageBand(50, 2),
                AnomalyDetectors::seasonal, AnomalyDetectors::defaultEnsemble);
    }

    @Test
    void everyDetector_isCausal_futureValuesNeverChangePastScores() {
        double[] a = noisySine(1500, 24, 1);
        double[] b = a.clone();
        for (int t = 1000; t < b.length; t++) {
            b[t] = t % 7 == 0 ? 1e6 : -b[t];
        }
        for (Supplier<AnomalyDetector> s : all()) {
            AnomalyDetector da = s.get();
            AnomalyDetector db = s.get();
            for (int t = 0; t < 1000; t++) {
                assertThat(db.update(t * STEP, b[t])).as(da.name() + " at " + t).isEqualTo(da.update(t * STEP, a[t]));
            }
        }
    }

    @Test
    void everyDetector_scoresInUnitInterval_andRanksASpikeAboveNormalPoints() {
        double[] y = noisySine(1500, 24, 2);
        y[1200] += 60;
        for (Supplier<AnomalyDetector> s : all()) {
            AnomalyDetector d = s.get();
            double spike = 0;
            double maxNormal = 0;
            for (int t = 0; t < y.length; t++) {
                double score = d.update(t * STEP, y[t]);
                assertThat(score).isBetween(0.0, 1.0);
                if (t == 1200) {
                    spike = score;
                } else if (t > 800 && t < 1190) {
                    maxNormal = Math.max(maxNormal, score);
                }
            }
            assertThat(spike).as(d.name()).isGreaterThan(maxNormal);
        }
    }

    @Test
    void tracker_oneSpike_isOneWindow_withExpectedValueAndBand() {
        double[] y = noisySine(2000, 24, 3);
        y[1500] += 80;
        AnomalyTracker tracker = AnomalyTracker.builder(AnomalyDetectors.mad(48)).threshold(0.999999)
                .gap(Duration.ofMinutes(30)).build();
        List<AnomalyWindow> windows = new ArrayList<>();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int t = 0; t < y.length; t++) {
            windows.addAll(tracker.update(t0.plusMillis(t * STEP), y[t]));
        }
        tracker.flush().ifPresent(windows::add);
        assertThat(windows).singleElement().satisfies(w -> {
            assertThat(w.start()).isEqualTo(t0.plusMillis(1500 * STEP));
            assertThat(w.severity()).isEqualTo(AnomalyWindow.Severity.HIGH);
            assertThat(w.peakValue()).isGreaterThan(w.upper());
            assertThat(w.expected()).isBetween(85.0, 115.0);
            assertThat(w.detectors()).containsExactly("mad");
        });
    }

    @Test
    void seasonal_findsThePeriod() {
        SeasonalResidualDetector d = (SeasonalResidualDetector) AnomalyDetectors.seasonal();
        double[] y = noisySine(1100, 24, 4);
        for (int t = 0; t < y.length; t++) {
            d.update(t * STEP, y[t]);
        }
        assertThat(d.period()).isEqualTo(24);
    }

    @Test
    void ensemble_reportsWhichMemberFired_forALevelShift() {
        double[] y = noisySine(3000, 24, 5);
        for (int t = 2500; t < y.length; t++) {
            y[t] += 40;
        }
        AnomalyTracker tracker = AnomalyTracker.builder(AnomalyDetectors.defaultEnsemble()).threshold(0.7)
                .gap(Duration.ofHours(2)).build();
        List<AnomalyWindow> windows = new ArrayList<>();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int t = 0; t < y.length; t++) {
            windows.addAll(tracker.update(t0.plusMillis(t * STEP), y[t]));
        }
        tracker.flush().ifPresent(windows::add);
        assertThat(windows).anySatisfy(w -> {
            assertThat(w.start()).isBetween(t0.plusMillis(2500 * STEP), t0.plusMillis(2510 * STEP));
            assertThat(w.detectors()).isNotEmpty();
        });
    }

    @Test
    void threshold_flagsOutsideTheBand() {
        AnomalyDetector d = AnomalyDetectors.threshold(0, 10);
        assertThat(d.update(0, 5)).isZero();
        assertThat(d.update(0, 11)).isEqualTo(1.0);
        assertThat(d.update(0, Double.NaN)).isZero();
    }

    @Test
    void shEsd_findsInjectedOutliers_andNoneInCleanData() {
        double[] y = noisySine(24 * 14, 24, 6);
        assertThat(ShEsd.detect(y, 24, 0.05, 0.05)).isEmpty();
        y[100] += 30;
        y[200] -= 25;
        assertThat(ShEsd.detect(y, 24, 0.05, 0.05)).containsExactly(100, 200);
    }

    @Test
    void badParameters_areRejected() {
        assertThatThrownBy(() -> AnomalyDetectors.zScore(5)).hasMessageContaining("window");
        assertThatThrownBy(() -> AnomalyDetectors.ewma(1.5, 3)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> AnomalyDetectors.threshold(5, 1)).hasMessageContaining("low");
        assertThatThrownBy(() -> AnomalyTracker.builder(AnomalyDetectors.mad(20)).threshold(0))
                .hasMessageContaining("threshold");
        assertThatThrownBy(() -> ShEsd.detect(new double[10], 24, 0.1, 0.05)).hasMessageContaining("period");
    }
}
