package dev.supervisor.api.provider;

/**
 * What a provider (or an API key shared by several providers) allows: concurrent calls, requests and tokens per
 * minute, hour and day, and the context window. Zero means "no limit" for every field except
 * {@link #maxConcurrent()}, which is always at least 1. Build with {@link #builder()}.
 */
public final class ProviderLimits {
    private static final ProviderLimits NONE = new Builder().build();

    private final int maxConcurrent;
    private final long[] requests;
    private final long[] tokens;
    private final long contextWindow;

    private ProviderLimits(Builder b) {
        this.maxConcurrent = b.maxConcurrent;
        this.requests = b.requests.clone();
        this.tokens = b.tokens.clone();
        this.contextWindow = b.contextWindow;
    }

    /** @return a builder; unset limits are unlimited and concurrency defaults to 10 */
    public static Builder builder() {
        return new Builder();
    }

    /** @return no limits but the default concurrency of 10 */
    public static ProviderLimits unlimited() {
        return NONE;
    }

    /** @return the most calls in flight at once, at least 1 */
    public int maxConcurrent() {
        return maxConcurrent;
    }

    /**
     * @param window the window
     * @return the most requests in any sliding window of that length (a calendar day for DAY), 0 for none
     */
    public long requestsPer(QuotaWindow window) {
        return requests[window.ordinal()];
    }

    /**
     * @param window the window
     * @return the most tokens (input plus output) in that window, 0 for none
     */
    public long tokensPer(QuotaWindow window) {
        return tokens[window.ordinal()];
    }

    /** @return the context window in tokens, 0 if unknown (then never a reason to fail over) */
    public long contextWindow() {
        return contextWindow;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ProviderLimits{maxConcurrent=").append(maxConcurrent);
        for (QuotaWindow w : QuotaWindow.values()) {
            if (requests[w.ordinal()] > 0) {
                sb.append(", requestsPer").append(w.label()).append('=').append(requests[w.ordinal()]);
            }
            if (tokens[w.ordinal()] > 0) {
                sb.append(", tokensPer").append(w.label()).append('=').append(tokens[w.ordinal()]);
            }
        }
        if (contextWindow > 0) {
            sb.append(", contextWindow=").append(contextWindow);
        }
        return sb.append('}').toString();
    }

    /** Fail-fast builder of {@link ProviderLimits}; each option may be set once. Not thread-safe. */
    public static final class Builder {
        private int maxConcurrent = 10;
        private boolean concurrencySet;
        private final long[] requests = new long[QuotaWindow.values().length];
        private final long[] tokens = new long[QuotaWindow.values().length];
        private long contextWindow;
        private boolean contextSet;

        private Builder() {
        }

        /**
         * @param n the most calls in flight at once, at least 1 (default 10)
         * @return this builder
         */
        public Builder maxConcurrent(int n) {
            if (concurrencySet) {
                throw new IllegalStateException("maxConcurrent was already set to " + maxConcurrent);
            }
            if (n < 1) {
                throw new IllegalArgumentException("maxConcurrent must be at least 1 but was " + n);
            }
            maxConcurrent = n;
            concurrencySet = true;
            return this;
        }

        /**
         * @param window the window
         * @param n the most requests in it, at least 1
         * @return this builder
         */
        public Builder requestsPer(QuotaWindow window, long n) {
            set(requests, "requestsPer" + window.label(), window, n);
            return this;
        }

        /**
         * @param window the window
         * @param n the most tokens (input plus output) in it, at least 1
         * @return this builder
         */
        public Builder tokensPer(QuotaWindow window, long n) {
            set(tokens, "tokensPer" + window.label(), window, n);
            return this;
        }

        /**
         * @param tokens the context window in tokens, at least 1
         * @return this builder
         */
        public Builder contextWindow(long tokens) {
            if (contextSet) {
                throw new IllegalStateException("contextWindow was already set to " + contextWindow);
            }
            if (tokens < 1) {
                throw new IllegalArgumentException("contextWindow must be at least 1 but was " + tokens);
            }
            contextWindow = tokens;
            contextSet = true;
            return this;
        }

        private static void set(long[] into, String option, QuotaWindow window, long n) {
            if (into[window.ordinal()] != 0) {
                throw new IllegalStateException(option + " was already set to " + into[window.ordinal()]);
            }
            if (n < 1) {
                throw new IllegalArgumentException(option + " must be at least 1 but was " + n);
            }
            into[window.ordinal()] = n;
        }

        /** @return the limits */
        public ProviderLimits build() {
            return new ProviderLimits(this);
        }
    }
}
