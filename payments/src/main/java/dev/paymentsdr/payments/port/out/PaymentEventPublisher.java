package dev.paymentsdr.payments.port.out;

import dev.paymentsdr.payments.domain.model.PaymentEvent;
import java.util.List;

/** Publishes payment events to the region's event bus. */
public interface PaymentEventPublisher {
    /** A publisher for deployments without an event bus: events are only archived. */
    PaymentEventPublisher NONE = events -> { };

    /** Publishes every event or throws (some may have been published: the relay retries them all, by event id). */
    void publish(List<PaymentEvent> events);
}
