package dev.paymentsdr.payments.domain.model;

/** The kinds of payment event other systems receive. */
public enum PaymentEventType {
    /** The ledger committed a new payment. */
    CREATED("payment.created"),
    /** A payment request that no client waits for (a queued one) was refused for good; nothing was written. */
    FAILED("payment.failed");

    private final String wireName;

    PaymentEventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire: the EventBridge detail-type and the {@code type} field of archived lines. */
    public String wireName() {
        return wireName;
    }

    /** Reads a wire name back; throws for a name this version does not know. */
    public static PaymentEventType fromWireName(String name) {
        for (PaymentEventType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown payment event type '" + name + "'");
    }
}
