package dev.supervisor.analytics.forecast;

import dev.supervisor.analytics.forecast.internal.HoltWinters;
import dev.supervisor.analytics.forecast.internal.Seasonality;
import dev.supervisor.analytics.forecast.internal.Smoothing;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in forecasters. Intervals are 95% and come from the in-sample one-step residual spread with each
 * method's textbook growth over the horizon; the ensemble's come from its members.
 */
public final class Forecasters {
    static final double Z95 = 1.959964;

    private Forecasters() {
    }

    /** @return the last value repeated */
    public static Forecaster naive() {
        return new Simple("naive", (y, h, out) -> {
            double sigma = sigma(y, 1);
            for (int i = 0; i < h; i++) {
                out.set(i, y[y.length - 1], sigma * Math.sqrt(i + 1));
            }
        }, 2);
    }

    /**
     * @param m season length
     * @return the last season repeated
     */
    public static Forecaster seasonalNaive(int m) {
        positive(m);
        return new Simple("snaive" + m, (y, h, out) -> {
            double sigma = sigma(y, m);
            for (int i = 0; i < h; i++) {
                out.set(i, y[y.length - m + (i % m)], sigma * Math.sqrt(i / m + 1));
            }
        }, m + 1);
    }

    /**
     * @param m season length
     * @param seasons how many past seasons to average, ≥ 2
     * @return the mean of the last {@code seasons} values at the same phase (a smoothed seasonal naive)
     */
    public static Forecaster seasonalMean(int m, int seasons) {
        positive(m);
        if (seasons < 2) {
            throw new IllegalArgumentException("seasons must be at least 2 but was " + seasons);
        }
        return new Simple("smean" + m + "x" + seasons, (y, h, out) -> {
            int n = y.length;
            double sigma = sigma(y, m) * Math.sqrt((1 + 1.0 / seasons) / 2);
            for (int i = 0; i < h; i++) {
                double s = 0;
                for (int k = 0; k < seasons; k++) {
                    s += y[n - m * (k + 1) + (i % m)];
                }
                out.set(i, s / seasons, sigma * Math.sqrt(i / m + 1));
            }
        }, m * seasons);
    }

    /**
     * @param m season length
     * @return M4's Naive2: last value of the seasonally adjusted series, re-seasonalised (classical
     *         multiplicative decomposition when the seasonality test passes)
     */
    public static Forecaster naive2(int m) {
        return deseasonalised("naive2", m, (d, h) -> {
            double[] f = new double[h];
            java.util.Arrays.fill(f, d[d.length - 1]);
            return new double[][] {f, growth(sigma(d, 1), h, 1.0)};
        });
    }

    /** @param m season length (1 for none) @return SES on the seasonally adjusted series */
    public static Forecaster ses(int m) {
        return deseasonalised("ses", m, (d, h) -> {
            Smoothing.Fit fit = Smoothing.ses(d);
            double[] f = new double[h];
            double[] w = new double[h];
            for (int i = 0; i < h; i++) {
                f[i] = fit.at(i + 1);
                w[i] = fit.sigma() * Math.sqrt(1 + fit.alpha() * fit.alpha() * i);
            }
            return new double[][] {f, w};
        });
    }

    /** @param m season length (1 for none) @return Holt's linear trend on the seasonally adjusted series */
    public static Forecaster holt(int m) {
        return holtLike("holt", m, false);
    }

    /** @param m season length (1 for none) @return damped-trend Holt on the seasonally adjusted series */
    public static Forecaster dampedTrend(int m) {
        return holtLike("damped", m, true);
    }

    private static Forecaster holtLike(String name, int m, boolean damped) {
        return deseasonalised(name, m, (d, h) -> {
            Smoothing.Fit fit = Smoothing.holt(d, damped);
            double[] f = new double[h];
            for (int i = 0; i < h; i++) {
                f[i] = fit.at(i + 1);
            }
            return new double[][] {f, growth(fit.sigma(), h, 1.0)};
        });
    }

    /** @param m season length (1 for none) @return the classic Theta method on the seasonally adjusted series */
    public static Forecaster theta(int m) {
        return deseasonalised("theta", m, (d, h) -> new double[][] {Smoothing.theta(d, h),
                growth(sigma(d, 1), h, 0.5)});
    }

    /** @return a least-squares line through the history, extended */
    public static Forecaster linearTrend() {
        return new Simple("linear", (y, h, out) -> {
            double[] lr = Smoothing.linear(y);
            double ss = 0;
            for (int t = 0; t < y.length; t++) {
                double e = y[t] - (lr[0] + lr[1] * (t + 1));
                ss += e * e;
            }
            double sigma = Math.sqrt(ss / Math.max(1, y.length - 2));
            for (int i = 0; i < h; i++) {
                out.set(i, lr[0] + lr[1] * (y.length + i + 1), sigma);
            }
        }, 3);
    }

    /**
     * @param m season length
     * @param multiplicative multiplicative seasonality (for positive data); additive otherwise
     * @return Holt–Winters with a damped trend
     */
    public static Forecaster holtWinters(int m, boolean multiplicative) {
        positive(m);
        HoltWinters hw = new HoltWinters(m, multiplicative);
        return new Simple((multiplicative ? "hwm" : "hwa") + m, (y, h, out) -> {
            if (multiplicative && min(y) <= 0) {
                throw new IllegalArgumentException("multiplicative Holt-Winters needs positive data");
            }
            HoltWinters.Fit fit = hw.fit(y);
            for (int i = 0; i < h; i++) {
                out.set(i, fit.at(i + 1), fit.sigma() * Math.sqrt(1 + i * 0.1));
            }
        }, 2 * m + 2);
    }

    /**
     * The default for a period: an ensemble over seasonal naive (daily and, when the history allows, weekly for
     * hourly data), seasonal means, Holt–Winters and Theta, weighted per series by back-tests.
     *
     * @param m season length
     * @return the ensemble
     */
    public static Forecaster auto(int m) {
        List<Forecaster> members = new ArrayList<>(List.of(seasonalNaive(m), seasonalMean(m, 3), seasonalMean(m, 7),
                holtWinters(m, false), holtWinters(m, true), theta(m)));
        if (m == 24) {
            members.add(seasonalNaive(168));
            members.add(seasonalMean(168, 2));
        }
        return EnsembleForecaster.builder(m).members(members).build();
    }

    /* ---- helpers ---- */

    interface Body {
        void fill(double[] y, int h, Out out);
    }

    /** Collects point and half-width per step. */
    static final class Out {
        final double[] mean;
        final double[] half;

        Out(int h) {
            mean = new double[h];
            half = new double[h];
        }

        void set(int i, double value, double sigma) {
            mean[i] = value;
            half[i] = Z95 * sigma;
        }
    }

    /** A forecaster from a body and a minimum history length. */
    static final class Simple implements Forecaster {
        private final String name;
        private final Body body;
        private final int minLength;

        Simple(String name, Body body, int minLength) {
            this.name = name;
            this.body = body;
            this.minLength = minLength;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Forecast forecast(double[] history, int horizon) {
            check(history, horizon, minLength, name);
            Out out = new Out(horizon);
            body.fill(history, horizon, out);
            double[] lo = new double[horizon];
            double[] hi = new double[horizon];
            for (int i = 0; i < horizon; i++) {
                lo[i] = out.mean[i] - out.half[i];
                hi[i] = out.mean[i] + out.half[i];
            }
            return new Forecast(name, out.mean, lo, hi, 0.95);
        }

        @Override
        public double[] point(double[] history, int horizon) {
            check(history, horizon, minLength, name);
            Out out = new Out(horizon);
            body.fill(history, horizon, out);
            return out.mean;
        }
    }

    interface Deseasonalised {
        /** @return {points, sigmas} on the adjusted scale */
        double[][] apply(double[] adjusted, int h);
    }

    /** Runs {@code inner} on the M4-style seasonally adjusted series and multiplies the indices back. */
    static Forecaster deseasonalised(String name, int m, Deseasonalised inner) {
        positive(m);
        String full = m > 1 ? name + m : name;
        return new Simple(full, (y, h, out) -> {
            double[] idx = null;
            double[] d = y;
            if (m > 1 && Seasonality.isSeasonal(y, m) && min(y) > 0) {
                idx = Seasonality.multiplicativeIndices(y, m);
                d = new double[y.length];
                for (int t = 0; t < y.length; t++) {
                    d[t] = y[t] / idx[t % m];
                }
            }
            double[][] r = inner.apply(d, h);
            for (int i = 0; i < h; i++) {
                double s = idx == null ? 1 : idx[(y.length + i) % m];
                out.set(i, r[0][i] * s, r[1][i] * s);
            }
        }, 3);
    }

    static double[] growth(double sigma, int h, double rate) {
        double[] w = new double[h];
        for (int i = 0; i < h; i++) {
            w[i] = sigma * Math.sqrt(1 + rate * i);
        }
        return w;
    }

    /** Spread of lag-{@code lag} differences: the one-step residual scale of a (seasonal) naive model. */
    static double sigma(double[] y, int lag) {
        int n = y.length - lag;
        if (n < 2) {
            return 0;
        }
        double ss = 0;
        for (int t = lag; t < y.length; t++) {
            double e = y[t] - y[t - lag];
            ss += e * e;
        }
        return Math.sqrt(ss / n);
    }

    static double min(double[] y) {
        double m = Double.MAX_VALUE;
        for (double v : y) {
            m = Math.min(m, v);
        }
        return m;
    }

    static void positive(int m) {
        if (m < 1) {
            throw new IllegalArgumentException("season length must be at least 1 but was " + m);
        }
    }

    static void check(double[] history, int horizon, int minLength, String name) {
        if (history == null || history.length < minLength) {
            throw new IllegalArgumentException(name + " needs at least " + minLength + " observations but got "
                    + (history == null ? 0 : history.length));
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1 but was " + horizon);
        }
        for (int i = 0; i < history.length; i++) {
            if (!Double.isFinite(history[i])) {
                throw new IllegalArgumentException("history[" + i + "] is not finite: " + history[i]);
            }
        }
    }
}
