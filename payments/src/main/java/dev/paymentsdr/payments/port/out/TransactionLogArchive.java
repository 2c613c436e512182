package dev.paymentsdr.payments.port.out;

import dev.paymentsdr.payments.domain.model.PaymentEvent;
import java.util.List;

/** Appends accepted payments to the region's transaction-log archive, the record a restored region is reconciled against. */
public interface TransactionLogArchive {
    /** An archive for deployments without one: nothing is kept. */
    TransactionLogArchive NONE = events -> { };

    /** Stores the batch durably or throws; a batch stored twice is harmless (readers de-duplicate by payment id). */
    void append(List<PaymentEvent> events);
}
