package dev.supervisor.analytics.forecast.internal;

/**
 * Holt–Winters with a damped trend and additive or multiplicative seasonality, fitted on a grid of smoothing
 * parameters by in-sample one-step squared error. State starts from the first two seasons.
 */
public final class HoltWinters {
    private static final double[] ALPHAS = {0.02, 0.05, 0.1, 0.2, 0.3, 0.45, 0.6, 0.8};
    private static final double[] BETAS = {0.0, 0.01, 0.05};
    private static final double[] GAMMAS = {0.01, 0.05, 0.1, 0.2, 0.35};
    private static final double[] PHIS = {0.9, 0.98};

    private final int m;
    private final boolean multiplicative;

    /** A fitted model: final level, trend and seasonal states. */
    public record Fit(double level, double trend, double phi, double[] season, int lastPos, boolean mult,
                      double sigma) {
        /** @return h-step forecast, h ≥ 1 */
        public double at(int h) {
            double damp = 0;
            double p = 1;
            for (int i = 1; i <= h; i++) {
                p *= phi;
                damp += p;
            }
            double s = season[(lastPos + h) % season.length];
            double base = level + damp * trend;
            return mult ? base * s : base + s;
        }
    }

    /**
     * @param m season length
     * @param multiplicative multiplicative seasonality (needs positive data)
     */
    public HoltWinters(int m, boolean multiplicative) {
        this.m = m;
        this.multiplicative = multiplicative;
    }

    /** @return the best fit over the parameter grid; the history needs at least 2m points */
    public Fit fit(double[] y) {
        double best = Double.MAX_VALUE;
        double[] p = null;
        for (double a : ALPHAS) {
            for (double b : BETAS) {
                for (double g : GAMMAS) {
                    for (double phi : PHIS) {
                        double s = run(y, a, b, g, phi, null);
                        if (s < best) {
                            best = s;
                            p = new double[] {a, b, g, phi};
                        }
                    }
                }
            }
        }
        Fit[] out = new Fit[1];
        run(y, p[0], p[1], p[2], p[3], out);
        return out[0];
    }

    private double run(double[] y, double alpha, double beta, double gamma, double phi, Fit[] out) {
        int n = y.length;
        double m1 = 0;
        double m2 = 0;
        for (int i = 0; i < m; i++) {
            m1 += y[i];
            m2 += y[i + m];
        }
        m1 /= m;
        m2 /= m;
        double l = m1;
        double b = (m2 - m1) / m;
        double[] s = new double[m];
        for (int i = 0; i < m; i++) {
            s[i] = multiplicative ? y[i] / m1 : y[i] - m1;
        }
        double sse = 0;
        for (int t = m; t < n; t++) {
            int pos = t % m;
            double base = l + phi * b;
            double f = multiplicative ? base * s[pos] : base + s[pos];
            double e = y[t] - f;
            sse += e * e;
            double nl;
            if (multiplicative) {
                nl = alpha * (y[t] / s[pos]) + (1 - alpha) * base;
                s[pos] = gamma * (y[t] / nl) + (1 - gamma) * s[pos];
            } else {
                nl = alpha * (y[t] - s[pos]) + (1 - alpha) * base;
                s[pos] = gamma * (y[t] - nl) + (1 - gamma) * s[pos];
            }
            b = beta * (nl - l) + (1 - beta) * phi * b;
            l = nl;
            if (!Double.isFinite(sse)) {
                return Double.MAX_VALUE;
            }
        }
        if (out != null) {
            out[0] = new Fit(l, b, phi, s, (n - 1) % m, multiplicative, Math.sqrt(sse / Math.max(1, n - m - 1)));
        }
        return sse;
    }
}
