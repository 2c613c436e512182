package dev.paymentsdr.payments.port.out;

import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.domain.model.RequestFingerprint;

/** Writes a payment and its idempotency record atomically, at most once per idempotency key. */
public interface RecordPaymentPort {
    /** @throws LedgerUnavailableException when the ledger cannot take writes now (nothing was written) */
    RecordOutcome recordIfAbsent(Payment payment, RequestFingerprint fingerprint);
}
