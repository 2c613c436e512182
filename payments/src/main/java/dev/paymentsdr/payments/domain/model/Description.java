package dev.paymentsdr.payments.domain.model;

/** Optional human-readable text on a payment: at most 255 characters, no control characters. */
public record Description(String value) {
    public static final int MAX_LENGTH = 255;

    public Description {
        if (value == null) {
            throw new InvalidPaymentException("description", "description must be a string");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidPaymentException("description",
                    "description is " + value.length() + " characters long; at most " + MAX_LENGTH + " are allowed");
        }
        if (Text.hasControlCharacter(value)) {
            throw new InvalidPaymentException("description", "description must not contain control characters or unpaired \\uD800-\\uDFFF escapes");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
