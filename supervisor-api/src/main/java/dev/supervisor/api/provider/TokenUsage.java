package dev.supervisor.api.provider;

/**
 * Tokens of one call or a sum of calls.
 *
 * @param input prompt (input) tokens, zero or positive
 * @param output completion (output) tokens, zero or positive
 */
public record TokenUsage(long input, long output) {
    /** No tokens. */
    public static final TokenUsage NONE = new TokenUsage(0, 0);

    /**
     * @throws IllegalArgumentException if a count is negative
     */
    public TokenUsage {
        if (input < 0 || output < 0) {
            throw new IllegalArgumentException("token counts must not be negative but were input=" + input
                    + ", output=" + output);
        }
    }

    /**
     * @param input input tokens
     * @param output output tokens
     * @return the usage
     */
    public static TokenUsage of(long input, long output) {
        return new TokenUsage(input, output);
    }

    /** @return input plus output */
    public long total() {
        return input + output;
    }

    /**
     * @param other another usage
     * @return the sum
     */
    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(input + other.input, output + other.output);
    }
}
