package dev.paymentsdr.payments.port.in;

import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.domain.model.PaymentId;
import java.util.Objects;
import java.util.Optional;

/**
 * An archived (so acknowledged) payment that the ledger does not hold.
 *
 * @param keyNowHolds the payment the ledger holds under the same idempotency key, when the client sent the request
 *                    again after the failover and it was recorded anew
 */
public record MissingPayment(Payment payment, Optional<PaymentId> keyNowHolds) {
    public MissingPayment {
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(keyNowHolds, "keyNowHolds");
    }
}
