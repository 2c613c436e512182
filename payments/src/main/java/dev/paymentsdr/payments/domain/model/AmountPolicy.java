package dev.paymentsdr.payments.domain.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/** Turns a client's decimal amount into {@link Money}: positive, no more decimals than the currency has, at most a maximum. */
public final class AmountPolicy {
    /** The largest maximum a deployment may configure, so every accepted amount fits the ledger's bigint. */
    public static final BigDecimal LARGEST_ALLOWED_MAXIMUM = new BigDecimal("1000000000000");
    private static final Pattern DECIMAL_TEXT = Pattern.compile("[0-9]{1,40}(\\.[0-9]{1,40})?");

    private final BigDecimal maxMajor;

    /** @param maxMajor the largest accepted amount, in major units of any currency */
    public AmountPolicy(BigDecimal maxMajor) {
        Objects.requireNonNull(maxMajor, "maxMajor");
        if (maxMajor.signum() <= 0 || maxMajor.compareTo(LARGEST_ALLOWED_MAXIMUM) > 0) {
            throw new IllegalArgumentException("the maximum amount must be greater than 0 and at most "
                    + LARGEST_ALLOWED_MAXIMUM.toPlainString() + ", got " + maxMajor.toPlainString());
        }
        this.maxMajor = maxMajor;
    }

    public BigDecimal maxMajor() {
        return maxMajor;
    }

    /** Parses amount text such as "10.50": digits with an optional fraction, no sign, exponent or spaces. */
    public Money parse(String text, CurrencyCode currency) {
        if (text == null || !DECIMAL_TEXT.matcher(text).matches()) {
            throw new InvalidPaymentException("amount",
                    "amount must be a positive decimal such as \"10.50\" (digits, optional '.' and fraction; no sign, exponent or spaces)");
        }
        return toMoney(new BigDecimal(text), currency);
    }

    /** Checks an exact decimal amount in major units and converts it to minor units. */
    public Money toMoney(BigDecimal amount, CurrencyCode currency) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() <= 0) {
            throw new InvalidPaymentException("amount", "amount must be greater than zero");
        }
        int digits = currency.minorDigits();
        if (amount.scale() > digits) {
            throw new InvalidPaymentException("amount", digits == 0
                    ? currency.code() + " amounts are whole numbers (no decimal places)"
                    : currency.code() + " amounts have at most " + digits + " decimal place" + (digits == 1 ? "" : "s"));
        }
        if (amount.compareTo(maxMajor) > 0) {
            throw new InvalidPaymentException("amount",
                    "amount must be at most " + maxMajor.toPlainString() + " " + currency.code());
        }
        return new Money(amount.movePointRight(digits).longValueExact(), currency);
    }
}
