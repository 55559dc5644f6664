package dev.supervisor.core.provider;

import dev.supervisor.api.provider.FailureKind;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.ProviderResult;
import dev.supervisor.api.provider.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A provider for demos and tests: seeded, deterministic latency, output size and failures (random at a rate, or a
 * fixed pattern repeated). By default it does not really wait: it reports the drawn latency as the call's
 * duration, which suits simulations on a manual clock; give it a {@link Pause} to make calls take that long.
 * Build with {@link #builder(String)}.
 */
public final class MockProvider extends DeclaredProvider {

    /** How a mock spends its latency. */
    @FunctionalInterface
    public interface Pause {
        /** @param d the drawn latency @throws InterruptedException if interrupted */
        void pause(Duration d) throws InterruptedException;
    }

    private final long minLatency;
    private final long maxLatency;
    private final double failureRate;
    private final List<FailureKind> kinds;
    private final List<FailureKind> pattern;
    private final Duration retryAfter;
    private final String model;
    private final Pause pause;
    private final SplittableRandom random;
    private long calls;

    private MockProvider(Builder b) {
        super(b);
        minLatency = b.minLatency.toMillis();
        maxLatency = b.maxLatency.toMillis();
        failureRate = b.failureRate;
        kinds = List.copyOf(b.kinds);
        pattern = b.pattern;
        retryAfter = b.retryAfter;
        model = b.model;
        pause = b.pause;
        random = new SplittableRandom(b.seed);
    }

    /**
     * @param id the provider id
     * @return a builder: 500-2000 ms latency, no failures, free, seed 0
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** @return calls made so far */
    public synchronized long calls() {
        return calls;
    }

    @Override
    public ProviderResult execute(ProviderRequest request) {
        long latency;
        FailureKind failure;
        long out;
        synchronized (this) {
            long n = calls++;
            latency = maxLatency == minLatency ? minLatency : minLatency + random.nextLong(maxLatency - minLatency + 1);
            if (pattern != null) {
                failure = pattern.get((int) (n % pattern.size()));
            } else {
                failure = random.nextDouble() < failureRate ? kinds.get(random.nextInt(kinds.size())) : null;
            }
            out = 1 + random.nextLong(request.maxOutputTokens());
        }
        Duration d = Duration.ofMillis(latency);
        if (pause != null) {
            try {
                pause.pause(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ProviderResult.Failure.of(FailureKind.CANCELLED, "interrupted", d);
            }
        }
        if (failure != null) {
            Duration wait = failure == FailureKind.RATE_LIMITED || failure == FailureKind.OVERLOADED ? retryAfter
                    : null;
            return new ProviderResult.Failure(failure, "mock " + failure.name().toLowerCase() + " on " + id(), wait,
                    null, d, TokenUsage.NONE);
        }
        TokenUsage usage = TokenUsage.of(request.inputTokens(), out);
        return new ProviderResult.Success(id() + " did " + request.taskId(), usage, costModel().cost(model, usage),
                model, d);
    }

    @Override
    public String toString() {
        return "MockProvider{" + id() + "}";
    }

    /** Fail-fast builder of {@link MockProvider}. Not thread-safe. */
    public static final class Builder extends ProviderBuilder<Builder> {
            private Duration minLatency = Duration.ofMillis(500);
        private Duration maxLatency = Duration.ofMillis(2000);
        private double failureRate;
        private List<FailureKind> kinds = List.of(FailureKind.CRASHED);
        private List<FailureKind> pattern;
        private Duration retryAfter = Duration.ofSeconds(30);
        private String model = "mock";
        private Pause pause;
        private long seed;

        private Builder(String id) {
            super(id);
        }

        /**
         * @param min shortest latency, zero or positive
         * @param max longest latency, at least {@code min}
         * @return this builder
         */
        public Builder latency(Duration min, Duration max) {
            if (min.isNegative() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("latency needs 0 <= min <= max but was " + min + ", " + max);
            }
            this.minLatency = min;
            this.maxLatency = max;
            return this;
        }

        /**
         * @param rate share of calls that fail, in [0, 1]
         * @param kinds the kinds drawn uniformly for a failure
         * @return this builder
         */
        public Builder failureRate(double rate, FailureKind... kinds) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("failureRate must be in [0, 1] but was " + rate);
            }
            if (kinds.length == 0) {
                throw new IllegalArgumentException("failureRate needs at least one failure kind");
            }
            this.failureRate = rate;
            this.kinds = List.of(kinds);
            return this;
        }

        /**
         * @param outcomes a repeated pattern: null for success, a kind for that failure
         * @return this builder
         */
        public Builder pattern(FailureKind... outcomes) {
            if (outcomes.length == 0) {
                throw new IllegalArgumentException("pattern must not be empty");
            }
            List<FailureKind> p = new ArrayList<>();
            for (FailureKind k : outcomes) {
                p.add(k);
            }
            this.pattern = java.util.Collections.unmodifiableList(p);
            return this;
        }

        /** @param d retry-after reported with rate limits and overloads @return this builder */
        public Builder retryAfter(Duration d) {
            this.retryAfter = Objects.requireNonNull(d, "retryAfter");
            return this;
        }

        /** @param model reported model name @return this builder */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /** @param pause how calls spend their latency @return this builder */
        public Builder pause(Pause pause) {
            this.pause = Objects.requireNonNull(pause, "pause");
            return this;
        }

        /** @param seed random seed @return this builder */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** @return the mock */
        public MockProvider build() {
            return new MockProvider(this);
        }
    }
}
