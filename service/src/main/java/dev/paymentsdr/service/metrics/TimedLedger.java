package dev.paymentsdr.service.metrics;

import dev.paymentsdr.payments.domain.model.CustomerId;
import dev.paymentsdr.payments.domain.model.PageCursor;
import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.domain.model.PaymentId;
import dev.paymentsdr.payments.domain.model.RequestFingerprint;
import dev.paymentsdr.payments.port.out.LedgerUnavailableException;
import dev.paymentsdr.payments.port.out.ListPaymentsPort;
import dev.paymentsdr.payments.port.out.LoadPaymentPort;
import dev.paymentsdr.payments.port.out.RecordOutcome;
import dev.paymentsdr.payments.port.out.RecordPaymentPort;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The ledger's three ports, each call timed in {@code payments_ledger_seconds{operation, outcome}}: ok, unavailable
 * (a standby, a fenced primary or an unreachable database) or error. Whatever ledger adapter is behind them.
 */
public final class TimedLedger implements RecordPaymentPort, LoadPaymentPort, ListPaymentsPort {
    private final RecordPaymentPort recorder;
    private final LoadPaymentPort loader;
    private final ListPaymentsPort lister;
    private final Outcomes record;
    private final Outcomes load;
    private final Outcomes list;

    public TimedLedger(RecordPaymentPort recorder, LoadPaymentPort loader, ListPaymentsPort lister, MeterRegistry registry) {
        this.recorder = recorder;
        this.loader = loader;
        this.lister = lister;
        record = new Outcomes(registry, "record");
        load = new Outcomes(registry, "load");
        list = new Outcomes(registry, "list");
    }

    @Override
    public RecordOutcome recordIfAbsent(Payment payment, RequestFingerprint fingerprint) {
        return record.time(() -> recorder.recordIfAbsent(payment, fingerprint));
    }

    @Override
    public Optional<Payment> load(PaymentId id) {
        return load.time(() -> loader.load(id));
    }

    @Override
    public List<Payment> listNewestFirst(CustomerId customerId, Optional<PageCursor> after, int limit) {
        return list.time(() -> lister.listNewestFirst(customerId, after, limit));
    }

    /** The three timers of one operation. */
    private static final class Outcomes {
        private final Timer ok;
        private final Timer unavailable;
        private final Timer error;

        Outcomes(MeterRegistry registry, String operation) {
            ok = timer(registry, operation, "ok");
            unavailable = timer(registry, operation, "unavailable");
            error = timer(registry, operation, "error");
        }

        <T> T time(Supplier<T> call) {
            long started = System.nanoTime();
            Timer outcome = error;
            try {
                T result = call.get();
                outcome = ok;
                return result;
            } catch (LedgerUnavailableException e) {
                outcome = unavailable;
                throw e;
            } finally {
                outcome.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        }

        private static Timer timer(MeterRegistry registry, String operation, String outcome) {
            return Timer.builder("payments.ledger").description("calls to the payment ledger, by operation and outcome")
                    .tag("operation", operation).tag("outcome", outcome)
                    .serviceLevelObjectives(ServiceMetrics.LATENCY_BUCKETS).register(registry);
        }
    }
}
