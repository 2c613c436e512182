package dev.paymentsdr.payments.port.in;

import java.time.LocalDate;

/** Compares a transaction-log archive with the ledger after a failover. */
public interface ReconcileArchiveQuery {
    /** Lists the payments archived on the UTC days {@code from} to {@code to} that the ledger does not hold. */
    ReconcileReport reconcile(LocalDate from, LocalDate to);
}
