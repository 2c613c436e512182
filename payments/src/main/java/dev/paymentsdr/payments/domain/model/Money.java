package dev.paymentsdr.payments.domain.model;

import java.math.BigDecimal;
import java.util.Objects;

/** An exact, positive amount of one currency, held in minor units (cents for USD); never a floating-point number. */
public record Money(long amountMinor, CurrencyCode currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (amountMinor <= 0) {
            throw new InvalidPaymentException("amount", "amount must be greater than zero");
        }
    }

    /** The amount in major units with exactly the currency's minor digits ("10.50" USD, "1000" JPY, "1.250" KWD). */
    public BigDecimal toMajor() {
        return BigDecimal.valueOf(amountMinor, currency.minorDigits());
    }

    /** {@link #toMajor()} as plain text, never in exponent notation. */
    public String toDecimalString() {
        return toMajor().toPlainString();
    }

    @Override
    public String toString() {
        return toDecimalString() + " " + currency.code();
    }
}
