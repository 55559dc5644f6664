package dev.supervisor.benchmarks.analytics;

import dev.supervisor.analytics.anomaly.AnomalyDetector;
import dev.supervisor.analytics.anomaly.AnomalyDetectors;
import dev.supervisor.analytics.anomaly.EnsembleConfig;
import dev.supervisor.analytics.nab.NabCorpus;
import dev.supervisor.analytics.nab.NabCorpusScores;
import dev.supervisor.analytics.nab.NabFile;
import dev.supervisor.analytics.nab.NabProfile;
import dev.supervisor.analytics.nab.NabScorer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * How the ensemble's settings were chosen: a small grid of {@link EnsembleConfig}s, each scored by leave one
 * category out (threshold swept on four categories, score measured on the fifth), and the whole choice checked by
 * nested cross-validation: for each category, the setting is chosen by leave-one-out over the other four alone and
 * then scored on it, so that the nested figure includes the optimism of choosing.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.supervisor.benchmarks.analytics.NabTuning ../shared/datasets/nab \
 *     [levelshift]
 * </pre>
 */
public final class NabTuning {
    private NabTuning() {
    }

    /** @return the level-shift statistic grid (the rest as shipped), by label */
    static Map<String, EnsembleConfig> levelShiftGrid() {
        Map<String, EnsembleConfig> g = new LinkedHashMap<>();
        g.put("mean of 6", EnsembleConfig.builder().members(() -> List.of(AnomalyDetectors.mad(200),
                AnomalyDetectors.levelShift(6, 2000, false), AnomalyDetectors.timeOfDay(24, true))).build());
        for (int recent : new int[] {6, 8, 10, 12}) {
            g.put("trimmed mean of " + recent, EnsembleConfig.builder().members(() -> List.of(
                    AnomalyDetectors.mad(200), AnomalyDetectors.levelShift(recent, 2000),
                    AnomalyDetectors.timeOfDay(24, true))).build());
        }
        return g;
    }

    /** @return the main grid, by label */
    static Map<String, EnsembleConfig> grid() {
        Map<String, EnsembleConfig> g = new LinkedHashMap<>();
        Map<String, Supplier<List<AnomalyDetector>>> members = new LinkedHashMap<>();
        members.put("mad+ls+tod", () -> List.of(AnomalyDetectors.mad(200), AnomalyDetectors.levelShift(8, 2000),
                AnomalyDetectors.timeOfDay(24, true)));
        members.put("+ewma+seasonal", () -> List.of(AnomalyDetectors.ewma(0.05, 3), AnomalyDetectors.mad(100),
                AnomalyDetectors.levelShift(8, 2000), AnomalyDetectors.seasonal(),
                AnomalyDetectors.timeOfDay(24, true)));
        for (Map.Entry<String, Supplier<List<AnomalyDetector>>> m : members.entrySet()) {
            for (int refractory : new int[] {50, 100, 200}) {
                for (double alarm : new double[] {0.6, 0.65, 0.7}) {
                    for (double tol : new double[] {0.03, 0.05, 0.08}) {
                        g.put(String.format("%s refractory %d alarm %.2f range %.2f", m.getKey(), refractory, alarm,
                                tol), EnsembleConfig.builder().members(m.getValue()).refractory(refractory)
                                .alarmLevel(alarm).rangeTolerance(tol).build());
                    }
                }
            }
        }
        return g;
    }

    /** Raw held-out score of leaving each of {@code cats} out in turn, thresholds swept on the rest of cats. */
    static double leaveOneOut(NabCorpusScores s, List<String> cats) {
        double raw = 0;
        for (String c : cats) {
            double theta = s.sweep(f -> cats.contains(f.category()) && !f.category().equals(c)).threshold();
            raw += s.at(f -> f.category().equals(c), theta).raw();
        }
        return raw;
    }

    /** @param args the NAB directory, then {@code levelshift} for the level-shift grid instead of the main one */
    public static void main(String[] args) throws Exception {
        List<NabFile> files = NabCorpus.load(Path.of(args.length > 0 ? args[0] : "../shared/datasets/nab"));
        List<long[]> times = NabHarness.times(files);
        List<String> cats = NabHarness.categories(files);
        Map<String, EnsembleConfig> grid = args.length > 1 && args[1].equals("levelshift") ? levelShiftGrid() : grid();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Map<String, Future<List<double[]>>> jobs = new LinkedHashMap<>();
        grid.forEach((k, c) -> jobs.put(k, pool.submit(() -> NabHarness.scores(files, times,
                () -> AnomalyDetectors.ensemble(c)))));
        for (NabProfile p : NabProfile.all()) {
            Map<String, NabCorpusScores> scored = new LinkedHashMap<>();
            for (Map.Entry<String, Future<List<double[]>>> j : jobs.entrySet()) {
                scored.put(j.getKey(), NabCorpusScores.of(files, j.getValue().get(), p));
            }
            System.out.println("== " + p.name());
            String best = null;
            double bestRaw = Double.NEGATIVE_INFINITY;
            for (Map.Entry<String, NabCorpusScores> e : scored.entrySet()) {
                double raw = leaveOneOut(e.getValue(), cats);
                NabScorer.Sweep in = e.getValue().sweep(f -> true);
                System.out.printf("  %-52s in-sample %6.2f  leave-one-category-out %6.2f%n", e.getKey(),
                        in.normalized(), NabScorer.normalize(raw, in.windows(), p));
                if (raw > bestRaw) {
                    bestRaw = raw;
                    best = e.getKey();
                }
            }
            // Nested: each outer category's setting is chosen on the other four only.
            double nested = 0;
            int windows = 0;
            for (String c : cats) {
                List<String> inner = new ArrayList<>(cats);
                inner.remove(c);
                String choice = null;
                double choiceRaw = Double.NEGATIVE_INFINITY;
                for (Map.Entry<String, NabCorpusScores> e : scored.entrySet()) {
                    double raw = leaveOneOut(e.getValue(), inner);
                    if (raw > choiceRaw) {
                        choiceRaw = raw;
                        choice = e.getKey();
                    }
                }
                NabCorpusScores s = scored.get(choice);
                double theta = s.sweep(f -> !f.category().equals(c)).threshold();
                NabScorer.Sweep held = s.at(f -> f.category().equals(c), theta);
                nested += held.raw();
                windows += held.windows();
                System.out.printf("  outer %-22s chose %-52s θ %.4f  raw %7.2f%n", c, choice, theta, held.raw());
            }
            System.out.printf("  best by leave-one-category-out: %s; nested held-out score %.2f%n", best,
                    NabScorer.normalize(nested, windows, p));
        }
        pool.shutdown();
    }
}
