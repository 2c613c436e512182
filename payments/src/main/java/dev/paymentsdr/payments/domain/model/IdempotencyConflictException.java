package dev.paymentsdr.payments.domain.model;

/** The idempotency key was already used for a different request; the stored payment stays unchanged. */
public final class IdempotencyConflictException extends RuntimeException {
    private final PaymentId existingPaymentId;

    public IdempotencyConflictException(IdempotencyKey key, PaymentId existingPaymentId) {
        super("Idempotency-Key '" + key.value() + "' was already used for a different payment request (payment "
                + existingPaymentId + "); send the original request unchanged to get its result, or use a new key for a new payment");
        this.existingPaymentId = existingPaymentId;
    }

    public PaymentId existingPaymentId() {
        return existingPaymentId;
    }
}
