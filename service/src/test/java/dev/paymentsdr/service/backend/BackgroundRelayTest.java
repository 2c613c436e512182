package dev.paymentsdr.service.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.payments.application.OutboxRelay;
import dev.paymentsdr.payments.domain.model.CurrencyCode;
import dev.paymentsdr.payments.domain.model.CustomerId;
import dev.paymentsdr.payments.domain.model.IdempotencyKey;
import dev.paymentsdr.payments.domain.model.Metadata;
import dev.paymentsdr.payments.domain.model.Money;
import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.domain.model.PaymentEvent;
import dev.paymentsdr.payments.domain.model.PaymentId;
import dev.paymentsdr.payments.domain.model.PaymentStatus;
import dev.paymentsdr.payments.port.out.PaymentOutboxPort;
import dev.paymentsdr.payments.port.out.TransactionLogArchive;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class BackgroundRelayTest {
    /** Pending events in memory, relayed oldest first. */
    private static final class MemoryOutbox implements PaymentOutboxPort {
        final List<PaymentEvent> pending = new ArrayList<>();

        @Override
        public synchronized int relayPending(int max, Consumer<List<PaymentEvent>> relay) {
            List<PaymentEvent> batch = List.copyOf(pending.subList(0, Math.min(max, pending.size())));
            if (!batch.isEmpty()) {
                relay.accept(batch);
                pending.subList(0, batch.size()).clear();
            }
            return batch.size();
        }
    }

    @Test
    void givenMoreEventsThanTenFullBatches_thenOnePassRelaysThemAll() {
        MemoryOutbox outbox = new MemoryOutbox();
        for (int i = 0; i < 2_550; i++) {
            Payment payment = new Payment(new PaymentId(UUID.randomUUID()), new IdempotencyKey("k" + i), new CustomerId("c"),
                    new Money(100, CurrencyCode.of("USD")), Optional.empty(), Metadata.empty(), PaymentStatus.ACCEPTED,
                    "us-east-1", Instant.parse("2026-12-01T10:00:00Z").plusSeconds(i));
            outbox.pending.add(PaymentEvent.created(payment));
        }
        List<PaymentEvent> published = new ArrayList<>();
        OutboxRelay relay = new OutboxRelay(outbox, published::addAll, TransactionLogArchive.NONE, 100);
        // An interval far beyond the test: only the pass called here runs.
        BackgroundRelay background = BackgroundRelay.start(relay, Duration.ofHours(1));
        try {
            background.pass();

            assertThat(outbox.pending).isEmpty();
            assertThat(published).hasSize(2_550);
        } finally {
            background.close();
        }
    }
}
