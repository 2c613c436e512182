package dev.paymentsdr.payments.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.payments.domain.model.AmountPolicy;
import dev.paymentsdr.payments.domain.model.CurrencyCode;
import dev.paymentsdr.payments.domain.model.CustomerId;
import dev.paymentsdr.payments.domain.model.IdempotencyConflictException;
import dev.paymentsdr.payments.domain.model.IdempotencyKey;
import dev.paymentsdr.payments.domain.model.Metadata;
import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.domain.model.RequestFingerprint;
import dev.paymentsdr.payments.port.in.CreatePaymentCommand;
import dev.paymentsdr.payments.port.in.CreatePaymentResult;
import dev.paymentsdr.payments.port.out.RecordOutcome;
import dev.paymentsdr.payments.port.out.RecordPaymentPort;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CreatePaymentServiceTest {
    private static final AmountPolicy POLICY = new AmountPolicy(new BigDecimal("1000"));

    /** The port's contract in memory: first write per key wins, later writes see the stored payment. */
    private static final class KeyedLedger implements RecordPaymentPort {
        final Map<String, RecordOutcome.AlreadyRecorded> byKey = new HashMap<>();

        @Override
        public RecordOutcome recordIfAbsent(Payment payment, RequestFingerprint fingerprint) {
            RecordOutcome.AlreadyRecorded existing = byKey.get(payment.idempotencyKey().value());
            if (existing != null) {
                return existing;
            }
            byKey.put(payment.idempotencyKey().value(), new RecordOutcome.AlreadyRecorded(payment, fingerprint));
            return new RecordOutcome.Recorded(payment);
        }
    }

    private final KeyedLedger ledger = new KeyedLedger();
    private final CreatePaymentService service = new CreatePaymentService(ledger,
            Clock.fixed(Instant.parse("2026-11-22T03:00:00.123456789Z"), ZoneOffset.UTC), UUID::randomUUID, "us-east-1");

    private static CreatePaymentCommand command(String key, String amount) {
        return new CreatePaymentCommand(new IdempotencyKey(key), new CustomerId("c"),
                POLICY.parse(amount, CurrencyCode.of("USD")), Optional.empty(), Metadata.empty());
    }

    @Test
    void givenANewKey_thenThePaymentIsRecordedAcceptedInThisRegionAtMicrosecondPrecision() {
        CreatePaymentResult result = service.create(command("k1", "10.50"));

        assertThat(result.replayed()).isFalse();
        assertThat(result.payment().region()).isEqualTo("us-east-1");
        assertThat(result.payment().status().wireName()).isEqualTo("accepted");
        assertThat(result.payment().createdAt()).isEqualTo(Instant.parse("2026-11-22T03:00:00.123456Z"));
        assertThat(ledger.byKey).hasSize(1);
    }

    @Test
    void givenDuplicateKeyAndSameRequest_thenSamePaymentIsReturnedAsReplay() {
        Payment first = service.create(command("k1", "10.50")).payment();
        CreatePaymentResult retry = service.create(command("k1", "10.5"));

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.payment().id()).isEqualTo(first.id());
    }

    @Test
    void givenDuplicateKeyAndDifferentRequest_thenConflictNamesTheKeyAndExistingPayment() {
        Payment first = service.create(command("k1", "10.50")).payment();

        assertThatThrownBy(() -> service.create(command("k1", "10.51")))
                .isInstanceOf(IdempotencyConflictException.class)
                .hasMessageContaining("'k1'")
                .hasMessageContaining(first.id().toString());
        assertThat(ledger.byKey.get("k1").existing().amount().amountMinor()).isEqualTo(1050);
    }
}
