package dev.supervisor.core.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * When a provider's circuit opens and how it recovers. It opens on {@link #consecutiveFailures()} failures in a row
 * or when at least {@link #minimumCalls()} of the last {@link #windowSize()} calls were made and the share that
 * failed reaches {@link #failureRate()}; after {@link #openDuration()} it lets {@link #halfOpenCalls()} trial calls
 * through, closing on their success and opening again on a failure. Only failures whose
 * {@link dev.supervisor.api.provider.FailureKind#countsAgainstHealth()} is true count. Defaults: 5 in a row, 50 %
 * of the last 20 with at least 10 calls, open for 300 s, 1 trial call.
 */
public final class CircuitBreakerConfig {
    private static final CircuitBreakerConfig DEFAULTS = builder().build();

    private final int consecutiveFailures;
    private final double failureRate;
    private final int windowSize;
    private final int minimumCalls;
    private final Duration openDuration;
    private final int halfOpenCalls;

    private CircuitBreakerConfig(Builder b) {
        consecutiveFailures = b.consecutiveFailures;
        failureRate = b.failureRate;
        windowSize = b.windowSize;
        minimumCalls = b.minimumCalls;
        openDuration = b.openDuration;
        halfOpenCalls = b.halfOpenCalls;
    }

    /** @return the defaults */
    public static CircuitBreakerConfig ofDefaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return failures in a row that open the circuit */
    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** @return share of failed calls in the window that opens the circuit, in (0, 1] */
    public double failureRate() {
        return failureRate;
    }

    /** @return how many of the latest calls the rate looks at */
    public int windowSize() {
        return windowSize;
    }

    /** @return calls needed in the window before the rate counts */
    public int minimumCalls() {
        return minimumCalls;
    }

    /** @return how long the circuit stays open */
    public Duration openDuration() {
        return openDuration;
    }

    /** @return trial calls let through when half-open */
    public int halfOpenCalls() {
        return halfOpenCalls;
    }

    @Override
    public String toString() {
        return "CircuitBreakerConfig{consecutiveFailures=" + consecutiveFailures + ", failureRate=" + failureRate
                + ", windowSize=" + windowSize + ", minimumCalls=" + minimumCalls + ", openDuration=" + openDuration
                + ", halfOpenCalls=" + halfOpenCalls + "}";
    }

    /** Fail-fast builder; cross-field checks in {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private int consecutiveFailures = 5;
        private double failureRate = 0.5;
        private int windowSize = 20;
        private int minimumCalls = 10;
        private Duration openDuration = Duration.ofSeconds(300);
        private int halfOpenCalls = 1;

        private Builder() {
        }

        /** @param n failures in a row that open the circuit, at least 1 @return this builder */
        public Builder consecutiveFailures(int n) {
            consecutiveFailures = atLeastOne("consecutiveFailures", n);
            return this;
        }

        /** @param rate share of failures that opens the circuit, in (0, 1] @return this builder */
        public Builder failureRate(double rate) {
            if (!(rate > 0 && rate <= 1)) {
                throw new IllegalArgumentException("failureRate must be in (0, 1] but was " + rate);
            }
            failureRate = rate;
            return this;
        }

        /** @param n latest calls the rate looks at, 1 to 1000 @return this builder */
        public Builder windowSize(int n) {
            if (n < 1 || n > 1000) {
                throw new IllegalArgumentException("windowSize must be between 1 and 1000 but was " + n);
            }
            windowSize = n;
            return this;
        }

        /** @param n calls needed before the rate counts, at least 1 @return this builder */
        public Builder minimumCalls(int n) {
            minimumCalls = atLeastOne("minimumCalls", n);
            return this;
        }

        /** @param d how long the circuit stays open, positive @return this builder */
        public Builder openDuration(Duration d) {
            Objects.requireNonNull(d, "openDuration");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("openDuration must be positive but was " + d);
            }
            openDuration = d;
            return this;
        }

        /** @param n trial calls when half-open, at least 1 @return this builder */
        public Builder halfOpenCalls(int n) {
            halfOpenCalls = atLeastOne("halfOpenCalls", n);
            return this;
        }

        private static int atLeastOne(String option, int n) {
            if (n < 1) {
                throw new IllegalArgumentException(option + " must be at least 1 but was " + n);
            }
            return n;
        }

        /**
         * @return the config
         * @throws IllegalArgumentException if minimumCalls exceeds windowSize
         */
        public CircuitBreakerConfig build() {
            if (minimumCalls > windowSize) {
                throw new IllegalArgumentException("minimumCalls (" + minimumCalls + ") must not exceed windowSize ("
                        + windowSize + ")");
            }
            return new CircuitBreakerConfig(this);
        }
    }
}
