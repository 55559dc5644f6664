package dev.supervisor.analytics.forecast;

import dev.supervisor.analytics.forecast.internal.Adjustment;

/** The plumbing behind {@link Forecasters}: a forecaster from a body, seasonal adjustment and input checks. */
final class Methods {
    static final double Z95 = 1.959964;
    /** Fourier harmonics of a non-integer season. */
    static final int HARMONICS = 4;

    private Methods() {
    }

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

    /**
     * Runs {@code inner} on the seasonally adjusted series (see {@link Adjustment}) and multiplies the indices back.
     */
    static Forecaster deseasonalised(String name, double period, Deseasonalised inner) {
        if (!(period >= 1)) {
            throw new IllegalArgumentException("season length must be at least 1 but was " + period);
        }
        Adjustment adjustment = new Adjustment(period, HARMONICS);
        String full = period <= 1 ? name : name + label(period);
        return new Simple(full, (y, h, out) -> {
            double[] idx = adjustment.indices(y, h);
            double[] d = y;
            if (idx != null) {
                d = new double[y.length];
                for (int t = 0; t < y.length; t++) {
                    d[t] = y[t] / idx[t];
                }
            }
            double[][] r = inner.apply(d, h);
            for (int i = 0; i < h; i++) {
                double s = idx == null ? 1 : idx[y.length + i];
                out.set(i, r[0][i] * s, r[1][i] * s);
            }
        }, 3);
    }

    /** @return 24 for 24.0, 52.18 for 365.25/7 */
    static String label(double period) {
        return Math.abs(period - Math.rint(period)) < 1e-9 ? Integer.toString((int) Math.rint(period))
                : String.format(java.util.Locale.ROOT, "%.2f", period);
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
