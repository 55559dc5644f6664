package dev.supervisor.analytics.m4;

/** The organisers' error measures for one series. */
public final class M4Metrics {
    private M4Metrics() {
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
