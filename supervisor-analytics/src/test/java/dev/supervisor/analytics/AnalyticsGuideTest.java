package dev.supervisor.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.analytics.anomaly.AlarmProfile;
import dev.supervisor.analytics.anomaly.AnomalyDetector;
import dev.supervisor.analytics.anomaly.AnomalyDetectors;
import dev.supervisor.analytics.anomaly.AnomalyTracker;
import dev.supervisor.analytics.anomaly.AnomalyWindow;
import dev.supervisor.analytics.anomaly.EnsembleConfig;
import dev.supervisor.analytics.forecast.Forecast;
import dev.supervisor.analytics.forecast.Forecaster;
import dev.supervisor.analytics.forecast.Forecasters;
import dev.supervisor.analytics.metrics.MetricsCollector;
import dev.supervisor.analytics.metrics.TaskStats;
import dev.supervisor.analytics.nab.NabCorpus;
import dev.supervisor.analytics.nab.NabFile;
import dev.supervisor.analytics.nab.NabProfile;
import dev.supervisor.analytics.nab.NabScorer;
import dev.supervisor.analytics.series.Aggregation;
import dev.supervisor.analytics.series.MetricQuery;
import dev.supervisor.analytics.series.MetricStore;
import dev.supervisor.analytics.series.SeriesResult;
import dev.supervisor.api.event.TaskSucceeded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of docs/analytics.md, run as tests so that they cannot rot. */
class AnalyticsGuideTest {
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    /** Five-minute samples of a daily wave with noise; {@code spikeAt} (if ≥ 0) jumps by 50. */
    private static double[] latency(int n, int spikeAt) {
        SplittableRandom r = new SplittableRandom(7);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 100 + 20 * Math.sin(2 * Math.PI * t / 288) + 2 * r.nextDouble() + (t == spikeAt ? 50 : 0);
        }
        return y;
    }

    @Test
    void metrics_fromLifecycleEvents() {
        // tag::metrics[]
        MetricsCollector metrics = new MetricsCollector();
        // Register it as a listener of the engine's events; here two events are passed by hand.
        metrics.accept(new TaskSucceeded("run-1", "nightly", "lint", "lint", 1, "local", T0, Duration.ofMillis(800),
                0.0));
        metrics.accept(new TaskSucceeded("run-2", "nightly", "lint", "lint", 1, "local", T0, Duration.ofMillis(1200),
                0.0));
        TaskStats lint = metrics.snapshot().get(0);
        // lint.succeeded() == 2, lint.p50() and lint.p99() are latency percentiles, lint.failureRate() == 0
        // end::metrics[]
        assertThat(lint.succeeded()).isEqualTo(2);
        assertThat(lint.failureRate()).isZero();
    }

    @Test
    void timeSeries_queryWithStepAndGroups() {
        MetricStore store = MetricStore.withDefaults();
        Instant now = Instant.now();
        // tag::query[]
        store.record("latency_ms", Map.of("provider", "a"), now.minusSeconds(120), 180);
        store.record("latency_ms", Map.of("provider", "b"), now.minusSeconds(60), 95);
        List<SeriesResult> perProvider = store.query(MetricQuery.of("latency_ms", now.minusSeconds(3600), now)
                .step(Duration.ofMinutes(5)).aggregate(Aggregation.P95).groupBy("provider").build());
        // one SeriesResult per provider, each with one point per 5-minute step that has data
        // end::query[]
        assertThat(perProvider).hasSize(2);
    }

    @Test
    void anomalies_withTheDefaultEnsemble() {
        double[] values = latency(3000, 2500);
        // tag::detect[]
        AnomalyTracker tracker = AnomalyTracker.of(AnomalyDetectors.defaultEnsemble());
        List<AnomalyWindow> incidents = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            incidents.addAll(tracker.update(T0.plus(Duration.ofMinutes(5L * i)), values[i]));
        }
        tracker.flush().ifPresent(incidents::add);
        // each window: start, end, peak score and value, the expected value and band, the members that fired
        // end::detect[]
        assertThat(incidents).anySatisfy(w -> assertThat(w.start()).isEqualTo(T0.plus(Duration.ofMinutes(5L * 2500))));
    }

    @Test
    void anomalies_withAProfileAndOwnSettings() {
        // tag::profile[]
        AnomalyDetector detector = AnomalyDetectors.ensemble(EnsembleConfig.builder()
                .refractory(200)            // one alarm per incident over a longer stretch
                .rangeHorizon(20_000)       // remember extremes for longer
                .build());
        AnomalyTracker tracker = AnomalyTracker.builder(detector)
                .profile(AlarmProfile.FEWER_FALSE_ALARMS)
                .gap(Duration.ofMinutes(30))
                .build();
        // end::profile[]
        assertThat(tracker.threshold()).isEqualTo(detector.threshold(AlarmProfile.FEWER_FALSE_ALARMS));
    }

    @Test
    void forecast_hourlySeriesWithDailyAndWeeklyCycles() {
        double[] history = new double[24 * 7 * 4];
        for (int t = 0; t < history.length; t++) {
            history[t] = 50 + 10 * Math.sin(2 * Math.PI * t / 24) + ((t / 24) % 7 >= 5 ? -15 : 0);
        }
        // tag::forecast[]
        Forecaster forecaster = Forecasters.auto(24, 168);   // hourly data: days and weeks
        Forecast next = forecaster.forecast(history, 48);     // the next two days
        double[] mean = next.mean();                          // point forecasts
        double[] lower = next.lower();                        // 95% interval, from back-test errors
        double[] upper = next.upper();
        // Weekly data: Forecasters.auto(365.25 / 7); monthly: Forecasters.auto(12); yearly: Forecasters.auto()
        // end::forecast[]
        assertThat(mean).hasSize(48);
        for (int i = 0; i < 48; i++) {
            assertThat(lower[i]).isLessThanOrEqualTo(mean[i]);
            assertThat(upper[i]).isGreaterThanOrEqualTo(mean[i]);
        }
    }

    @Test
    void nab_scoreYourOwnLabelledData(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("data/mine"));
        Files.createDirectories(dir.resolve("labels"));
        java.time.format.DateTimeFormatter ts = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        java.time.LocalDateTime start = java.time.LocalDateTime.of(2026, 1, 5, 0, 0);
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        double[] v = latency(3000, 2500);
        for (int i = 0; i < v.length; i++) {
            csv.append(start.plusMinutes(5L * i).format(ts)).append(',').append(v[i]).append('\n');
        }
        Files.writeString(dir.resolve("data/mine/latency.csv"), csv);
        Files.writeString(dir.resolve("labels/combined_windows.json"), "{\"mine/latency.csv\": [[\""
                + start.plusMinutes(5L * 2450).format(ts) + ".000000\", \"" + start.plusMinutes(5L * 2560).format(ts)
                + ".000000\"]]}");
        // tag::nab[]
        List<NabFile> files = NabCorpus.load(dir);   // data/<category>/<file>.csv + labels/combined_windows.json
        List<double[]> scores = new ArrayList<>();
        for (NabFile f : files) {
            AnomalyDetector d = AnomalyDetectors.defaultEnsemble();
            double[] s = new double[f.values().length];
            for (int i = 0; i < s.length; i++) {
                s[i] = d.update(java.time.LocalDateTime.parse(f.timestamps().get(i).replace(' ', 'T'))
                        .toInstant(java.time.ZoneOffset.UTC).toEpochMilli(), f.values()[i]);
            }
            scores.add(s);
        }
        NabScorer.Sweep best = NabScorer.sweep(files, scores, NabProfile.STANDARD);
        // best.threshold(), best.normalized() (0 = no detections, 100 = perfect), best.found(), best.falsePositives()
        // end::nab[]
        assertThat(best.found()).isEqualTo(1);
        assertThat(best.normalized()).isGreaterThan(50);
    }
}
