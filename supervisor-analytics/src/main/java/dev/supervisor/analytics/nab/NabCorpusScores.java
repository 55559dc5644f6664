package dev.supervisor.analytics.nab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A detector's scores over a corpus under one profile, with the scored rows of every file pooled and sorted once, so
 * that the threshold sweep and the score at a given threshold can be computed for any subset of the files in one
 * linear pass: choose a threshold on some files and measure it on the others (cross-validation) without sorting
 * again.
 */
public final class NabCorpusScores {
    private final List<NabFile> files;
    private final NabProfile profile;
    private final List<NabScorer.Rows> rows = new ArrayList<>();
    private final int[] windowBase;
    private final double[] key;
    private final int[] file;
    private final int[] row;

    private NabCorpusScores(List<NabFile> files, List<double[]> scores, NabProfile profile) {
        this.files = List.copyOf(files);
        this.profile = Objects.requireNonNull(profile, "profile");
        if (scores.size() != files.size()) {
            throw new IllegalArgumentException(scores.size() + " score arrays for " + files.size() + " files");
        }
        windowBase = new int[files.size()];
        int count = 0;
        int base = 0;
        for (int k = 0; k < files.size(); k++) {
            NabFile f = files.get(k);
            double[] s = scores.get(k);
            if (s.length != f.values().length) {
                throw new IllegalArgumentException(f.name() + ": " + s.length + " scores for " + f.values().length
                        + " rows");
            }
            NabScorer.Rows r = new NabScorer.Rows(f, profile);
            rows.add(r);
            windowBase[k] = base;
            base += f.windows().size();
            count += s.length - r.probation;
        }
        double[] k0 = new double[count];
        int[] f0 = new int[count];
        int[] r0 = new int[count];
        int c = 0;
        for (int k = 0; k < files.size(); k++) {
            double[] s = scores.get(k);
            for (int i = rows.get(k).probation; i < s.length; i++) {
                k0[c] = s[i];
                f0[c] = k;
                r0[c] = i;
                c++;
            }
        }
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        // Highest score first; ties keep file and row order (the sweep treats a tie as one threshold anyway).
        Arrays.sort(order, (a, b) -> Double.compare(k0[b], k0[a]));
        key = new double[count];
        file = new int[count];
        row = new int[count];
        for (int i = 0; i < count; i++) {
            key[i] = k0[order[i]];
            file[i] = f0[order[i]];
            row[i] = r0[order[i]];
        }
    }

    /**
     * @param files the corpus
     * @param scores the detector's score per row, one array per file in the same order
     * @param profile the cost profile
     * @return the pooled, sorted scores
     * @throws IllegalArgumentException if an array's length differs from its file's row count
     */
    public static NabCorpusScores of(List<NabFile> files, List<double[]> scores, NabProfile profile) {
        return new NabCorpusScores(files, scores, profile);
    }

    /** @return the files, in the order given */
    public List<NabFile> files() {
        return files;
    }

    /**
     * @param include which files take part
     * @return the threshold with the best raw score over those files (NAB's sweep) and that score
     */
    public NabScorer.Sweep sweep(Predicate<NabFile> include) {
        return walk(include, Double.NaN);
    }

    /**
     * @param include which files take part
     * @param threshold detection when score ≥ θ
     * @return the raw and normalised score of those files at that threshold
     */
    public NabScorer.Sweep at(Predicate<NabFile> include, double threshold) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must be a number but was NaN");
        }
        return walk(include, threshold);
    }

    /** Adds rows from the highest score down; with a NaN threshold keeps the best total, else stops below it. */
    private NabScorer.Sweep walk(Predicate<NabFile> include, double threshold) {
        boolean[] in = new boolean[files.size()];
        int allWindows = 0;
        int scoredWindows = 0;
        for (int k = 0; k < files.size(); k++) {
            in[k] = include.test(files.get(k));
            if (in[k]) {
                allWindows += files.get(k).windows().size();
                scoredWindows += rows.get(k).scored;
            }
        }
        int totalWindows = windowBase.length == 0 ? 0
                : windowBase[files.size() - 1] + files.get(files.size() - 1).windows().size();
        int[] earliest = new int[totalWindows];
        double[] contrib = new double[totalWindows];
        Arrays.fill(earliest, Integer.MAX_VALUE);
        Arrays.fill(contrib, -profile.fnWeight());
        double total = -profile.fnWeight() * scoredWindows;
        boolean sweep = Double.isNaN(threshold);
        double bestTotal = total;
        double bestTheta = sweep ? 1.1 : threshold;
        int found = 0;
        int fp = 0;
        int bestFound = 0;
        int bestFp = 0;
        int i = 0;
        while (i < key.length) {
            double theta = key[i];
            if (!sweep && theta < threshold) {
                break;
            }
            for (; i < key.length && key[i] == theta; i++) {
                int k = file[i];
                if (!in[k]) {
                    continue;
                }
                NabScorer.Rows r = rows.get(k);
                int w = r.window[row[i]];
                if (w < 0) {
                    total += r.value[row[i]];
                    fp++;
                } else if (row[i] < earliest[windowBase[k] + w]) {
                    int g = windowBase[k] + w;
                    found += earliest[g] == Integer.MAX_VALUE ? 1 : 0;
                    total += r.value[row[i]] - contrib[g];
                    earliest[g] = row[i];
                    contrib[g] = r.value[row[i]];
                }
            }
            if (!sweep || total > bestTotal) {
                bestTotal = total;
                bestTheta = sweep ? theta : threshold;
                bestFound = found;
                bestFp = fp;
            }
        }
        return new NabScorer.Sweep(bestTheta, bestTotal, NabScorer.normalize(bestTotal, scoredWindows, allWindows,
                profile), allWindows, bestFound, bestFp);
    }
}
