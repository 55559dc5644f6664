package dev.supervisor.analytics.forecast.internal;

/**
 * Multiplicative seasonal adjustment for any period. An integer period uses the M4 organisers' classical
 * decomposition (so that Naive2 and the adjusted benchmarks reproduce their figures); a non-integer period (52.18
 * weeks or 365.25 days per year) uses a few Fourier harmonics fitted to the ratio of the series to its centred moving
 * average, since no whole number of steps makes a season. Both are applied only when the M4 autocorrelation test
 * finds the season (at the nearest whole lag) and the series is positive.
 */
public final class Adjustment {
    private final double period;
    private final int harmonics;

    /**
     * @param period season length in steps (1 for none)
     * @param harmonics Fourier harmonics for a non-integer period
     */
    public Adjustment(double period, int harmonics) {
        this.period = period;
        this.harmonics = harmonics;
    }

    /** @return true if the period is a whole number of steps */
    public boolean integral() {
        return Math.abs(period - Math.rint(period)) < 1e-9;
    }

    /**
     * @param y the series
     * @param h forecast steps
     * @return seasonal indices for steps 0..n+h−1, or null when the series is not adjusted
     */
    public double[] indices(double[] y, int h) {
        int lag = (int) Math.rint(period);
        if (lag <= 1 || !Seasonality.isSeasonal(y, lag) || min(y) <= 0) {
            return null;
        }
        int n = y.length;
        double[] out = new double[n + h];
        if (integral()) {
            double[] idx = Seasonality.multiplicativeIndices(y, lag);
            for (int t = 0; t < out.length; t++) {
                out[t] = idx[t % lag];
            }
            return out;
        }
        double[] ratio = ratioToTrend(y, lag);
        int k = Math.min(harmonics, (lag - 1) / 2);
        double[] beta = fourierFit(ratio, k);
        if (beta == null) {
            return null;
        }
        double mean = beta[0];
        for (int t = 0; t < out.length; t++) {
            out[t] = fourier(beta, t, k) / mean;
        }
        return out;
    }

    /** y over its centred moving average of the nearest whole length (NaN where the average is undefined). */
    private static double[] ratioToTrend(double[] y, int m) {
        int n = y.length;
        double[] r = new double[n];
        java.util.Arrays.fill(r, Double.NaN);
        int half = m / 2;
        for (int t = half; t < n - half; t++) {
            double s = 0;
            if (m % 2 == 0) {
                s += 0.5 * (y[t - half] + y[t + half]);
                for (int j = -half + 1; j < half; j++) {
                    s += y[t + j];
                }
            } else {
                for (int j = -half; j <= half; j++) {
                    s += y[t + j];
                }
            }
            r[t] = y[t] / (s / m);
        }
        return r;
    }

    private double fourier(double[] beta, int t, int k) {
        double v = beta[0];
        for (int j = 1; j <= k; j++) {
            double w = 2 * Math.PI * j * t / period;
            v += beta[2 * j - 1] * Math.cos(w) + beta[2 * j] * Math.sin(w);
        }
        return v;
    }

    /** Least squares of the defined ratios on 1, cos and sin of k harmonics; null if singular. */
    private double[] fourierFit(double[] r, int k) {
        int p = 2 * k + 1;
        double[][] a = new double[p][p + 1];
        double[] x = new double[p];
        for (int t = 0; t < r.length; t++) {
            if (Double.isNaN(r[t])) {
                continue;
            }
            x[0] = 1;
            for (int j = 1; j <= k; j++) {
                double w = 2 * Math.PI * j * t / period;
                x[2 * j - 1] = Math.cos(w);
                x[2 * j] = Math.sin(w);
            }
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    a[i][j] += x[i] * x[j];
                }
                a[i][p] += x[i] * r[t];
            }
        }
        return solve(a);
    }

    /** Gaussian elimination with partial pivoting on an augmented matrix; null if singular. */
    static double[] solve(double[][] a) {
        int p = a.length;
        for (int c = 0; c < p; c++) {
            int piv = c;
            for (int i = c + 1; i < p; i++) {
                if (Math.abs(a[i][c]) > Math.abs(a[piv][c])) {
                    piv = i;
                }
            }
            if (Math.abs(a[piv][c]) < 1e-12) {
                return null;
            }
            double[] tmp = a[c];
            a[c] = a[piv];
            a[piv] = tmp;
            for (int i = c + 1; i < p; i++) {
                double f = a[i][c] / a[c][c];
                for (int j = c; j <= p; j++) {
                    a[i][j] -= f * a[c][j];
                }
            }
        }
        double[] b = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = a[i][p];
            for (int j = i + 1; j < p; j++) {
                s -= a[i][j] * b[j];
            }
            b[i] = s / a[i][i];
        }
        return b;
    }

    private static double min(double[] y) {
        double m = Double.MAX_VALUE;
        for (double v : y) {
            m = Math.min(m, v);
        }
        return m;
    }
}
