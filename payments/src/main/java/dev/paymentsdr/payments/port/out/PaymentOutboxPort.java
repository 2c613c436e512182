package dev.paymentsdr.payments.port.out;

import dev.paymentsdr.payments.domain.model.PaymentEvent;
import java.util.List;
import java.util.function.Consumer;

/**
 * The transactional outbox: events that the ledger recorded in the same transaction as their payments (so no
 * payment exists without its event), waiting to be relayed to the event bus and the transaction-log archive.
 */
public interface PaymentOutboxPort {
    /**
     * Hands up to {@code max} pending events, oldest first, to {@code relay}, and marks them relayed only when
     * {@code relay} returns normally; when it throws, they stay pending and the exception propagates.
     *
     * @return how many events were relayed (0 when none was pending)
     * @throws LedgerUnavailableException when the ledger cannot be written now (a standby, or unreachable)
     */
    int relayPending(int max, Consumer<List<PaymentEvent>> relay);
}
