package dev.supervisor.analytics.anomaly.internal;

import org.apache.commons.math3.special.Erf;

/** Calibration helpers. */
public final class Stats {
    private Stats() {
    }

    /** @return P(|Z| ≤ |z|) for a standard normal Z: 0 at z = 0, → 1 in the tails */
    public static double twoSided(double z) {
        if (!Double.isFinite(z)) {
            return Double.isNaN(z) ? 0 : 1;
        }
        return Erf.erf(Math.abs(z) / Math.sqrt(2));
    }

    /** @return P(Z ≤ z) */
    public static double cdf(double z) {
        if (!Double.isFinite(z)) {
            return Double.isNaN(z) ? 0.5 : z > 0 ? 1 : 0;
        }
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }
}
