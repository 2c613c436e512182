package dev.paymentsdr.payments.domain.model;

import java.util.regex.Pattern;

/** Client-chosen key that makes a payment request safe to retry: 1 to 255 characters of {@code [A-Za-z0-9_.:-]}. */
public record IdempotencyKey(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_.:-]{1,255}");

    public IdempotencyKey {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidPaymentException("Idempotency-Key",
                    "Idempotency-Key must be 1 to 255 characters of A-Z, a-z, 0-9, '_', '.', ':' or '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
