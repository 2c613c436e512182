package dev.paymentsdr.payments.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.payments.domain.model.IdempotencyKey;
import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.domain.model.PaymentEvent;
import dev.paymentsdr.payments.domain.model.PaymentId;
import dev.paymentsdr.payments.port.in.MissingPayment;
import dev.paymentsdr.payments.port.in.ReconcileReport;
import dev.paymentsdr.payments.port.out.LedgerLookupPort;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReconcileServiceTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-25");
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private final List<PaymentEvent> archived = new ArrayList<>();
    private final Map<PaymentId, Payment> ledger = new HashMap<>();
    private final LedgerLookupPort lookup = new LedgerLookupPort() {
        @Override
        public Set<PaymentId> presentIds(Collection<PaymentId> ids) {
            return ids.stream().filter(ledger::containsKey).collect(Collectors.toSet());
        }

        @Override
        public Map<IdempotencyKey, PaymentId> paymentIdsByKey(Collection<IdempotencyKey> keys) {
            Map<IdempotencyKey, PaymentId> found = new HashMap<>();
            ledger.values().stream().filter(p -> keys.contains(p.idempotencyKey()))
                    .forEach(p -> found.put(p.idempotencyKey(), p.id()));
            return found;
        }
    };
    private final ReconcileService service = new ReconcileService((from, to, each) -> archived.forEach(each), lookup);

    private Payment acknowledged(String key, int second, boolean replicated) {
        Payment payment = Payments.payment(key, T0.plusSeconds(second));
        archived.add(PaymentEvent.created(payment));
        if (replicated) {
            ledger.put(payment.id(), payment);
        }
        return payment;
    }

    @Test
    void givenEveryArchivedPaymentInTheLedger_thenTheReportIsComplete() {
        for (int i = 0; i < 250; i++) {
            acknowledged("k" + i, i, true);
        }

        ReconcileReport report = service.reconcile(DAY, DAY);

        assertThat(report.isComplete()).isTrue();
        assertThat(report.archivedEntries()).isEqualTo(250);
        assertThat(report.missingSpan()).isEqualTo(Duration.ZERO);
    }

    @Test
    void givenPaymentsLostInTheFailover_thenTheyAreListedOldestFirstWithTheirTimeSpan() {
        acknowledged("a", 0, true);
        Payment lostLate = acknowledged("c", 7, false);
        Payment lostEarly = acknowledged("b", 5, false);
        archived.add(PaymentEvent.created(lostLate)); // archived twice (at-least-once relay)

        ReconcileReport report = service.reconcile(DAY, DAY);

        assertThat(report.missing()).extracting(MissingPayment::payment).containsExactly(lostEarly, lostLate);
        assertThat(report.firstMissingAt()).contains(T0.plusSeconds(5));
        assertThat(report.missingSpan()).isEqualTo(Duration.ofSeconds(2));
        assertThat(report.archivedEntries()).isEqualTo(4);
    }

    @Test
    void givenALostPaymentWhoseKeyWasSentAgainAfterTheFailover_thenTheReportNamesThePaymentTheKeyHoldsNow() {
        Payment lost = acknowledged("retried", 1, false);
        Payment again = Payments.payment("retried", T0.plusSeconds(30));
        ledger.put(again.id(), again);

        ReconcileReport report = service.reconcile(DAY, DAY);

        assertThat(report.missing()).containsExactly(new MissingPayment(lost, Optional.of(again.id())));
    }
}
