package dev.supervisor.analytics.anomaly;

/**
 * A detector whose normal range is an expected value plus or minus a band, both refreshed by each update: holds the
 * two and answers {@link #expected()}, {@link #lower()} and {@link #upper()} from them.
 */
abstract class BandedDetector implements AnomalyDetector {
    /** The value the last update expected (NaN until the detector has one). */
    double expected = Double.NaN;
    /** Half-width of the normal range around it (NaN until known). */
    double band = Double.NaN;

    @Override
    public double expected() {
        return expected;
    }

    @Override
    public double lower() {
        return expected - band;
    }

    @Override
    public double upper() {
        return expected + band;
    }
}
