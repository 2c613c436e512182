package dev.paymentsdr.payments.domain.model;

import java.util.regex.Pattern;

/** Identifier of the paying customer: 1 to 64 characters of {@code [A-Za-z0-9_-]}. */
public record CustomerId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public CustomerId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidPaymentException("customerId",
                    "customerId must be 1 to 64 characters of A-Z, a-z, 0-9, '_' or '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
