package dev.supervisor.api.provider;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency. Amounts are exact ({@link BigDecimal}); two amounts are equal when their
 * currencies are equal and their values compare equal, whatever their scale ({@code 0.30 USD == 0.3 USD}).
 *
 * @param amount the amount, zero or positive
 * @param currency the currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /**
     * @throws IllegalArgumentException if the amount is negative
     */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative but was " + amount.toPlainString());
        }
    }

    /**
     * @param amount decimal text, e.g. {@code "0.003"}
     * @param currency ISO 4217 code, e.g. {@code "USD"}
     * @return the amount
     * @throws IllegalArgumentException if the amount is not a non-negative decimal or the code is unknown
     */
    public static Money of(String amount, String currency) {
        BigDecimal a;
        try {
            a = new BigDecimal(Objects.requireNonNull(amount, "amount"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount must be a decimal number but was '" + amount + "'", e);
        }
        return new Money(a, Currency.getInstance(Objects.requireNonNull(currency, "currency")));
    }

    /**
     * @param amount the amount
     * @param currency the currency
     * @return the amount
     */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /**
     * @param currency the currency
     * @return zero in that currency
     */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * @param other an amount in the same currency
     * @return the sum
     * @throws IllegalArgumentException if the currencies differ
     */
    public Money plus(Money other) {
        sameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /**
     * @param other an amount in the same currency
     * @return the difference, floored at zero
     * @throws IllegalArgumentException if the currencies differ
     */
    public Money minusOrZero(Money other) {
        sameCurrency(other);
        BigDecimal d = amount.subtract(other.amount);
        return new Money(d.signum() < 0 ? BigDecimal.ZERO : d, currency);
    }

    /** @return true if the amount is zero */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /**
     * @param other an amount in the same currency
     * @return true if this amount is strictly greater
     */
    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        sameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && m.currency.equals(currency) && m.amount.compareTo(amount) == 0;
    }

    @Override
    public int hashCode() {
        return currency.hashCode() * 31 + (amount.signum() == 0 ? 0 : amount.stripTrailingZeros().hashCode());
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
