package dev.paymentsdr.payments.domain.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A payment request refused for good where no client is waiting for the answer (a queued request): the
 * {@code payment.failed} event. Nothing was written for it, so it needs no outbox; its id is derived from the
 * request, so every redelivery's copy carries the same one.
 *
 * @param requestId      the transport's id of the request (the SQS message id)
 * @param idempotencyKey the key the request was sent under, when it had one
 * @param code           the API's error code, e.g. {@code validation_error}
 * @param field          the request field at fault, when one is
 */
public record PaymentFailure(UUID eventId, String requestId, Optional<String> idempotencyKey, int status, String code,
                             String message, Optional<String> field, String region, Instant occurredAt) {
    public PaymentFailure {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** The stable event id of the refusal of one request. */
    public static UUID idFor(String requestId) {
        return UUID.nameUUIDFromBytes((PaymentEventType.FAILED.wireName() + ":" + requestId).getBytes(StandardCharsets.UTF_8));
    }
}
