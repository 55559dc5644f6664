package dev.supervisor.analytics.anomaly;

import dev.supervisor.analytics.anomaly.internal.Ring;
import dev.supervisor.analytics.anomaly.internal.SortedWindow;
import dev.supervisor.analytics.anomaly.internal.Stats;

/** The single-rule streaming detectors; create them through {@link AnomalyDetectors}. */
final class Detectors {
    private Detectors() {
    }

    /** z-score of the new value against the previous {@code window} values. */
    static final class ZScore extends BandedDetector {
        private final Ring ring;
        private final double k;

        ZScore(int window, double k) {
            this.ring = new Ring(window);
            this.k = k;
        }

        @Override
        public String name() {
            return "zscore";
        }

        @Override
        public double update(long t, double v) {
            if (!Double.isFinite(v)) {
                return 0;
            }
            double score = 0;
            if (ring.size() >= Math.min(10, ring.capacity())) {
                double sd = ring.std();
                expected = ring.mean();
                band = k * sd;
                score = sd == 0 ? (v == expected ? 0 : 1) : Stats.twoSided((v - expected) / sd);
            }
            ring.add(v);
            return score;
        }
    }

    /**
     * Robust z-score: distance from the rolling median in units of 1.4826·MAD. When more than half the window holds
     * one value (MAD 0, e.g. a metric idling at 0), the window's standard deviation is the unit instead, so that
     * every small blip is not infinitely surprising.
     */
    static final class Mad extends BandedDetector {
        private final SortedWindow w;
        private final Ring spread;
        private final double k;

        Mad(int window, double k) {
            this.w = new SortedWindow(window);
            this.spread = new Ring(window);
            this.k = k;
        }

        @Override
        public String name() {
            return "mad";
        }

        @Override
        public double update(long t, double v) {
            if (!Double.isFinite(v)) {
                return 0;
            }
            double score = 0;
            if (w.size() >= 10) {
                expected = w.median();
                double s = 1.4826 * w.mad();
                if (s == 0) {
                    s = spread.std();
                }
                band = k * s;
                score = s == 0 ? (v == expected ? 0 : 1) : Stats.twoSided((v - expected) / s);
            }
            w.add(v);
            spread.add(v);
            return score;
        }
    }

    /** Exponentially weighted mean and variance; z of the new value against them. */
    static final class Ewma extends BandedDetector {
        private final double alpha;
        private final double k;
        private double mean = Double.NaN;
        private double var;
        private long n;

        Ewma(double alpha, double k) {
            this.alpha = alpha;
            this.k = k;
        }

        @Override
        public String name() {
            return "ewma";
        }

        @Override
        public double update(long t, double v) {
            if (!Double.isFinite(v)) {
                return 0;
            }
            if (Double.isNaN(mean)) {
                mean = v;
                n = 1;
                return 0;
            }
            double sd = Math.sqrt(var);
            expected = mean;
            band = k * sd;
            double score = n < 10 ? 0 : sd == 0 ? (v == mean ? 0 : 1) : Stats.twoSided((v - mean) / sd);
            double d = v - mean;
            mean += alpha * d;
            var = (1 - alpha) * (var + alpha * d * d);
            n++;
            return score;
        }
    }

    /** Fixed bounds: 1 outside [low, high], 0 inside. */
    static final class Threshold implements AnomalyDetector {
        private final double low;
        private final double high;

        Threshold(double low, double high) {
            this.low = low;
            this.high = high;
        }

        @Override
        public String name() {
            return "threshold";
        }

        @Override
        public double update(long t, double v) {
            return Double.isFinite(v) && (v < low || v > high) ? 1 : 0;
        }

        @Override
        public double lower() {
            return low;
        }

        @Override
        public double upper() {
            return high;
        }
    }
}
