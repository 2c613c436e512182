package dev.paymentsdr.payments.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A payment the ledger has accepted: who pays how much, under which idempotency key, in which region, when. */
public record Payment(PaymentId id,
                      IdempotencyKey idempotencyKey,
                      CustomerId customerId,
                      Money amount,
                      Optional<Description> description,
                      Metadata metadata,
                      PaymentStatus status,
                      String region,
                      Instant createdAt) {

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
