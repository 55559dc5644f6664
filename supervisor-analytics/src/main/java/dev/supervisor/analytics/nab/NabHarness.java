package dev.supervisor.analytics.nab;

import dev.supervisor.analytics.anomaly.AnomalyDetector;
import dev.supervisor.analytics.anomaly.AnomalyDetectors;
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
 * Runs a detector over a NAB-format directory and prints the three normalised profile scores, each at its own
 * swept global threshold, and the standard score per category.
 *
 * <pre>
 * java -cp … dev.supervisor.analytics.nab.NabHarness ../shared/datasets/nab [ensemble|zscore|mad|ewma|seasonal]
 * </pre>
 */
public final class NabHarness {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * Scores of one run.
     *
     * @param profiles normalised score per profile name
     * @param thresholds swept threshold per profile name
     * @param categories standard normalised score per category (at the standard threshold)
     * @param seconds time to run the detector and score
     */
    public record Result(Map<String, Double> profiles, Map<String, Double> thresholds, Map<String, Double> categories,
                         double seconds) {
    }

    private NabHarness() {
    }

    /**
     * @param files the corpus
     * @param detector a fresh detector per file
     * @return the scores
     */
    public static Result run(List<NabFile> files, Supplier<AnomalyDetector> detector) {
        long t0 = System.nanoTime();
        List<double[]> scores = new ArrayList<>();
        for (NabFile f : files) {
            scores.add(scores(f, detector.get()));
        }
        Map<String, Double> profiles = new TreeMap<>();
        Map<String, Double> thresholds = new TreeMap<>();
        for (NabProfile p : NabProfile.all()) {
            NabScorer.Sweep s = NabScorer.sweep(files, scores, p);
            profiles.put(p.name(), s.normalized());
            thresholds.put(p.name(), s.threshold());
        }
        double theta = thresholds.get(NabProfile.STANDARD.name());
        Map<String, double[]> cat = new TreeMap<>();
        for (int i = 0; i < files.size(); i++) {
            NabFile f = files.get(i);
            double raw = NabScorer.score(f, scores.get(i), theta, NabProfile.STANDARD).score();
            double[] acc = cat.computeIfAbsent(f.category(), k -> new double[2]);
            acc[0] += raw;
            acc[1] += f.windows().size();
        }
        Map<String, Double> categories = new TreeMap<>();
        cat.forEach((k, v) -> categories.put(k, v[1] == 0 ? v[0] : NabScorer.normalize(v[0], (int) v[1],
                NabProfile.STANDARD)));
        return new Result(profiles, thresholds, categories, (System.nanoTime() - t0) / 1e9);
    }

    /** @return the detector's score per row, fed in file order */
    static double[] scores(NabFile f, AnomalyDetector d) {
        double[] out = new double[f.values().length];
        for (int i = 0; i < out.length; i++) {
            long t = LocalDateTime.parse(f.timestamps().get(i), TS).toInstant(ZoneOffset.UTC).toEpochMilli();
            out[i] = d.update(t, f.values()[i]);
        }
        return out;
    }

    /** @param name a detector name @return a supplier of fresh detectors */
    public static Supplier<AnomalyDetector> byName(String name) {
        return switch (name) {
            case "ensemble" -> AnomalyDetectors::defaultEnsemble;
            case "zscore" -> () -> AnomalyDetectors.zScore(100);
            case "mad" -> () -> AnomalyDetectors.mad(100);
            case "ewma" -> () -> AnomalyDetectors.ewma(0.05, 3);
            case "seasonal" -> AnomalyDetectors::seasonal;
            default -> throw new IllegalArgumentException("unknown detector " + name);
        };
    }

    /** @param args data directory, detector names */
    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/datasets/nab");
        List<NabFile> files = NabCorpus.load(root);
        List<String> names = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("ensemble");
        for (String n : names) {
            Result r = run(files, byName(n));
            System.out.printf("%-10s standard %6.2f  low FP %6.2f  low FN %6.2f  (%.2f s)%n", n,
                    r.profiles().get("standard"), r.profiles().get("reward_low_FP_rate"),
                    r.profiles().get("reward_low_FN_rate"), r.seconds());
            r.categories().forEach((c, s) -> System.out.printf("    %-22s %7.2f%n", c, s));
        }
    }
}
