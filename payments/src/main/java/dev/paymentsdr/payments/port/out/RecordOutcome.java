package dev.paymentsdr.payments.port.out;

import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.domain.model.RequestFingerprint;

/** What the ledger did with a new payment: recorded it, or found one already recorded under the same key. */
public sealed interface RecordOutcome {

    /** The payment was written now. */
    record Recorded(Payment payment) implements RecordOutcome {
    }

    /** A payment already existed under the key; its stored request fingerprint tells replay from conflict. */
    record AlreadyRecorded(Payment existing, RequestFingerprint fingerprint) implements RecordOutcome {
    }
}
