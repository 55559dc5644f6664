package dev.supervisor.benchmarks.analytics;

import dev.supervisor.analytics.nab.NabCorpusScores;
import dev.supervisor.analytics.nab.NabFile;
import dev.supervisor.analytics.nab.NabProfile;
import dev.supervisor.analytics.nab.NabScorer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Held-out NAB scores: the threshold is swept on some files and the score measured on the others, so that a figure
 * says how the detector and its one global threshold do on files that chose nothing.
 *
 * <ul>
 *   <li>Leave one category out: each category is scored at the threshold swept on the other categories; the raw
 *       scores of the held-out categories are summed and normalised over all windows.</li>
 *   <li>Split halves: files are shuffled within each category and dealt into two halves; each half is scored at the
 *       threshold swept on the other; the normalised score over both held-out halves is averaged over repeats.</li>
 * </ul>
 */
final class NabValidation {
    private NabValidation() {
    }

    /**
     * A held-out figure.
     *
     * @param normalized normalised score of the held-out parts together
     * @param spread standard deviation over repeats (0 for leave-one-category-out)
     * @param thresholds threshold chosen for each held-out part, by part name
     * @param found windows found at those thresholds
     * @param falsePositives false-positive rows at those thresholds
     */
    record Held(double normalized, double spread, Map<String, Double> thresholds, int found, int falsePositives) {
    }

    /** @return every category's held-out score at the threshold swept on the other categories */
    static Held leaveOneCategoryOut(NabCorpusScores s, NabProfile p) {
        Set<String> cats = new java.util.TreeSet<>();
        s.files().forEach(f -> cats.add(f.category()));
        Map<String, Double> thresholds = new TreeMap<>();
        double raw = 0;
        int scored = 0;
        int all = 0;
        int found = 0;
        int fp = 0;
        for (String c : cats) {
            double theta = s.sweep(f -> !f.category().equals(c)).threshold();
            NabScorer.Sweep held = s.at(f -> f.category().equals(c), theta);
            thresholds.put(c, theta);
            raw += held.raw();
            found += held.found();
            fp += held.falsePositives();
            all += held.windows();
            scored += scoredWindows(s.files(), f -> f.category().equals(c));
        }
        return new Held(NabScorer.normalize(raw, scored, all, p), 0, thresholds, found, fp);
    }

    /** @return the mean over {@code repeats} random stratified halvings of the held-out score of both halves */
    static Held splitHalves(NabCorpusScores s, NabProfile p, int repeats, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double sum = 0;
        double sumSq = 0;
        Map<String, Double> thresholds = new TreeMap<>();
        int found = 0;
        int fp = 0;
        for (int k = 0; k < repeats; k++) {
            Set<String> half = half(s.files(), r);
            double raw = 0;
            int windows = 0;
            int scored = 0;
            for (boolean side : new boolean[] {true, false}) {
                double theta = s.sweep(f -> half.contains(f.name()) != side).threshold();
                NabScorer.Sweep held = s.at(f -> half.contains(f.name()) == side, theta);
                raw += held.raw();
                windows += held.windows();
                scored += scoredWindows(s.files(), f -> half.contains(f.name()) == side);
                found += held.found();
                fp += held.falsePositives();
                thresholds.put("repeat " + k + (side ? " a" : " b"), theta);
            }
            double n = NabScorer.normalize(raw, scored, windows, p);
            sum += n;
            sumSq += n * n;
        }
        double mean = sum / repeats;
        double sd = Math.sqrt(Math.max(0, sumSq / repeats - mean * mean));
        return new Held(mean, sd, thresholds, found / repeats, fp / repeats);
    }

    /** Shuffles each category's files and puts every other one into the returned half. */
    private static Set<String> half(List<NabFile> files, SplittableRandom r) {
        Map<String, List<String>> byCat = new TreeMap<>();
        files.forEach(f -> byCat.computeIfAbsent(f.category(), c -> new ArrayList<>()).add(f.name()));
        Set<String> half = new HashSet<>();
        boolean first = r.nextBoolean();
        for (List<String> names : byCat.values()) {
            for (int i = names.size() - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                names.set(i, names.set(j, names.get(i)));
            }
            for (int i = 0; i < names.size(); i++) {
                // Alternate which half gets the odd file out, so the halves stay about equal in size.
                if ((i % 2 == 0) == first) {
                    half.add(names.get(i));
                }
            }
            first = names.size() % 2 == 0 ? first : !first;
        }
        return half;
    }

    private static int scoredWindows(List<NabFile> files, java.util.function.Predicate<NabFile> include) {
        int n = 0;
        for (NabFile f : files) {
            if (include.test(f)) {
                for (int[] w : f.windows()) {
                    n += w[1] >= f.probation() ? 1 : 0;
                }
            }
        }
        return n;
    }
}
