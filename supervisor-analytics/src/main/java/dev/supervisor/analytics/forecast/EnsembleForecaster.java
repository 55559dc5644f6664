package dev.supervisor.analytics.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Chooses and weights its members per series from rolling-origin back-tests on the history alone: each member
 * forecasts the last {@code origins} windows of {@code horizon} steps from the data before them; members are
 * scored by an OWA-like error relative to the first member (sMAPE and MASE halves), the best {@code top} are
 * refitted on the whole history and averaged with weights inverse to their scores.
 */
public final class EnsembleForecaster implements Forecaster {
    private final int period;
    private final List<Forecaster> members;
    private final int origins;
    private final int top;

    private EnsembleForecaster(Builder b) {
        this.period = b.period;
        this.members = List.copyOf(b.members);
        this.origins = b.origins;
        this.top = b.top;
    }

    /**
     * @param period season length used for the MASE scale in scoring
     * @return a builder: add members, first one is the reference and fallback
     */
    public static Builder builder(int period) {
        return new Builder(period);
    }

    @Override
    public String name() {
        return "ensemble";
    }

    /** A member's share of the forecast. */
    record Choice(Forecaster member, double weight) {
    }

    /**
     * @param history the series
     * @param horizon steps
     * @return the members chosen for this history and their weights (for inspection and tests)
     */
    public List<String> chosen(double[] history, int horizon) {
        List<String> out = new ArrayList<>();
        for (Choice c : choose(history, horizon)) {
            out.add(c.member.name() + "=" + Math.round(c.weight * 1000) / 1000.0);
        }
        return out;
    }

    @Override
    public Forecast forecast(double[] history, int horizon) {
        double[] mean = new double[horizon];
        double[] lo = new double[horizon];
        double[] hi = new double[horizon];
        for (Choice c : choose(history, horizon)) {
            Forecast f = c.member.forecast(history, horizon);
            double[] fm = f.mean();
            double[] fl = f.lower();
            double[] fh = f.upper();
            for (int i = 0; i < horizon; i++) {
                mean[i] += c.weight * fm[i];
                lo[i] += c.weight * fl[i];
                hi[i] += c.weight * fh[i];
            }
        }
        return new Forecast(name(), mean, lo, hi, 0.95);
    }

    @Override
    public double[] point(double[] history, int horizon) {
        double[] mean = new double[horizon];
        for (Choice c : choose(history, horizon)) {
            double[] f = c.member.point(history, horizon);
            for (int i = 0; i < horizon; i++) {
                mean[i] += c.weight * f[i];
            }
        }
        return mean;
    }

    private List<Choice> choose(double[] y, int h) {
        Forecasters.check(y, h, 2, name());
        int n = y.length;
        double[][] scores = new double[members.size()][2];
        boolean[] ok = new boolean[members.size()];
        int used = 0;
        for (int j = 0; j < origins; j++) {
            int cut = n - h * (j + 1);
            if (cut < 2 * period + 2) {
                break;
            }
            double[] train = Arrays.copyOf(y, cut);
            double[] test = Arrays.copyOfRange(y, cut, cut + h);
            double scale = scale(train);
            for (int k = 0; k < members.size(); k++) {
                if (j > 0 && !ok[k]) {
                    continue;
                }
                try {
                    double[] f = members.get(k).point(train, h);
                    scores[k][0] += smape(test, f);
                    scores[k][1] += mae(test, f) / scale;
                    ok[k] = true;
                } catch (IllegalArgumentException e) {
                    ok[k] = false;
                }
            }
            used++;
        }
        List<Choice> fallback = List.of(new Choice(members.get(0), 1));
        if (used == 0 || !ok[0]) {
            return fallback;
        }
        double refS = scores[0][0];
        double refM = scores[0][1];
        List<double[]> ranked = new ArrayList<>();
        for (int k = 0; k < members.size(); k++) {
            if (ok[k]) {
                double s = 0.5 * (refS > 0 ? scores[k][0] / refS : scores[k][0])
                        + 0.5 * (refM > 0 ? scores[k][1] / refM : scores[k][1]);
                ranked.add(new double[] {k, s});
            }
        }
        if (ranked.isEmpty()) {
            return fallback;
        }
        ranked.sort(Comparator.comparingDouble(r -> r[1]));
        List<double[]> best = ranked.subList(0, Math.min(top, ranked.size()));
        double total = 0;
        for (double[] r : best) {
            total += 1 / Math.max(r[1], 1e-9);
        }
        List<Choice> out = new ArrayList<>();
        for (double[] r : best) {
            out.add(new Choice(members.get((int) r[0]), 1 / Math.max(r[1], 1e-9) / total));
        }
        return out;
    }

    private double scale(double[] y) {
        int m = y.length > period ? period : 1;
        double s = 0;
        for (int t = m; t < y.length; t++) {
            s += Math.abs(y[t] - y[t - m]);
        }
        s /= Math.max(1, y.length - m);
        return s > 0 ? s : 1;
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

    /** Builds an {@link EnsembleForecaster}. */
    public static final class Builder {
        private final int period;
        private final List<Forecaster> members = new ArrayList<>();
        private int origins = 2;
        private int top = 3;

        private Builder(int period) {
            Forecasters.positive(period);
            this.period = period;
        }

        /** @param all members; the first is the reference and the fallback @return this */
        public Builder members(List<Forecaster> all) {
            all.forEach(m -> members.add(Objects.requireNonNull(m, "member")));
            return this;
        }

        /** @param n back-test windows, 1–10 (default 2) @return this */
        public Builder origins(int n) {
            if (n < 1 || n > 10) {
                throw new IllegalArgumentException("origins must be between 1 and 10 but was " + n);
            }
            this.origins = n;
            return this;
        }

        /** @param k how many best members to combine, ≥ 1 (default 3) @return this */
        public Builder top(int k) {
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
            return new EnsembleForecaster(this);
        }
    }
}
