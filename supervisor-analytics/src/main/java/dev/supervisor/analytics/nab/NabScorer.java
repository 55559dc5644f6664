package dev.supervisor.analytics.nab;

import java.util.Arrays;
import java.util.List;

/**
 * NAB's scoring rules (see the dataset README and {@code nab/sweeper.py}): probation, windows rewarding only their
 * earliest detection through a scaled sigmoid, every false positive penalised by its distance from the last window,
 * one global threshold swept over all files, and normalisation between the null and the perfect detector.
 *
 * <p>A window that lies wholly inside the probationary period has no scored row: like NAB, the scorer counts it
 * neither as found nor as missed (the null detector is not charged for it), while the perfect score still counts
 * every window.
 */
public final class NabScorer {
    private NabScorer() {
    }

    /**
     * One file at one threshold.
     *
     * @param file the file
     * @param score raw score
     * @param tp detected rows inside windows
     * @param tn undetected rows outside windows
     * @param fp detected rows outside windows
     * @param fn undetected rows inside windows
     * @param windows windows with at least one scored row (after probation)
     * @param found those of them with a detection
     */
    public record FileResult(String file, double score, int tp, int tn, int fp, int fn, int windows, int found) {
    }

    /**
     * The best global threshold of a sweep.
     *
     * @param threshold the chosen θ (1.1 = no detections)
     * @param raw corpus raw score at θ
     * @param normalized 100·(raw − null)/(perfect − null)
     * @param windows number of windows (all of them, as in the perfect score)
     * @param found windows with a detection at θ
     * @param falsePositives detected rows outside windows at θ
     */
    public record Sweep(double threshold, double raw, double normalized, int windows, int found, int falsePositives) {
    }

    /** NAB's sigmoid: 2/(1+e^(5y)) − 1, and −1 from y = 3 on. */
    static double sigmoid(double y) {
        return y >= 3 ? -1 : 2 / (1 + Math.exp(5 * y)) - 1;
    }

    /** Per-row values of a file under a profile: window index (or −1) and the row's contribution if detected. */
    static final class Rows {
        final int probation;
        final int[] window;
        final double[] value;
        /** Windows with a row at or after the probation, i.e. that can be found or missed. */
        final int scored;

        Rows(NabFile f, NabProfile p) {
            int n = f.values().length;
            probation = f.probation();
            window = new int[n];
            value = new double[n];
            Arrays.fill(window, -1);
            double scale = sigmoid(-1);
            int next = 0;
            int[] ended = null;
            for (int i = 0; i < n; i++) {
                while (next < f.windows().size() && f.windows().get(next)[1] < i) {
                    ended = f.windows().get(next);
                    next++;
                }
                int[] w = next < f.windows().size() ? f.windows().get(next) : null;
                if (w != null && i >= w[0] && i <= w[1]) {
                    int width = w[1] - w[0] + 1;
                    window[i] = next;
                    value[i] = p.tpWeight() * sigmoid(-(double) (w[1] - i + 1) / width) / scale;
                } else if (ended == null) {
                    value[i] = -p.fpWeight();
                } else {
                    int width = ended[1] - ended[0] + 1;
                    value[i] = p.fpWeight() * sigmoid((double) (i - ended[1]) / (width - 1));
                }
            }
            int s = 0;
            for (int[] w : f.windows()) {
                s += w[1] >= probation ? 1 : 0;
            }
            scored = s;
        }

        boolean scored(NabFile f, int w) {
            return f.windows().get(w)[1] >= probation;
        }
    }

    /**
     * @param f the file
     * @param scores the detector's score per row
     * @param threshold detection when score ≥ θ
     * @param p the profile
     * @return the file's raw score and row counts
     */
    public static FileResult score(NabFile f, double[] scores, double threshold, NabProfile p) {
        check(f, scores);
        Rows rows = new Rows(f, p);
        int windows = f.windows().size();
        double[] best = new double[windows];
        boolean[] hit = new boolean[windows];
        double total = 0;
        int tp = 0;
        int tn = 0;
        int fp = 0;
        int fn = 0;
        for (int i = rows.probation; i < scores.length; i++) {
            boolean det = scores[i] >= threshold;
            int w = rows.window[i];
            if (w >= 0) {
                if (det) {
                    tp++;
                    if (!hit[w]) {
                        hit[w] = true;
                        best[w] = rows.value[i];
                    }
                } else {
                    fn++;
                }
            } else if (det) {
                fp++;
                total += rows.value[i];
            } else {
                tn++;
            }
        }
        int found = 0;
        for (int w = 0; w < windows; w++) {
            if (rows.scored(f, w)) {
                total += hit[w] ? best[w] : -p.fnWeight();
                found += hit[w] ? 1 : 0;
            }
        }
        return new FileResult(f.name(), total, tp, tn, fp, fn, rows.scored, found);
    }

    /**
     * Sweeps one global threshold over every distinct score (plus 1.1) and keeps the best corpus raw score.
     *
     * @param files the corpus
     * @param scores the detector's scores, one array per file in the same order
     * @param p the profile
     * @return the best threshold and its normalised score
     */
    public static Sweep sweep(List<NabFile> files, List<double[]> scores, NabProfile p) {
        return NabCorpusScores.of(files, scores, p).sweep(f -> true);
    }

    /**
     * @param raw a corpus raw score
     * @param windows windows in the corpus (none of them inside a probationary period)
     * @param p the profile
     * @return 100·(raw − raw_null)/(raw_perfect − raw_null)
     */
    public static double normalize(double raw, int windows, NabProfile p) {
        return normalize(raw, windows, windows, p);
    }

    /**
     * @param raw a corpus raw score
     * @param scoredWindows windows with a row after the probationary period (the null detector misses these)
     * @param allWindows all windows (the perfect detector finds these)
     * @param p the profile
     * @return 100·(raw − raw_null)/(raw_perfect − raw_null), as NAB's runner normalises
     */
    public static double normalize(double raw, int scoredWindows, int allWindows, NabProfile p) {
        double nul = -p.fnWeight() * scoredWindows;
        double perfect = p.tpWeight() * allWindows;
        return 100 * (raw - nul) / (perfect - nul);
    }

    private static void check(NabFile f, double[] scores) {
        if (scores.length != f.values().length) {
            throw new IllegalArgumentException(f.name() + ": " + scores.length + " scores for " + f.values().length
                    + " rows");
        }
    }
}
