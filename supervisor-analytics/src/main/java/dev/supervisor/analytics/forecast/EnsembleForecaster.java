package dev.supervisor.analytics.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Chooses and weights its members per series from rolling-origin back-tests on the history alone, and sizes its
 * prediction intervals from the errors of those back-tests.
 *
 * <p>Each member forecasts the last {@code origins} windows of {@code horizon} steps from the data before them.
 * Members are scored by an OWA-like error relative to the first member (the mean of the sMAPE and MAE ratios); the
 * best {@code top} are refitted on the whole history and averaged with weights inverse to their scores. The
 * combination's own back-test errors, scaled by the level at each origin, give the spread per step ahead
 * (variance growing linearly with the step, fitted by least squares); the 95% interval is the forecast plus or minus
 * a Student-t quantile (degrees of freedom from the number of origins) times that spread at today's level. Without
 * a back-test (history too short) the first member that can forecast the history is used, with its own interval.
 */
public final class EnsembleForecaster implements Forecaster {
    private final List<Forecaster> members;
    private final int origins;
    private final int top;

    private EnsembleForecaster(Builder b) {
        this.members = List.copyOf(b.members);
        this.origins = b.origins;
        this.top = b.top;
    }

    /** @return a builder: add members, the first one is the reference and the fallback */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "ensemble";
    }

    /** What the back-tests decided for one history. */
    private record Plan(List<Forecaster> chosen, double[] weights, double[] spread, double quantile) {
    }

    /**
     * @param history the series
     * @param horizon steps
     * @return the members chosen for this history with their weights, e.g. {@code theta=0.41} (for inspection)
     */
    public List<String> chosen(double[] history, int horizon) {
        Plan p = plan(history, horizon);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < p.chosen.size(); k++) {
            out.add(p.chosen.get(k).name() + "=" + Math.round(p.weights[k] * 1000) / 1000.0);
        }
        return out;
    }

    @Override
    public Forecast forecast(double[] history, int horizon) {
        Plan p = plan(history, horizon);
        if (p.spread == null) {
            Forecast f = p.chosen.get(0).forecast(history, horizon);
            return new Forecast(name(), f.mean(), f.lower(), f.upper(), f.level());
        }
        double[] mean = combine(p, history, horizon);
        double level = level(history, horizon);
        double[] lo = new double[horizon];
        double[] hi = new double[horizon];
        for (int i = 0; i < horizon; i++) {
            double half = p.quantile * p.spread[i] * level;
            lo[i] = mean[i] - half;
            hi[i] = mean[i] + half;
        }
        return new Forecast(name(), mean, lo, hi, 0.95);
    }

    @Override
    public double[] point(double[] history, int horizon) {
        return combine(plan(history, horizon), history, horizon);
    }

    private static double[] combine(Plan p, double[] history, int horizon) {
        double[] mean = new double[horizon];
        for (int k = 0; k < p.chosen.size(); k++) {
            double[] f = p.chosen.get(k).point(history, horizon);
            for (int i = 0; i < horizon; i++) {
                mean[i] += p.weights[k] * f[i];
            }
        }
        return mean;
    }

    private Plan plan(double[] y, int h) {
        Methods.check(y, h, 2, name());
        int n = y.length;
        int m = members.size();
        List<double[][]> fc = new ArrayList<>();
        List<double[]> actual = new ArrayList<>();
        List<Double> levels = new ArrayList<>();
        // Per origin and member: sMAPE and MAE of the member's back-test forecast.
        List<double[][]> err = new ArrayList<>();
        boolean[] ok = new boolean[m];
        Arrays.fill(ok, true);
        for (int j = 0; j < origins; j++) {
            int cut = n - h * (j + 1);
            if (cut < Math.max(10, 2 * h)) {
                break;
            }
            double[] train = Arrays.copyOf(y, cut);
            double[] test = Arrays.copyOfRange(y, cut, cut + h);
            double[][] f = new double[m][];
            double[][] e = new double[m][2];
            for (int k = 0; k < m; k++) {
                if (!ok[k]) {
                    continue;
                }
                try {
                    f[k] = members.get(k).point(train, h);
                    e[k][0] = smape(test, f[k]);
                    e[k][1] = mae(test, f[k]);
                } catch (IllegalArgumentException ex) {
                    ok[k] = false;
                }
            }
            fc.add(f);
            err.add(e);
            actual.add(test);
            levels.add(level(train, h));
        }
        int ref = 0;
        while (ref < m && !ok[ref]) {
            ref++;
        }
        if (fc.isEmpty() || ref == m) {
            return new Plan(List.of(fallback(y, h)), new double[] {1}, null, 0);
        }
        double[] w = weights(err, ok, -1, ref);
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            if (w[k] > 0) {
                order.add(k);
            }
        }
        order.sort(Comparator.comparingDouble(k -> -w[k]));
        List<Forecaster> chosen = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        for (int k : order) {
            chosen.add(members.get(k));
            shares.add(w[k]);
        }
        // The spread comes from each origin's error under weights chosen without that origin, so that it includes
        // the cost of choosing (errors of weights chosen on the same origins are optimistic).
        double[] ms = new double[h];
        for (int j = 0; j < fc.size(); j++) {
            double[] wj = fc.size() > 1 ? weights(err, ok, j, ref) : w;
            for (int i = 0; i < h; i++) {
                double c = 0;
                for (int k = 0; k < m; k++) {
                    c += wj[k] > 0 ? wj[k] * fc.get(j)[k][i] : 0;
                }
                double e = (actual.get(j)[i] - c) / levels.get(j);
                ms[i] += e * e / fc.size();
            }
        }
        double q = new org.apache.commons.math3.distribution.TDistribution(Math.max(1, fc.size() * 2))
                .inverseCumulativeProbability(0.975);
        return new Plan(chosen, shares.stream().mapToDouble(Double::doubleValue).toArray(), spread(ms), q);
    }

    /** The first member, in order, that can forecast the whole history (too short for a back-test). */
    private Forecaster fallback(double[] y, int h) {
        for (Forecaster f : members) {
            try {
                f.point(y, h);
                return f;
            } catch (IllegalArgumentException e) {
                // Too short for this member: try the next.
            }
        }
        throw new IllegalArgumentException("no member can forecast a history of " + y.length + " values");
    }

    /**
     * Inverse-error weights of the best {@code top} members over all origins but {@code skip}, errors relative to
     * member {@code ref}; 0 for the rest.
     */
    private double[] weights(List<double[][]> err, boolean[] ok, int skip, int ref) {
        int m = members.size();
        double[][] sum = new double[m][2];
        for (int j = 0; j < err.size(); j++) {
            if (j != skip) {
                for (int k = 0; k < m; k++) {
                    sum[k][0] += err.get(j)[k][0];
                    sum[k][1] += err.get(j)[k][1];
                }
            }
        }
        List<double[]> ranked = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            if (ok[k]) {
                ranked.add(new double[] {k, 0.5 * ratio(sum[k][0], sum[ref][0]) + 0.5 * ratio(sum[k][1],
                        sum[ref][1])});
            }
        }
        ranked.sort(Comparator.comparingDouble(r -> r[1]));
        List<double[]> best = ranked.subList(0, Math.min(top, ranked.size()));
        double total = 0;
        for (double[] r : best) {
            total += 1 / Math.max(r[1], 1e-9);
        }
        double[] w = new double[m];
        for (double[] r : best) {
            w[(int) r[0]] = 1 / Math.max(r[1], 1e-9) / total;
        }
        return w;
    }

    /** Spread per step from mean squared relative errors: sqrt(a + b·step), a, b ≥ 0, by least squares. */
    private static double[] spread(double[] ms) {
        int h = ms.length;
        double mi = (h - 1) / 2.0;
        double mv = 0;
        for (double v : ms) {
            mv += v / h;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < h; i++) {
            sxy += (i - mi) * (ms[i] - mv);
            sxx += (i - mi) * (i - mi);
        }
        double b = sxx == 0 ? 0 : Math.max(0, sxy / sxx);
        double a = Math.max(mv - b * mi, mv * 0.1);
        double[] out = new double[h];
        for (int i = 0; i < h; i++) {
            out[i] = Math.sqrt(a + b * i);
        }
        return out;
    }

    /** The scale errors are measured in: the mean absolute value of the last values (1 if that is 0). */
    private static double level(double[] y, int h) {
        int k = Math.min(y.length, Math.max(h, 4));
        double s = 0;
        for (int t = y.length - k; t < y.length; t++) {
            s += Math.abs(y[t]);
        }
        return s > 0 ? s / k : 1;
    }

    private static double ratio(double a, double ref) {
        return ref > 0 ? a / ref : a;
    }

    static double smape(double[] actual, double[] f) {
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = Math.abs(actual[i]) + Math.abs(f[i]);
            s += d == 0 ? 0 : 2 * Math.abs(actual[i] - f[i]) / d;
        }
        return 100 * s / actual.length;
    }

    static double mae(double[] actual, double[] f) {
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += Math.abs(actual[i] - f[i]);
        }
        return s / actual.length;
    }

    /** Builds an {@link EnsembleForecaster}; each option may be set once. */
    public static final class Builder {
        private final List<Forecaster> members = new ArrayList<>();
        private int origins = -1;
        private int top = -1;

        private Builder() {
        }

        /** @param all members; the first is the reference and the fallback @return this */
        public Builder members(List<Forecaster> all) {
            all.forEach(m -> members.add(Objects.requireNonNull(m, "member")));
            return this;
        }

        /** @param n back-test windows, 1–20 (default 3) @return this */
        public Builder origins(int n) {
            if (origins != -1) {
                throw new IllegalStateException("origins was already set to " + origins);
            }
            if (n < 1 || n > 20) {
                throw new IllegalArgumentException("origins must be between 1 and 20 but was " + n);
            }
            this.origins = n;
            return this;
        }

        /** @param k how many best members to combine, ≥ 1 (default 3) @return this */
        public Builder top(int k) {
            if (top != -1) {
                throw new IllegalStateException("top was already set to " + top);
            }
            if (k < 1) {
                throw new IllegalArgumentException("top must be at least 1 but was " + k);
            }
            this.top = k;
            return this;
        }

        /** @return the ensemble @throws IllegalStateException without members */
        public EnsembleForecaster build() {
            if (members.isEmpty()) {
                throw new IllegalStateException("an ensemble needs at least one member");
            }
            origins = origins == -1 ? 3 : origins;
            top = top == -1 ? 3 : top;
            return new EnsembleForecaster(this);
        }
    }
}
