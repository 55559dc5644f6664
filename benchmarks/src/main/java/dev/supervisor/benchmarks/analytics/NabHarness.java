package dev.supervisor.benchmarks.analytics;

import dev.supervisor.analytics.anomaly.AnomalyDetector;
import dev.supervisor.analytics.anomaly.AnomalyDetectors;
import dev.supervisor.analytics.nab.NabCorpus;
import dev.supervisor.analytics.nab.NabCorpusScores;
import dev.supervisor.analytics.nab.NabFile;
import dev.supervisor.analytics.nab.NabProfile;
import dev.supervisor.analytics.nab.NabScorer;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Runs detectors over a NAB-format directory and prints, per profile, the in-sample score at the threshold swept on
 * all files (NAB's protocol), the held-out scores of {@link NabValidation}, and the standard score per category.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.supervisor.benchmarks.analytics.NabHarness \
 *     ../shared/datasets/nab [ensemble|zscore|mad|ewma|seasonal|published:numenta|published:windowedGaussian …]
 * </pre>
 */
public final class NabHarness {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private NabHarness() {
    }

    /** @return each file's rows as epoch milliseconds (UTC), in file order */
    static List<long[]> times(List<NabFile> files) {
        List<long[]> out = new ArrayList<>();
        for (NabFile f : files) {
            long[] t = new long[f.values().length];
            for (int i = 0; i < t.length; i++) {
                t[i] = LocalDateTime.parse(f.timestamps().get(i), TS).toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            out.add(t);
        }
        return out;
    }

    /** @return a fresh detector's score per row of each file, fed in file order */
    static List<double[]> scores(List<NabFile> files, List<long[]> times, Supplier<AnomalyDetector> detector) {
        List<double[]> out = new ArrayList<>();
        for (int k = 0; k < files.size(); k++) {
            AnomalyDetector d = detector.get();
            double[] v = files.get(k).values();
            long[] t = times.get(k);
            double[] s = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                s[i] = d.update(t[i], v[i]);
            }
            out.add(s);
        }
        return out;
    }

    /** @param name a detector name @return a supplier of fresh detectors */
    static Supplier<AnomalyDetector> byName(String name) {
        return switch (name) {
            case "ensemble" -> AnomalyDetectors::defaultEnsemble;
            case "zscore" -> () -> AnomalyDetectors.zScore(100);
            case "mad" -> () -> AnomalyDetectors.mad(100);
            case "ewma" -> () -> AnomalyDetectors.ewma(0.05, 3);
            case "seasonal" -> AnomalyDetectors::seasonal;
            default -> throw new IllegalArgumentException("unknown detector " + name);
        };
    }

    /** Prints the in-sample, held-out and per-category figures of one detector's scores. */
    static void report(String name, List<NabFile> files, List<double[]> scores, double detectSeconds) {
        long t0 = System.nanoTime();
        System.out.printf("%s (detection %.2f s)%n", name, detectSeconds);
        System.out.printf("  %-20s %9s %10s %7s %5s | %9s %-34s | %s%n", "profile", "in-sample", "threshold",
                "found", "FP", "held-out", "(leave one category out: θ per fold)", "split halves x20");
        Map<String, Double> standardTheta = new TreeMap<>();
        NabCorpusScores standard = null;
        for (NabProfile p : NabProfile.all()) {
            NabCorpusScores s = NabCorpusScores.of(files, scores, p);
            NabScorer.Sweep in = s.sweep(f -> true);
            NabValidation.Held loco = NabValidation.leaveOneCategoryOut(s, p);
            NabValidation.Held halves = NabValidation.splitHalves(s, p, 20, 20261207L);
            StringBuilder thetas = new StringBuilder();
            loco.thresholds().values().forEach(v -> thetas.append(String.format("%.3f ", v)));
            System.out.printf("  %-20s %9.2f %10.4f %3d/%-3d %5d | %9.2f %-34s | %.2f ± %.2f%n", p.name(),
                    in.normalized(), in.threshold(), in.found(), in.windows(), in.falsePositives(), loco.normalized(),
                    thetas.toString().trim(), halves.normalized(), halves.spread());
            if (p.equals(NabProfile.STANDARD)) {
                standard = s;
                standardTheta.put("all", in.threshold());
            }
        }
        StringBuilder cats = new StringBuilder("  standard by category:");
        for (String c : categories(files)) {
            NabScorer.Sweep at = standard.at(f -> f.category().equals(c), standardTheta.get("all"));
            cats.append(String.format(" %s %.1f (%d/%d, %d FP);", c, at.windows() == 0 ? at.raw() : at.normalized(),
                    at.found(), at.windows(), at.falsePositives()));
        }
        System.out.println(cats);
        System.out.printf("  scoring %.2f s%n", (System.nanoTime() - t0) / 1e9);
    }

    static List<String> categories(List<NabFile> files) {
        return files.stream().map(NabFile::category).distinct().sorted().toList();
    }

    /** @param args data directory, then detector names (default: ensemble) */
    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/datasets/nab");
        List<NabFile> files = NabCorpus.load(root);
        List<long[]> times = times(files);
        List<String> names = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("ensemble");
        for (String n : names) {
            long t0 = System.nanoTime();
            List<double[]> scores = new ArrayList<>();
            if (n.startsWith("published:")) {
                // A published detector's scores, from the data set's fidelity files (numenta, windowedGaussian).
                String det = n.substring("published:".length());
                files.forEach(f -> scores.add(NabCorpus.column(root.resolve("fidelity/" + det), f.name(),
                        "anomaly_score")));
            } else {
                scores.addAll(scores(files, times, byName(n)));
            }
            report(n, files, scores, (System.nanoTime() - t0) / 1e9);
        }
    }
}
