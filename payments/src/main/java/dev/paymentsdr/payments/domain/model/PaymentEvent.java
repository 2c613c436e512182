package dev.paymentsdr.payments.domain.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that happened to a payment, delivered to other systems at least once. The event id is derived from
 * the payment and the type, so every copy of one event (a relay retry, a second region's relay) carries the same id
 * and consumers drop repeats by it.
 *
 * @param occurredAt when it happened (for {@link PaymentEventType#CREATED}: the payment's creation time)
 */
public record PaymentEvent(UUID eventId, PaymentEventType type, Payment payment, Instant occurredAt) {

    public PaymentEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** The event that announces a newly recorded payment. */
    public static PaymentEvent created(Payment payment) {
        return new PaymentEvent(idFor(PaymentEventType.CREATED, payment.id()), PaymentEventType.CREATED, payment,
                payment.createdAt());
    }

    /** The stable id of an event of this type about this payment (a name-based UUID). */
    public static UUID idFor(PaymentEventType type, PaymentId paymentId) {
        return UUID.nameUUIDFromBytes((type.wireName() + ":" + paymentId).getBytes(StandardCharsets.UTF_8));
    }

    /** The region whose ledger recorded the payment. */
    public String originRegion() {
        return payment.region();
    }
}
