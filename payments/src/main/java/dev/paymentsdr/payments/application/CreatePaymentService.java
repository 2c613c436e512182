package dev.paymentsdr.payments.application;

import dev.paymentsdr.payments.domain.model.IdempotencyConflictException;
import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.domain.model.PaymentId;
import dev.paymentsdr.payments.domain.model.PaymentStatus;
import dev.paymentsdr.payments.domain.model.RequestFingerprint;
import dev.paymentsdr.payments.port.in.CreatePaymentCommand;
import dev.paymentsdr.payments.port.in.CreatePaymentResult;
import dev.paymentsdr.payments.port.in.CreatePaymentUseCase;
import dev.paymentsdr.payments.port.out.RecordOutcome;
import dev.paymentsdr.payments.port.out.RecordPaymentPort;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/** Creates payments idempotently: the ledger's unique key decides the winner, the fingerprint tells replay from conflict. */
public final class CreatePaymentService implements CreatePaymentUseCase {
    private final RecordPaymentPort ledger;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final String region;

    public CreatePaymentService(RecordPaymentPort ledger, Clock clock, Supplier<UUID> ids, String region) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.region = Objects.requireNonNull(region, "region");
    }

    @Override
    public CreatePaymentResult create(CreatePaymentCommand command) {
        RequestFingerprint fingerprint = command.fingerprint();
        Payment candidate = new Payment(
                new PaymentId(ids.get()),
                command.idempotencyKey(),
                command.customerId(),
                command.amount(),
                command.description(),
                command.metadata(),
                PaymentStatus.ACCEPTED,
                region,
                // Microseconds: what PostgreSQL stores, so the reply equals what a later read returns.
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        RecordOutcome outcome = ledger.recordIfAbsent(candidate, fingerprint);
        if (outcome instanceof RecordOutcome.Recorded recorded) {
            return new CreatePaymentResult(recorded.payment(), false);
        }
        RecordOutcome.AlreadyRecorded existing = (RecordOutcome.AlreadyRecorded) outcome;
        if (!existing.fingerprint().equals(fingerprint)) {
            throw new IdempotencyConflictException(command.idempotencyKey(), existing.existing().id());
        }
        return new CreatePaymentResult(existing.existing(), true);
    }
}
