package dev.paymentsdr.payments.port.in;

import dev.paymentsdr.payments.domain.model.CustomerId;
import dev.paymentsdr.payments.domain.model.Description;
import dev.paymentsdr.payments.domain.model.IdempotencyKey;
import dev.paymentsdr.payments.domain.model.Metadata;
import dev.paymentsdr.payments.domain.model.Money;
import dev.paymentsdr.payments.domain.model.RequestFingerprint;
import java.util.Objects;
import java.util.Optional;

/** A validated request to take a payment; every part has checked itself on construction. */
public record CreatePaymentCommand(IdempotencyKey idempotencyKey,
                                   CustomerId customerId,
                                   Money amount,
                                   Optional<Description> description,
                                   Metadata metadata) {

    public CreatePaymentCommand {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(metadata, "metadata");
    }

    /** Canonical fingerprint used to tell a retry from a different request under the same key. */
    public RequestFingerprint fingerprint() {
        return RequestFingerprint.of(customerId, amount, description, metadata);
    }
}
