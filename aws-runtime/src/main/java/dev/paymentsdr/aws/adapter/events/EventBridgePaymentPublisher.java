package dev.paymentsdr.aws.adapter.events;

import dev.paymentsdr.payments.domain.model.PaymentEvent;
import dev.paymentsdr.payments.domain.model.PaymentEventType;
import dev.paymentsdr.payments.domain.model.PaymentFailure;
import dev.paymentsdr.payments.port.out.PaymentEventPublisher;
import dev.paymentsdr.payments.port.out.PaymentFailurePublisher;
import dev.paymentsdr.service.adapter.out.events.PaymentEventJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes payment events to the region's EventBridge bus: source {@value #SOURCE}, detail-type the event type
 * ({@code payment.created}, {@code payment.failed}), detail the event's JSON with {@code eventId} (consumers
 * de-duplicate by it) and {@code originRegion} (the bus's cross-region forwarding rule matches it).
 */
public final class EventBridgePaymentPublisher implements PaymentEventPublisher, PaymentFailurePublisher, AutoCloseable {
    /** The source every payment event carries; the stacks' event bus archives and forwards by it. */
    public static final String SOURCE = "dev.paymentsdr.payments";
    /** Entries per PutEvents call (the API's limit). */
    private static final int ENTRIES_PER_CALL = 10;

    private final EventBridgeClient client;
    private final String eventBus;

    /** @param eventBus the bus name or ARN */
    public EventBridgePaymentPublisher(EventBridgeClient client, String eventBus) {
        this.client = Objects.requireNonNull(client, "client");
        this.eventBus = Objects.requireNonNull(eventBus, "eventBus");
    }

    @Override
    public void publish(List<PaymentEvent> events) {
        for (int i = 0; i < events.size(); i += ENTRIES_PER_CALL) {
            List<PutEventsRequestEntry> entries = new ArrayList<>();
            for (PaymentEvent event : events.subList(i, Math.min(events.size(), i + ENTRIES_PER_CALL))) {
                entries.add(entry(event.type().wireName(), event.occurredAt(), PaymentEventJson.render(event)));
            }
            put(entries);
        }
    }

    @Override
    public void publish(PaymentFailure failure) {
        put(List.of(entry(PaymentEventType.FAILED.wireName(), failure.occurredAt(), PaymentEventJson.render(failure))));
    }

    private PutEventsRequestEntry entry(String detailType, Instant time, String detail) {
        return PutEventsRequestEntry.builder().eventBusName(eventBus).source(SOURCE).detailType(detailType).time(time)
                .detail(detail).build();
    }

    private void put(List<PutEventsRequestEntry> entries) {
        PutEventsResponse response;
        try {
            response = client.putEvents(b -> b.entries(entries));
        } catch (SdkException e) {
            throw new IllegalStateException("publishing " + entries.size() + " payment events to EventBridge bus "
                    + eventBus + " failed: " + e.getMessage(), e);
        }
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            // The whole batch stays pending and is sent again; the entries that did arrive repeat with their ids.
            PutEventsResultEntry failed = response.entries().stream().filter(e -> e.errorCode() != null).findFirst()
                    .orElse(PutEventsResultEntry.builder().build());
            throw new IllegalStateException(response.failedEntryCount() + " of " + entries.size()
                    + " payment events were refused by EventBridge bus " + eventBus + " (first: " + failed.errorCode()
                    + " " + failed.errorMessage() + ")");
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
