package dev.supervisor.api.provider;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a provider prices a call: a fixed price per call plus prices per 1,000 input and output tokens, with
 * overrides per model. Exact ({@link BigDecimal}) in one currency. Build with {@link #builder(String)}.
 */
public final class CostModel {
    private final Currency currency;
    private final Rates defaults;
    private final Map<String, Rates> models;

    /**
     * Prices of one model.
     *
     * @param perCall fixed price of a call
     * @param perThousandInput price of 1,000 input tokens
     * @param perThousandOutput price of 1,000 output tokens
     */
    public record Rates(BigDecimal perCall, BigDecimal perThousandInput, BigDecimal perThousandOutput) {
        /** Checks that no price is null or negative. */
        public Rates {
            nonNegative("perCall", perCall);
            nonNegative("perThousandInput", perThousandInput);
            nonNegative("perThousandOutput", perThousandOutput);
        }
    }

    private CostModel(Builder b) {
        this.currency = b.currency;
        this.defaults = new Rates(b.perCall, b.perIn, b.perOut);
        this.models = Map.copyOf(b.models);
    }

    /**
     * @param currency ISO 4217 code, e.g. {@code USD}
     * @return a builder with every price at zero
     * @throws IllegalArgumentException if the code is unknown
     */
    public static Builder builder(String currency) {
        return new Builder(currency);
    }

    /**
     * @param currency ISO 4217 code
     * @return a model where every call is free
     */
    public static CostModel free(String currency) {
        return builder(currency).build();
    }

    /** @return the currency of every amount */
    public Currency currency() {
        return currency;
    }

    /**
     * @param model a model name, or null for the defaults
     * @return that model's rates, or the defaults if it has none of its own
     */
    public Rates rates(String model) {
        Rates r = model == null ? null : models.get(model);
        return r == null ? defaults : r;
    }

    /**
     * @param model the model that answered (null for the defaults)
     * @param usage the tokens used
     * @return the exact price of the call
     */
    public Money cost(String model, TokenUsage usage) {
        Rates r = rates(model);
        BigDecimal in = r.perThousandInput.multiply(BigDecimal.valueOf(usage.input())).movePointLeft(3);
        BigDecimal out = r.perThousandOutput.multiply(BigDecimal.valueOf(usage.output())).movePointLeft(3);
        return new Money(r.perCall.add(in).add(out), currency);
    }

    @Override
    public String toString() {
        return "CostModel{" + currency + ", defaults=" + defaults + ", models=" + models.keySet() + "}";
    }

    private static BigDecimal nonNegative(String option, BigDecimal v) {
        Objects.requireNonNull(v, option);
        if (v.signum() < 0) {
            throw new IllegalArgumentException(option + " must not be negative but was " + v.toPlainString());
        }
        return v;
    }

    private static BigDecimal parse(String option, String v) {
        Objects.requireNonNull(v, option);
        try {
            return nonNegative(option, new BigDecimal(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a decimal number but was '" + v + "'", e);
        }
    }

    /** Fail-fast builder of {@link CostModel}. Not thread-safe. */
    public static final class Builder {
        private final Currency currency;
        private BigDecimal perCall = BigDecimal.ZERO;
        private BigDecimal perIn = BigDecimal.ZERO;
        private BigDecimal perOut = BigDecimal.ZERO;
        private final Map<String, Rates> models = new LinkedHashMap<>();

        private Builder(String currency) {
            try {
                this.currency = Currency.getInstance(Objects.requireNonNull(currency, "currency"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("currency must be an ISO 4217 code but was '" + currency + "'",
                        e);
            }
        }

        /**
         * @param price decimal price of every call
         * @return this builder
         */
        public Builder perCall(String price) {
            perCall = parse("perCall", price);
            return this;
        }

        /**
         * @param price decimal price of 1,000 input tokens
         * @return this builder
         */
        public Builder perThousandInput(String price) {
            perIn = parse("perThousandInput", price);
            return this;
        }

        /**
         * @param price decimal price of 1,000 output tokens
         * @return this builder
         */
        public Builder perThousandOutput(String price) {
            perOut = parse("perThousandOutput", price);
            return this;
        }

        /**
         * Prices a named model differently (no per-call price).
         *
         * @param model the model name as the provider reports it
         * @param perThousandInput decimal price of 1,000 input tokens
         * @param perThousandOutput decimal price of 1,000 output tokens
         * @return this builder
         * @throws IllegalStateException if the model was already priced
         */
        public Builder model(String model, String perThousandInput, String perThousandOutput) {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("model must not be blank");
            }
            if (models.containsKey(model)) {
                throw new IllegalStateException("model '" + model + "' was already priced");
            }
            models.put(model, new Rates(BigDecimal.ZERO, parse("perThousandInput", perThousandInput),
                    parse("perThousandOutput", perThousandOutput)));
            return this;
        }

        /** @return the cost model */
        public CostModel build() {
            return new CostModel(this);
        }
    }
}
