package dev.paymentsdr.payments.port.in;

/** Takes a payment exactly once per idempotency key. */
public interface CreatePaymentUseCase {
    /**
     * Records the payment, or returns the one recorded earlier under the same key for the same request.
     *
     * @throws dev.paymentsdr.payments.domain.model.IdempotencyConflictException when the key was used for another request
     * @throws dev.paymentsdr.payments.port.out.LedgerUnavailableException when the ledger cannot take writes now
     */
    CreatePaymentResult create(CreatePaymentCommand command);
}
