package dev.supervisor.analytics.anomaly;

import dev.supervisor.analytics.anomaly.internal.SortedWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Seasonal hybrid ESD (as in Twitter's AnomalyDetection), for batch use over a window of history: remove the
 * per-phase median (the seasonal part) and the overall median, then run Rosner's generalised ESD test on the
 * residuals with median and MAD in place of mean and standard deviation.
 */
public final class ShEsd {
    private ShEsd() {
    }

    /**
     * @param x the series
     * @param period season length (1 for none)
     * @param maxAnomalies the largest share of points that may be anomalous, in (0, 0.5]
     * @param alpha significance level, e.g. 0.05
     * @return indices of anomalous points, ascending
     */
    public static List<Integer> detect(double[] x, int period, double maxAnomalies, double alpha) {
        if (x == null || x.length < 3) {
            throw new IllegalArgumentException("S-H-ESD needs at least 3 points");
        }
        if (period < 1 || period > x.length / 2 && period != 1) {
            throw new IllegalArgumentException("period must be between 1 and n/2 but was " + period);
        }
        if (!(maxAnomalies > 0 && maxAnomalies <= 0.5)) {
            throw new IllegalArgumentException("maxAnomalies must be in (0, 0.5] but was " + maxAnomalies);
        }
        int n = x.length;
        double[] resid = new double[n];
        double[] seasonal = new double[Math.max(1, period)];
        for (int p = 0; p < period; p++) {
            List<Double> phase = new ArrayList<>();
            for (int t = p; t < n; t += period) {
                phase.add(x[t]);
            }
            seasonal[p] = median(phase.stream().mapToDouble(Double::doubleValue).toArray());
        }
        for (int t = 0; t < n; t++) {
            resid[t] = x[t] - seasonal[t % period];
        }
        double med = median(resid.clone());
        for (int t = 0; t < n; t++) {
            resid[t] -= med;
        }
        int k = Math.max(1, (int) Math.floor(n * maxAnomalies));
        boolean[] removed = new boolean[n];
        List<Integer> candidates = new ArrayList<>();
        int found = 0;
        for (int i = 1; i <= k; i++) {
            SortedWindow w = new SortedWindow(n);
            for (int t = 0; t < n; t++) {
                if (!removed[t]) {
                    w.add(resid[t]);
                }
            }
            double m = w.median();
            double mad = 1.4826 * w.mad();
            if (mad == 0) {
                break;
            }
            int worst = -1;
            double r = -1;
            for (int t = 0; t < n; t++) {
                if (!removed[t] && Math.abs(resid[t] - m) / mad > r) {
                    r = Math.abs(resid[t] - m) / mad;
                    worst = t;
                }
            }
            removed[worst] = true;
            candidates.add(worst);
            int left = n - i + 1;
            if (left < 3) {
                break;
            }
            double p = 1 - alpha / (2.0 * left);
            double tq = new TDistribution(left - 2).inverseCumulativeProbability(p);
            double lambda = (left - 1) * tq / Math.sqrt((left - 2 + tq * tq) * left);
            if (r > lambda) {
                found = i;
            }
        }
        List<Integer> out = new ArrayList<>(candidates.subList(0, found));
        out.sort(Integer::compare);
        return out;
    }

    private static double median(double[] v) {
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
}
