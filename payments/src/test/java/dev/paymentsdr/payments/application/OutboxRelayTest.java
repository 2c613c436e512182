package dev.paymentsdr.payments.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.payments.domain.model.PaymentEvent;
import dev.paymentsdr.payments.port.out.PaymentOutboxPort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {
    /** The port's contract in memory: pending events leave only when the relay returned normally. */
    private static final class MemoryOutbox implements PaymentOutboxPort {
        final List<PaymentEvent> pending = new ArrayList<>();

        @Override
        public int relayPending(int max, Consumer<List<PaymentEvent>> relay) {
            List<PaymentEvent> batch = List.copyOf(pending.subList(0, Math.min(max, pending.size())));
            if (batch.isEmpty()) {
                return 0;
            }
            relay.accept(batch);
            pending.removeAll(batch);
            return batch.size();
        }
    }

    private final MemoryOutbox outbox = new MemoryOutbox();
    private final List<String> calls = new ArrayList<>();

    private void record(int count) {
        for (int i = 0; i < count; i++) {
            outbox.pending.add(PaymentEvent.created(Payments.payment("k" + i, Instant.parse("2026-11-25T10:00:00Z").plusSeconds(i))));
        }
    }

    @Test
    void givenPendingEvents_thenTheyAreArchivedBeforeTheyArePublishedAndLeaveTheOutbox() {
        record(3);
        OutboxRelay relay = new OutboxRelay(outbox, events -> calls.add("publish " + events.size()),
                events -> calls.add("archive " + events.size()), 10);

        assertThat(relay.relayOnce()).isEqualTo(3);
        assertThat(calls).containsExactly("archive 3", "publish 3");
        assertThat(outbox.pending).isEmpty();
        assertThat(relay.relayOnce()).isZero();
    }

    @Test
    void givenAPublisherThatFails_thenTheBatchStaysPendingAndTheNextPassSendsTheSameEventIds() {
        record(2);
        List<PaymentEvent> published = new ArrayList<>();
        boolean[] failNext = {true};
        OutboxRelay relay = new OutboxRelay(outbox, events -> {
            if (failNext[0]) {
                failNext[0] = false;
                throw new IllegalStateException("bus unreachable");
            }
            published.addAll(events);
        }, events -> { }, 10);

        assertThatThrownBy(relay::relayOnce).hasMessage("bus unreachable");
        assertThat(outbox.pending).hasSize(2);
        List<PaymentEvent> before = List.copyOf(outbox.pending);

        assertThat(relay.relayOnce()).isEqualTo(2);
        assertThat(published).extracting(PaymentEvent::eventId).containsExactlyElementsOf(
                before.stream().map(PaymentEvent::eventId).toList());
    }

    @Test
    void givenMoreThanABatch_thenRelayAvailableDrainsInBatchesAndStopsAtTheLimit() {
        record(25);
        List<Integer> batches = new ArrayList<>();
        OutboxRelay relay = new OutboxRelay(outbox, events -> batches.add(events.size()), events -> { }, 10);

        assertThat(relay.relayAvailable(2)).isEqualTo(20);
        assertThat(outbox.pending).hasSize(5);
        assertThat(relay.relayAvailable(5)).isEqualTo(5);
        assertThat(batches).containsExactly(10, 10, 5);
    }

    @Test
    void theEventIdOfOnePaymentIsTheSameEveryTimeAndDiffersBetweenPayments() {
        var payment = Payments.payment("k1", Instant.parse("2026-11-25T10:00:00Z"));
        var other = Payments.payment("k1", Instant.parse("2026-11-25T10:00:00Z"));

        assertThat(PaymentEvent.created(payment).eventId()).isEqualTo(PaymentEvent.created(payment).eventId());
        assertThat(PaymentEvent.created(payment).eventId()).isNotEqualTo(PaymentEvent.created(other).eventId());
        assertThat(PaymentEvent.created(payment).occurredAt()).isEqualTo(payment.createdAt());
    }
}
