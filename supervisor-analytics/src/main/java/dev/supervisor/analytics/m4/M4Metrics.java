package dev.supervisor.analytics.m4;

import dev.supervisor.analytics.forecast.Forecast;
import java.util.List;

/** The organisers' error measures for one series, and their means over a set. */
public final class M4Metrics {
    private M4Metrics() {
    }

    /**
     * The errors of one forecast, or their means over several.
     *
     * @param smape sMAPE in percent
     * @param mase MASE
     * @param coverage share of actual values inside the prediction interval
     * @param msis mean scaled interval score of the interval
     */
    public record Errors(double smape, double mase, double coverage, double msis) {
        /**
         * @param all errors of several series
         * @return their means (the organisers average over series, then form OWA from the means)
         */
        public static Errors mean(List<Errors> all) {
            double[] s = new double[4];
            for (Errors e : all) {
                s[0] += e.smape;
                s[1] += e.mase;
                s[2] += e.coverage;
                s[3] += e.msis;
            }
            int n = Math.max(1, all.size());
            return new Errors(s[0] / n, s[1] / n, s[2] / n, s[3] / n);
        }

        /**
         * @param naive2 Naive2's mean errors on the same series
         * @return OWA against it
         */
        public double owa(Errors naive2) {
            return M4Metrics.owa(smape, mase, naive2.smape, naive2.mase);
        }
    }

    /**
     * @param train the in-sample values
     * @param actual the out-of-sample values
     * @param forecast a forecast of {@code actual.length} steps
     * @param m the seasonality of the MASE scale
     * @return sMAPE, MASE, coverage and MSIS of the forecast
     */
    public static Errors errors(double[] train, double[] actual, Forecast forecast, int m) {
        if (forecast.horizon() != actual.length) {
            throw new IllegalArgumentException("forecast has " + forecast.horizon() + " steps for " + actual.length
                    + " actual values");
        }
        return new Errors(smape(actual, forecast.mean()), mase(train, actual, forecast.mean(), m),
                coverage(actual, forecast.lower(), forecast.upper()), msis(train, actual, forecast.lower(),
                forecast.upper(), m, 1 - forecast.level()));
    }

    /** @return sMAPE in percent: (200/h)·Σ|Y−F|/(|Y|+|F|) */
    public static double smape(double[] actual, double[] forecast) {
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += Math.abs(actual[i] - forecast[i]) / (Math.abs(actual[i]) + Math.abs(forecast[i]));
        }
        return 200 * s / actual.length;
    }

    /** @return MASE with the in-sample seasonal-naive scale at period m */
    public static double mase(double[] train, double[] actual, double[] forecast, int m) {
        double scale = seasonalScale(train, m);
        double e = 0;
        for (int i = 0; i < actual.length; i++) {
            e += Math.abs(actual[i] - forecast[i]);
        }
        return e / actual.length / scale;
    }

    /**
     * M4's mean scaled interval score of a (1 − α) interval: the mean over the horizon of the width plus 2/α times
     * any miss, scaled like MASE by the in-sample seasonal-naive error.
     *
     * @return MSIS
     */
    public static double msis(double[] train, double[] actual, double[] lower, double[] upper, int m, double alpha) {
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += upper[i] - lower[i];
            if (actual[i] < lower[i]) {
                s += 2 / alpha * (lower[i] - actual[i]);
            } else if (actual[i] > upper[i]) {
                s += 2 / alpha * (actual[i] - upper[i]);
            }
        }
        return s / actual.length / seasonalScale(train, m);
    }

    /** @return the share of actual values inside [lower, upper] */
    public static double coverage(double[] actual, double[] lower, double[] upper) {
        int in = 0;
        for (int i = 0; i < actual.length; i++) {
            in += actual[i] >= lower[i] && actual[i] <= upper[i] ? 1 : 0;
        }
        return (double) in / actual.length;
    }

    private static double seasonalScale(double[] train, int m) {
        double scale = 0;
        for (int j = m; j < train.length; j++) {
            scale += Math.abs(train[j] - train[j - m]);
        }
        return scale / (train.length - m);
    }

    /** @return OWA = ½·(sMAPE/sMAPE_Naive2 + MASE/MASE_Naive2), from the averages over all series */
    public static double owa(double smape, double mase, double smapeNaive2, double maseNaive2) {
        return 0.5 * (smape / smapeNaive2 + mase / maseNaive2);
    }
}
