package dev.paymentsdr.payments.port.out;

import dev.paymentsdr.payments.domain.model.PaymentFailure;

/** Publishes {@code payment.failed} events to the region's event bus. */
public interface PaymentFailurePublisher {
    /** For deployments without an event bus. */
    PaymentFailurePublisher NONE = failure -> { };

    /** Publishes the event or throws. */
    void publish(PaymentFailure failure);
}
