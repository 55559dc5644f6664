package dev.supervisor.analytics.forecast;

import static dev.supervisor.analytics.forecast.Methods.deseasonalised;
import static dev.supervisor.analytics.forecast.Methods.growth;
import static dev.supervisor.analytics.forecast.Methods.min;
import static dev.supervisor.analytics.forecast.Methods.positive;
import static dev.supervisor.analytics.forecast.Methods.sigma;

import dev.supervisor.analytics.forecast.Methods.Simple;
import dev.supervisor.analytics.forecast.internal.HoltWinters;
import dev.supervisor.analytics.forecast.internal.Smoothing;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in forecasters. Intervals are 95% and come from the in-sample one-step residual spread with each
 * method's textbook growth over the horizon; the ensemble's come from its members.
 */
public final class Forecasters {
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
    public static Forecaster naive2(double m) {
        return deseasonalised("naive2", m, (d, h) -> {
            double[] f = new double[h];
            java.util.Arrays.fill(f, d[d.length - 1]);
            return new double[][] {f, growth(sigma(d, 1), h, 1.0)};
        });
    }

    /** @param m season length (1 for none) @return SES on the seasonally adjusted series */
    public static Forecaster ses(double m) {
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
    public static Forecaster holt(double m) {
        return holtLike("holt", m, false);
    }

    /** @param m season length (1 for none) @return damped-trend Holt on the seasonally adjusted series */
    public static Forecaster dampedTrend(double m) {
        return holtLike("damped", m, true);
    }

    private static Forecaster holtLike(String name, double m, boolean damped) {
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
    public static Forecaster theta(double m) {
        return deseasonalised("theta", m, (d, h) -> new double[][] {Smoothing.theta(d, h),
                growth(sigma(d, 1), h, 0.5)});
    }

    /**
     * @param m season length (1 for none)
     * @return M4's Comb benchmark: the mean of SES, Holt and damped Holt on the seasonally adjusted series
     */
    public static Forecaster comb(double m) {
        return deseasonalised("comb", m, (d, h) -> {
            Smoothing.Fit s = Smoothing.ses(d);
            Smoothing.Fit l = Smoothing.holt(d, false);
            Smoothing.Fit p = Smoothing.holt(d, true);
            double[] f = new double[h];
            for (int i = 0; i < h; i++) {
                f[i] = (s.at(i + 1) + l.at(i + 1) + p.at(i + 1)) / 3;
            }
            return new double[][] {f, growth((s.sigma() + l.sigma() + p.sigma()) / 3, h, 1.0)};
        });
    }

    /** @return the last value plus the mean step of the history per step ahead (random walk with drift) */
    public static Forecaster drift() {
        return new Simple("drift", (y, h, out) -> {
            int n = y.length;
            double slope = (y[n - 1] - y[0]) / (n - 1);
            double sigma = sigma(y, 1);
            for (int i = 0; i < h; i++) {
                out.set(i, y[n - 1] + slope * (i + 1), sigma * Math.sqrt((i + 1) * (1 + (i + 1.0) / n)));
            }
        }, 2);
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
     * The default forecaster: an {@link EnsembleForecaster} that picks, per series and from back-tests on its history
     * alone, among naive, drift, SES, Holt, damped Holt and Theta on the series adjusted for its first cycle (when
     * the series shows it), Theta and damped Holt adjusted for each longer cycle, and for each whole-number cycle
     * seasonal naive, seasonal means and (up to 24 steps) Holt–Winters; it combines the best three and sizes its
     * intervals from their back-test errors.
     *
     * @param cycles season lengths in steps the data may follow, shortest first: {@code 24, 168} for hourly data,
     *               {@code 7, 365.25} for daily, {@code 365.25 / 7} for weekly, {@code 12} for monthly, none for
     *               yearly; non-integer lengths are modelled with Fourier harmonics
     * @return the ensemble
     * @throws IllegalArgumentException if a cycle is below 2 or not finite
     */
    public static Forecaster auto(double... cycles) {
        for (double c : cycles) {
            if (!(c >= 2) || Double.isInfinite(c)) {
                throw new IllegalArgumentException("cycles must be at least 2 steps but one was " + c);
            }
        }
        double first = cycles.length > 0 ? cycles[0] : 1;
        List<Forecaster> members = new ArrayList<>();
        members.add(cycles.length > 0 && integral(first) ? seasonalNaive((int) first) : naive());
        members.add(naive());
        members.add(drift());
        members.add(ses(first));
        members.add(holt(first));
        members.add(dampedTrend(first));
        members.add(theta(first));
        for (double c : cycles) {
            if (c != first) {
                // Longer cycles (a year of daily data, a week of hourly data) get their own adjusted members.
                members.add(theta(c));
                members.add(dampedTrend(c));
            }
            if (integral(c)) {
                int m = (int) c;
                members.add(seasonalNaive(m));
                members.add(seasonalMean(m, m <= 24 ? 3 : 2));
                if (m <= 24) {
                    members.add(seasonalMean(m, 7));
                    members.add(holtWinters(m, false));
                    members.add(holtWinters(m, true));
                }
            }
        }
        java.util.Map<String, Forecaster> byName = new java.util.LinkedHashMap<>();
        members.forEach(f -> byName.putIfAbsent(f.name(), f));
        return EnsembleForecaster.builder().members(List.copyOf(byName.values())).build();
    }

    private static boolean integral(double c) {
        return Math.abs(c - Math.rint(c)) < 1e-9;
    }
}
