package dev.paymentsdr.payments.domain.model;

import java.util.Locale;

/** Lifecycle state of a payment; a payment is {@code ACCEPTED} once the ledger has committed it. */
public enum PaymentStatus {
    ACCEPTED;

    /** The lower-case name used in the API and in the ledger. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a wire name back. */
    public static PaymentStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
