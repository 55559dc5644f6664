package dev.supervisor.api;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * Immutable retry policy of a task: how many attempts, how long to wait between them and which failures are
 * retried. Build one with {@link #builder()}; {@link #none()} runs a task once.
 */
public final class RetryPolicy {
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Backoff backoff;
    private final Duration delay;
    private final Duration maxDelay;
    private final boolean jitter;
    private final List<Class<? extends Throwable>> retryOn;
    private final List<Class<? extends Throwable>> abortOn;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.backoff = b.backoff;
        this.delay = b.delay;
        this.maxDelay = b.maxDelay;
        this.jitter = b.jitter;
        this.retryOn = List.copyOf(b.retryOn);
        this.abortOn = List.copyOf(b.abortOn);
    }

    /**
     * @return a policy that runs the task once and never retries
     */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * @return a new builder (defaults: 3 attempts, exponential back-off from 1 s, capped at 1 min or the base
     *         delay if larger, no jitter)
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return total attempts including the first, at least 1 */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** @return how the delay grows */
    public Backoff backoff() {
        return backoff;
    }

    /** @return the base delay */
    public Duration delay() {
        return delay;
    }

    /** @return the cap on any single delay */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** @return true if delays use full jitter (uniform in [0, delay]) */
    public boolean jitter() {
        return jitter;
    }

    /**
     * @return failure types that are retried (empty: all but {@link #abortOn()}); a workflow's JSON form stores
     *         them, and {@link #abortOn()}'s, by class name, so they must be classes a class loader can find by name
     */
    public List<Class<? extends Throwable>> retryOn() {
        return retryOn;
    }

    /** @return failure types that are never retried */
    public List<Class<? extends Throwable>> abortOn() {
        return abortOn;
    }

    /**
     * Decides whether a failed attempt may be retried.
     *
     * @param failedAttempt the attempt that just failed, starting at 1
     * @param failure what it threw
     * @return true if another attempt is allowed
     */
    public boolean shouldRetry(int failedAttempt, Throwable failure) {
        if (failedAttempt >= maxAttempts) {
            return false;
        }
        for (Class<? extends Throwable> t : abortOn) {
            if (t.isInstance(failure)) {
                return false;
            }
        }
        if (retryOn.isEmpty()) {
            return true;
        }
        for (Class<? extends Throwable> t : retryOn) {
            if (t.isInstance(failure)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The delay before the attempt following {@code failedAttempt}.
     *
     * @param failedAttempt the attempt that just failed, starting at 1
     * @param random a source of uniform doubles in [0, 1), used only with jitter
     * @return the delay, never above {@link #maxDelay()}
     */
    public Duration delayAfter(int failedAttempt, DoubleSupplier random) {
        long base = delay.toNanos();
        long cap = maxDelay.toNanos();
        long nanos;
        switch (backoff) {
            case FIXED -> nanos = base;
            case LINEAR -> nanos = saturatedMultiply(base, failedAttempt);
            default -> {
                int shift = Math.min(failedAttempt - 1, 62);
                nanos = saturatedMultiply(base, 1L << shift);
            }
        }
        nanos = Math.min(nanos, cap);
        if (jitter) {
            nanos = (long) (nanos * random.getAsDouble());
        }
        return Duration.ofNanos(nanos);
    }

    private static long saturatedMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return (hi == 0 && lo >= 0) ? lo : Long.MAX_VALUE;
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", backoff=" + backoff + ", delay=" + delay
                + ", maxDelay=" + maxDelay + ", jitter=" + jitter + ", retryOn=" + retryOn + ", abortOn=" + abortOn
                + "}";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryPolicy p && p.maxAttempts == maxAttempts && p.backoff == backoff
                && p.delay.equals(delay) && p.maxDelay.equals(maxDelay) && p.jitter == jitter
                && p.retryOn.equals(retryOn) && p.abortOn.equals(abortOn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, backoff, delay, maxDelay, jitter, retryOn, abortOn);
    }

    /**
     * Fail-fast builder of {@link RetryPolicy}: every bad value throws {@link IllegalArgumentException} naming it.
     */
    public static final class Builder {
        private int maxAttempts = 3;
        private Backoff backoff = Backoff.EXPONENTIAL;
        private Duration delay = Duration.ofSeconds(1);
        private Duration maxDelay;
        private boolean jitter;
        private final Set<Class<? extends Throwable>> retryOn = new LinkedHashSet<>();
        private final Set<Class<? extends Throwable>> abortOn = new LinkedHashSet<>();

        private Builder() {
        }

        /**
         * @param maxAttempts total attempts including the first, 1 to 1000
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1 || maxAttempts > 1000) {
                throw new IllegalArgumentException("maxAttempts must be in [1, 1000] but was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * @param backoff how the delay grows
         * @param delay the base delay, zero or positive
         * @return this builder
         */
        public Builder backoff(Backoff backoff, Duration delay) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            this.delay = nonNegative("delay", delay);
            return this;
        }

        /**
         * @param maxDelay cap on any single delay, zero or positive
         * @return this builder
         */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = nonNegative("maxDelay", maxDelay);
            return this;
        }

        /**
         * Full jitter: each delay is drawn uniformly from [0, computed delay].
         *
         * @param jitter true to enable
         * @return this builder
         */
        public Builder jitter(boolean jitter) {
            this.jitter = jitter;
            return this;
        }

        /**
         * Restricts retries to failures of these types (and their subtypes).
         *
         * @param types failure types
         * @return this builder
         */
        @SafeVarargs
        public final Builder retryOn(Class<? extends Throwable>... types) {
            for (Class<? extends Throwable> t : types) {
                retryOn.add(Objects.requireNonNull(t, "retryOn type"));
            }
            return this;
        }

        /**
         * Never retries failures of these types (and their subtypes); wins over {@link #retryOn}.
         *
         * @param types failure types
         * @return this builder
         */
        @SafeVarargs
        public final Builder abortOn(Class<? extends Throwable>... types) {
            for (Class<? extends Throwable> t : types) {
                abortOn.add(Objects.requireNonNull(t, "abortOn type"));
            }
            return this;
        }

        /**
         * @return the immutable policy
         * @throws IllegalArgumentException if maxDelay is below delay
         */
        public RetryPolicy build() {
            if (maxDelay == null) {
                maxDelay = delay.compareTo(Duration.ofMinutes(1)) > 0 ? delay : Duration.ofMinutes(1);
            }
            if (maxDelay.compareTo(delay) < 0) {
                throw new IllegalArgumentException(
                        "maxDelay (" + maxDelay + ") must not be below delay (" + delay + ")");
            }
            return new RetryPolicy(this);
        }

        private static Duration nonNegative(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative but was " + d);
            }
            return d;
        }
    }
}
