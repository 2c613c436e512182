package dev.paymentsdr.service.adapter.out.events;

import dev.paymentsdr.payments.domain.model.PaymentEvent;
import dev.paymentsdr.payments.port.out.PaymentEventPublisher;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The events of a deployment without an event bus (the lab): one DEBUG line per event on {@code dev.paymentsdr.events}. */
public final class LogEventPublisher implements PaymentEventPublisher {
    private static final Logger EVENTS = LoggerFactory.getLogger("dev.paymentsdr.events");

    @Override
    public void publish(List<PaymentEvent> events) {
        if (EVENTS.isDebugEnabled()) {
            events.forEach(event -> EVENTS.debug("{} {} payment {} ({})", event.type().wireName(), event.eventId(),
                    event.payment().id(), event.originRegion()));
        }
    }
}
