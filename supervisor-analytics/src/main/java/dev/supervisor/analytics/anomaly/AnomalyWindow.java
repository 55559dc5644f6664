package dev.supervisor.analytics.anomaly;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One anomaly: consecutive flagged points merged into a window.
 *
 * @param start first flagged point
 * @param end last flagged point
 * @param points flagged points in the window
 * @param peakScore the highest score seen
 * @param severity LOW, MEDIUM or HIGH from the peak score
 * @param peakValue the value at the peak
 * @param expected the value the detector expected at the peak
 * @param lower lower edge of the normal band at the peak
 * @param upper upper edge of the normal band at the peak
 * @param detectors names of the detectors that fired
 */
public record AnomalyWindow(Instant start, Instant end, int points, double peakScore, Severity severity,
                            double peakValue, double expected, double lower, double upper, List<String> detectors) {
    /** How bad an anomaly is, from its peak score. */
    public enum Severity {
        /** peak below 0.9 */
        LOW,
        /** peak in [0.9, 0.99) */
        MEDIUM,
        /** peak at 0.99 or above */
        HIGH;

        static Severity of(double score) {
            return score >= 0.99 ? HIGH : score >= 0.9 ? MEDIUM : LOW;
        }
    }

    /** Checks that times and lists are present. */
    public AnomalyWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(severity, "severity");
        detectors = List.copyOf(detectors);
    }
}
