package dev.paymentsdr.payments.application;

import dev.paymentsdr.payments.domain.model.IdempotencyKey;
import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.domain.model.PaymentEventType;
import dev.paymentsdr.payments.domain.model.PaymentId;
import dev.paymentsdr.payments.port.in.MissingPayment;
import dev.paymentsdr.payments.port.in.ReconcileArchiveQuery;
import dev.paymentsdr.payments.port.in.ReconcileReport;
import dev.paymentsdr.payments.port.out.LedgerLookupPort;
import dev.paymentsdr.payments.port.out.TransactionLogReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reconciliation after a failover: every payment in the archive was acknowledged by the region that archived it;
 * those the new primary's ledger lacks are the data the failover lost. Reads the archive in chunks, so only the
 * missing payments are held in memory.
 */
public final class ReconcileService implements ReconcileArchiveQuery {
    private static final int CHUNK = 100;
    private final TransactionLogReader archive;
    private final LedgerLookupPort ledger;

    public ReconcileService(TransactionLogReader archive, LedgerLookupPort ledger) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    @Override
    public ReconcileReport reconcile(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the last day " + to + " is before the first day " + from);
        }
        Map<PaymentId, Payment> missing = new LinkedHashMap<>();
        Map<PaymentId, Payment> chunk = new LinkedHashMap<>();
        long[] entries = {0};
        archive.read(from, to, event -> {
            if (event.type() != PaymentEventType.CREATED) {
                return;
            }
            entries[0]++;
            chunk.put(event.payment().id(), event.payment());
            if (chunk.size() >= CHUNK) {
                collectMissing(chunk, missing);
            }
        });
        collectMissing(chunk, missing);
        List<MissingPayment> report = new ArrayList<>(missing.size());
        List<Payment> payments = List.copyOf(missing.values());
        for (int i = 0; i < payments.size(); i += CHUNK) {
            List<Payment> slice = payments.subList(i, Math.min(payments.size(), i + CHUNK));
            Map<IdempotencyKey, PaymentId> byKey = ledger.paymentIdsByKey(slice.stream().map(Payment::idempotencyKey).toList());
            slice.forEach(p -> report.add(new MissingPayment(p, Optional.ofNullable(byKey.get(p.idempotencyKey())))));
        }
        return new ReconcileReport(from, to, entries[0], report);
    }

    private void collectMissing(Map<PaymentId, Payment> chunk, Map<PaymentId, Payment> missing) {
        if (chunk.isEmpty()) {
            return;
        }
        Set<PaymentId> present = ledger.presentIds(chunk.keySet());
        chunk.forEach((id, payment) -> {
            if (!present.contains(id)) {
                missing.putIfAbsent(id, payment);
            }
        });
        chunk.clear();
    }
}
