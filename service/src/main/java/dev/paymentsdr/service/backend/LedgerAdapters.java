package dev.paymentsdr.service.backend;

import dev.paymentsdr.payments.port.out.LedgerLookupPort;
import dev.paymentsdr.payments.port.out.ListPaymentsPort;
import dev.paymentsdr.payments.port.out.LoadPaymentPort;
import dev.paymentsdr.payments.port.out.PaymentOutboxPort;
import dev.paymentsdr.payments.port.out.RecordPaymentPort;
import dev.paymentsdr.service.health.ReadinessProbe;
import java.util.Objects;

/**
 * The ports one ledger adapter serves (often one object behind several of them), its readiness check, and what
 * to close when the service stops (pools, clients).
 */
public record LedgerAdapters(RecordPaymentPort recorder, LoadPaymentPort loader, ListPaymentsPort lister,
                             LedgerLookupPort lookup, PaymentOutboxPort outbox, ReadinessProbe readiness,
                             AutoCloseable resources) implements AutoCloseable {
    public LedgerAdapters {
        Objects.requireNonNull(recorder, "recorder");
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(lister, "lister");
        Objects.requireNonNull(lookup, "lookup");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(resources, "resources");
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing the ledger failed: " + e.getMessage(), e);
        }
    }
}
