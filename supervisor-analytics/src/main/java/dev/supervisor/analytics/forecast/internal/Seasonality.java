package dev.supervisor.analytics.forecast.internal;

/**
 * Seasonality test and classical multiplicative decomposition, computed exactly as the M4 organisers' R code
 * ({@code acf}, {@code decompose(type = "multiplicative")}) so that Naive2 reproduces the official figures.
 */
public final class Seasonality {
    private Seasonality() {
    }

    /** @return sample autocorrelations r_1..r_maxLag (index 0 is r_1), as R's {@code acf} */
    public static double[] acf(double[] x, int maxLag) {
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
        double[] r = new double[maxLag];
        for (int k = 1; k <= maxLag; k++) {
            double s = 0;
            for (int t = 0; t + k < n; t++) {
                s += (x[t] - mean) * (x[t + k] - mean);
            }
            r[k - 1] = denom == 0 ? 0 : s / denom;
        }
        return r;
    }

    /**
     * The M4 test: seasonal if n ≥ 3m and |r_m| > 1.645·sqrt((1 + 2·Σ_{k<m} r_k²) / n).
     *
     * @param x the series
     * @param m the period
     * @return true if seasonal at period m
     */
    public static boolean isSeasonal(double[] x, int m) {
        if (m <= 1 || x.length < 3 * m) {
            return false;
        }
        double[] r = acf(x, m);
        double sum = 1;
        for (int k = 0; k < m - 1; k++) {
            sum += 2 * r[k] * r[k];
        }
        double limit = 1.645 / Math.sqrt(x.length) * Math.sqrt(sum);
        return Math.abs(r[m - 1]) > limit;
    }

    /**
     * Multiplicative seasonal indices by R's {@code decompose}: centred moving average (2×m for even m), ratio to
     * trend, mean per position (position 0 = the first observation), normalised to mean 1.
     *
     * @param x the series, at least 2m long
     * @param m the period
     * @return m indices; index of observation t is {@code result[t % m]}
     */
    public static double[] multiplicativeIndices(double[] x, int m) {
        int n = x.length;
        double[] filter = new double[m % 2 == 0 ? m + 1 : m];
        if (m % 2 == 0) {
            filter[0] = 0.5 / m;
            filter[m] = 0.5 / m;
            for (int i = 1; i < m; i++) {
                filter[i] = 1.0 / m;
            }
        } else {
            for (int i = 0; i < m; i++) {
                filter[i] = 1.0 / m;
            }
        }
        int half = filter.length / 2;
        double[] sum = new double[m];
        int[] count = new int[m];
        for (int t = half; t < n - half; t++) {
            double trend = 0;
            for (int j = 0; j < filter.length; j++) {
                trend += filter[j] * x[t - half + j];
            }
            sum[t % m] += x[t] / trend;
            count[t % m]++;
        }
        double[] idx = new double[m];
        double mean = 0;
        for (int p = 0; p < m; p++) {
            idx[p] = sum[p] / count[p];
            mean += idx[p];
        }
        mean /= m;
        for (int p = 0; p < m; p++) {
            idx[p] /= mean;
        }
        return idx;
    }
}
