package dev.paymentsdr.payments.application;

import dev.paymentsdr.payments.domain.model.CurrencyCode;
import dev.paymentsdr.payments.domain.model.CustomerId;
import dev.paymentsdr.payments.domain.model.IdempotencyKey;
import dev.paymentsdr.payments.domain.model.Metadata;
import dev.paymentsdr.payments.domain.model.Money;
import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.domain.model.PaymentId;
import dev.paymentsdr.payments.domain.model.PaymentStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Sample payments for use-case tests. */
final class Payments {
    private Payments() {
    }

    static Payment payment(String key, Instant createdAt) {
        return new Payment(new PaymentId(UUID.randomUUID()), new IdempotencyKey(key), new CustomerId("c1"),
                new Money(1050, CurrencyCode.of("USD")), Optional.empty(), Metadata.empty(), PaymentStatus.ACCEPTED,
                "us-east-1", createdAt);
    }
}
