package dev.paymentsdr.payments.port.out;

import dev.paymentsdr.payments.domain.model.IdempotencyKey;
import dev.paymentsdr.payments.domain.model.PaymentId;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** Bulk questions reconciliation asks the ledger: which of these payments do you hold, and what is under these keys. */
public interface LedgerLookupPort {
    /** The ids among {@code ids} that the ledger holds. */
    Set<PaymentId> presentIds(Collection<PaymentId> ids);

    /** For each of {@code keys} that the ledger holds, the id of the payment recorded under it. */
    Map<IdempotencyKey, PaymentId> paymentIdsByKey(Collection<IdempotencyKey> keys);
}
