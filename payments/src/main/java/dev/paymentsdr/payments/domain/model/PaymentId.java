package dev.paymentsdr.payments.domain.model;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Server-assigned payment identifier (a UUID). */
public record PaymentId(UUID value) {
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public PaymentId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the canonical 36-character UUID text; empty when the text is anything else. */
    public static Optional<PaymentId> parse(String text) {
        // UUID.fromString accepts odd forms such as "1-2-3-4-5"; only the canonical form is an id.
        if (text == null || !CANONICAL_UUID.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(new PaymentId(UUID.fromString(text)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
