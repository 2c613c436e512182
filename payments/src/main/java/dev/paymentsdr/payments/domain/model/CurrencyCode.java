package dev.paymentsdr.payments.domain.model;

import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/** An ISO 4217 currency that has minor units (USD 2, JPY 0, KWD 3); codes such as XXX or XAU are refused. */
public record CurrencyCode(Currency currency) {
    private static final Pattern FORMAT = Pattern.compile("[A-Z]{3}");

    public CurrencyCode {
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw unknown(currency.getCurrencyCode());
        }
    }

    /** Parses an upper-case three-letter ISO 4217 code. */
    public static CurrencyCode of(String code) {
        if (code == null || !FORMAT.matcher(code).matches()) {
            throw new InvalidPaymentException("currency",
                    "currency must be an upper-case three-letter ISO 4217 code such as USD, EUR or JPY");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw unknown(code);
        }
        return new CurrencyCode(currency);
    }

    private static InvalidPaymentException unknown(String code) {
        return new InvalidPaymentException("currency",
                "currency '" + code + "' is not an ISO 4217 currency with minor units (for example USD, EUR, JPY, KWD)");
    }

    /** Digits after the decimal point in this currency (2 for USD). */
    public int minorDigits() {
        return currency.getDefaultFractionDigits();
    }

    /** The three-letter code. */
    public String code() {
        return currency.getCurrencyCode();
    }

    @Override
    public String toString() {
        return code();
    }
}
