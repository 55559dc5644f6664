package dev.supervisor.analytics.forecast.internal;

/**
 * Exponential smoothing fitted by minimising the in-sample one-step squared error: SES, Holt (optionally damped)
 * and the classic Theta method. Parameters are searched on a coarse grid and refined by golden-section steps,
 * which is fast and robust on the short, noisy series this runs on.
 */
public final class Smoothing {
    private static final double PHI_MAX = 0.98;

    private Smoothing() {
    }

    /** Fitted state: forecasts need only these. */
    public record Fit(double level, double trend, double alpha, double beta, double phi, double sse, int n) {
        /** @return the h-step forecast (h ≥ 1) */
        public double at(int h) {
            double damp = 0;
            double p = 1;
            for (int i = 1; i <= h; i++) {
                p *= phi;
                damp += p;
            }
            return level + damp * trend;
        }

        /** @return the residual standard deviation */
        public double sigma() {
            return Math.sqrt(sse / Math.max(1, n - 1));
        }
    }

    /** @return SES fit (no trend) */
    public static Fit ses(double[] y) {
        double[] best = {Double.MAX_VALUE, 0.5};
        for (double a = 0.05; a < 1; a += 0.1) {
            double s = sse(y, a, 0, 0, false);
            if (s < best[0]) {
                best[0] = s;
                best[1] = a;
            }
        }
        double lo = Math.max(1e-4, best[1] - 0.1);
        double hi = Math.min(0.9999, best[1] + 0.1);
        double a = golden(lo, hi, v -> sse(y, v, 0, 0, false));
        return run(y, a, 0, 0, false);
    }

    /**
     * @param y the series
     * @param damped damp the trend (φ searched in [0.8, 0.98])
     * @return Holt fit
     */
    public static Fit holt(double[] y, boolean damped) {
        double bestS = Double.MAX_VALUE;
        double ba = 0.3;
        double bb = 0.05;
        double bp = damped ? 0.9 : 1;
        double[] phis = damped ? new double[] {0.8, 0.85, 0.9, 0.95, PHI_MAX} : new double[] {1};
        for (double a = 0.05; a < 1; a += 0.15) {
            for (double b : new double[] {0.001, 0.01, 0.05, 0.1, 0.2}) {
                if (b > a) {
                    continue;
                }
                for (double p : phis) {
                    double s = sse(y, a, b, p, true);
                    if (s < bestS) {
                        bestS = s;
                        ba = a;
                        bb = b;
                        bp = p;
                    }
                }
            }
        }
        double fb = bb;
        double fp = bp;
        double a = golden(Math.max(1e-4, ba - 0.15), Math.min(0.9999, ba + 0.15), v -> sse(y, v, fb, fp, true));
        return run(y, a, bb, bp, true);
    }

    private static double sse(double[] y, double alpha, double beta, double phi, boolean trend) {
        return run(y, alpha, beta, phi, trend).sse;
    }

    private static Fit run(double[] y, double alpha, double beta, double phi, boolean trend) {
        double l = y[0];
        double b = trend && y.length > 1 ? y[1] - y[0] : 0;
        double p = trend ? phi : 0;
        double sse = 0;
        for (int t = 1; t < y.length; t++) {
            double f = l + p * b;
            double e = y[t] - f;
            sse += e * e;
            double nl = f + alpha * e;
            if (trend) {
                b = p * b + beta * (nl - l - p * b);
            }
            l = nl;
        }
        return new Fit(l, trend ? b : 0, alpha, beta, trend ? phi : 0, sse, y.length);
    }

    /**
     * Classic Theta (M4 benchmark): half the linear-regression line plus half SES of the theta-2 line.
     *
     * @param y the (deseasonalised) series
     * @param h horizon
     * @return point forecasts
     */
    public static double[] theta(double[] y, int h) {
        int n = y.length;
        double[] lr = linear(y);
        double[] theta2 = new double[n];
        for (int t = 0; t < n; t++) {
            theta2[t] = 2 * y[t] - (lr[0] + lr[1] * (t + 1));
        }
        Fit s = ses(theta2);
        double[] out = new double[h];
        for (int i = 0; i < h; i++) {
            out[i] = 0.5 * s.level + 0.5 * (lr[0] + lr[1] * (n + i + 1));
        }
        return out;
    }

    /** @return {intercept, slope} of least squares on t = 1..n */
    public static double[] linear(double[] y) {
        int n = y.length;
        double mt = (n + 1) / 2.0;
        double my = 0;
        for (double v : y) {
            my += v;
        }
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int t = 0; t < n; t++) {
            double dt = t + 1 - mt;
            sxy += dt * (y[t] - my);
            sxx += dt * dt;
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        return new double[] {my - slope * mt, slope};
    }

    /** Golden-section minimum of f on [lo, hi]. */
    static double golden(double lo, double hi, java.util.function.DoubleUnaryOperator f) {
        double g = (Math.sqrt(5) - 1) / 2;
        double a = lo;
        double b = hi;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        double fc = f.applyAsDouble(c);
        double fd = f.applyAsDouble(d);
        for (int i = 0; i < 20; i++) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - g * (b - a);
                fc = f.applyAsDouble(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + g * (b - a);
                fd = f.applyAsDouble(d);
            }
        }
        return (a + b) / 2;
    }
}
