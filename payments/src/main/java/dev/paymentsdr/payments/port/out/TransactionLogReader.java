package dev.paymentsdr.payments.port.out;

import dev.paymentsdr.payments.domain.model.PaymentEvent;
import java.time.LocalDate;
import java.util.function.Consumer;

/** Reads a transaction-log archive back, for reconciliation. */
public interface TransactionLogReader {
    /**
     * Hands every archived event of the UTC days {@code from} to {@code to} (inclusive) to {@code each}, in no
     * particular order and possibly more than once.
     */
    void read(LocalDate from, LocalDate to, Consumer<PaymentEvent> each);
}
