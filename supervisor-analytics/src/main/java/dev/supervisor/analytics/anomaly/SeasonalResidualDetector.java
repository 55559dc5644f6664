package dev.supervisor.analytics.anomaly;

import dev.supervisor.analytics.anomaly.internal.Ring;
import dev.supervisor.analytics.anomaly.internal.Stats;

/**
 * Learns the period from the first {@code learn} points by autocorrelation (the highest peak between lag 2 and
 * learn/3 that clears 0.3, else no season), then scores the residual from the mean of the same phase in the last
 * three periods with an exponentially weighted z-score. Until the period is known it behaves like an EWMA detector;
 * when it becomes known, the residual statistics are seeded from the learning prefix (so scoring does not start from
 * an empty, near-zero variance).
 */
public final class SeasonalResidualDetector extends BandedDetector {
    private final int learn;
    private final double[] head;
    private int seen;
    private int period;
    private Ring history;
    private double resMean;
    private double resVar;
    private long n;
    private final AnomalyDetector warmup = new Detectors.Ewma(0.05, 3);

    /** @param learn points used to find the period (≥ 30) */
    SeasonalResidualDetector(int learn) {
        this.learn = learn;
        this.head = new double[learn];
    }

    @Override
    public String name() {
        return "seasonal";
    }

    /** @return the detected period, 0 while learning, 1 if none */
    public int period() {
        return period;
    }

    @Override
    public double update(long t, double v) {
        if (!Double.isFinite(v)) {
            return 0;
        }
        if (period == 0) {
            head[seen++] = v;
            double s = warmup.update(t, v);
            if (seen == learn) {
                period = findPeriod(head);
                history = new Ring(Math.max(1, period) * 3 + 1);
                for (double x : head) {
                    if (history.size() > Math.max(1, period)) {
                        // Seed the residual statistics from the learning prefix, so that scoring does not start
                        // from an empty (near-zero) variance when the period becomes known.
                        learnResidual(x - expectation());
                    }
                    history.add(x);
                }
            }
            return s;
        }
        double exp = expectation();
        double r = v - exp;
        double sd = Math.sqrt(resVar);
        expected = exp + resMean;
        band = 3 * sd;
        double score = n < 10 || sd == 0 ? 0 : Stats.twoSided((r - resMean) / sd);
        learnResidual(r);
        history.add(v);
        return score;
    }

    private void learnResidual(double r) {
        // Running mean while few residuals are known, then exponentially weighted (alpha 0.02).
        double a = Math.max(0.02, 1.0 / (n + 1));
        double d = r - resMean;
        resMean += a * d;
        resVar = (1 - a) * (resVar + a * d * d);
        n++;
    }

    private double expectation() {
        int size = history.size();
        if (period <= 1) {
            return history.last();
        }
        double s = 0;
        int c = 0;
        for (int k = 1; k <= 3; k++) {
            int idx = size - k * period;
            if (idx >= 0) {
                s += history.get(idx);
                c++;
            }
        }
        return c == 0 ? history.last() : s / c;
    }

    static int findPeriod(double[] x) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double denom = 0;
        for (double v : x) {
            denom += (v - mean) * (v - mean);
        }
        if (denom == 0) {
            return 1;
        }
        int best = 1;
        double bestR = 0.3;
        double prev = 1;
        for (int lag = 2; lag <= n / 2; lag++) {
            double s = 0;
            for (int t = 0; t + lag < n; t++) {
                s += (x[t] - mean) * (x[t + lag] - mean);
            }
            double r = s / denom;
            // A peak: higher than the lag before it and than anything chosen so far.
            if (r > bestR && r >= prev) {
                bestR = r;
                best = lag;
            }
            prev = r;
        }
        return best;
    }
}
