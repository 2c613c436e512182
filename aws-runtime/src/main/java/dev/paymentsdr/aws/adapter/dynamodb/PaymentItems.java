package dev.paymentsdr.aws.adapter.dynamodb;

import dev.paymentsdr.payments.domain.model.CurrencyCode;
import dev.paymentsdr.payments.domain.model.CustomerId;
import dev.paymentsdr.payments.domain.model.Description;
import dev.paymentsdr.payments.domain.model.IdempotencyKey;
import dev.paymentsdr.payments.domain.model.Metadata;
import dev.paymentsdr.payments.domain.model.Money;
import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.domain.model.PaymentEvent;
import dev.paymentsdr.payments.domain.model.PaymentId;
import dev.paymentsdr.payments.domain.model.PaymentStatus;
import dev.paymentsdr.payments.domain.model.RequestFingerprint;
import dev.paymentsdr.service.adapter.out.events.PaymentEventJson;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Payment, idempotency and event items of the {@link LedgerTable}, and back. */
final class PaymentItems {
    static final String PAYMENT_SK = "PAYMENT";
    static final String IDEMPOTENCY_SK = "IDEMPOTENCY";
    static final String EVENT_SK = "EVENT";
    /** Fixed width, so that the text order of {@code <createdAt>#<id>} sort keys is the time order. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private PaymentItems() {
    }

    static Map<String, AttributeValue> paymentKey(PaymentId id) {
        return Map.of(LedgerTable.PK, s("PAYMENT#" + id), LedgerTable.SK, s(PAYMENT_SK));
    }

    static Map<String, AttributeValue> recordKey(IdempotencyKey key) {
        return Map.of(LedgerTable.PK, s("IDEMPOTENCY#" + key.value()), LedgerTable.SK, s(IDEMPOTENCY_SK));
    }

    static Map<String, AttributeValue> eventKey(UUID eventId) {
        return Map.of(LedgerTable.PK, s("EVENT#" + eventId), LedgerTable.SK, s(EVENT_SK));
    }

    static String customerKey(CustomerId customerId) {
        return "CUSTOMER#" + customerId.value();
    }

    static String customerSort(Instant createdAt, PaymentId id) {
        return timestamp(createdAt) + "#" + id;
    }

    static Map<String, AttributeValue> payment(Payment payment) {
        Map<String, AttributeValue> item = new HashMap<>(paymentKey(payment.id()));
        item.put("paymentId", s(payment.id().toString()));
        item.put("idempotencyKey", s(payment.idempotencyKey().value()));
        item.put("customerId", s(payment.customerId().value()));
        item.put("amountMinor", AttributeValue.fromN(Long.toString(payment.amount().amountMinor())));
        item.put("currency", s(payment.amount().currency().code()));
        payment.description().ifPresent(d -> item.put("description", s(d.value())));
        if (!payment.metadata().isEmpty()) {
            Map<String, AttributeValue> metadata = new HashMap<>();
            payment.metadata().entries().forEach((k, v) -> metadata.put(k, s(v)));
            item.put("metadata", AttributeValue.fromM(metadata));
        }
        item.put("status", s(payment.status().wireName()));
        item.put("region", s(payment.region()));
        item.put("createdAt", s(timestamp(payment.createdAt())));
        item.put(LedgerTable.CUSTOMER_KEY, s(customerKey(payment.customerId())));
        item.put(LedgerTable.CUSTOMER_SORT, s(customerSort(payment.createdAt(), payment.id())));
        return item;
    }

    static Payment payment(Map<String, AttributeValue> item) {
        CurrencyCode currency = CurrencyCode.of(text(item, "currency"));
        Map<String, String> metadata = new TreeMap<>();
        AttributeValue stored = item.get("metadata");
        if (stored != null && stored.hasM()) {
            stored.m().forEach((k, v) -> metadata.put(k, v.s()));
        }
        return new Payment(
                new PaymentId(UUID.fromString(text(item, "paymentId"))),
                new IdempotencyKey(text(item, "idempotencyKey")),
                new CustomerId(text(item, "customerId")),
                new Money(Long.parseLong(item.get("amountMinor").n()), currency),
                Optional.ofNullable(item.get("description")).map(AttributeValue::s).map(Description::new),
                Metadata.of(metadata),
                PaymentStatus.fromWireName(text(item, "status")),
                text(item, "region"),
                Instant.parse(text(item, "createdAt")));
    }

    static Map<String, AttributeValue> record(Payment payment, RequestFingerprint fingerprint) {
        Map<String, AttributeValue> item = new HashMap<>(recordKey(payment.idempotencyKey()));
        item.put("paymentId", s(payment.id().toString()));
        item.put("requestHash", s(fingerprint.sha256Hex()));
        item.put("region", s(payment.region()));
        item.put("createdAt", s(timestamp(payment.createdAt())));
        return item;
    }

    /** A pending event: in the pending index until the relay removes it. */
    static Map<String, AttributeValue> event(PaymentEvent event) {
        Map<String, AttributeValue> item = new HashMap<>(eventKey(event.eventId()));
        item.put("eventId", s(event.eventId().toString()));
        item.put("eventType", s(event.type().wireName()));
        item.put("paymentId", s(event.payment().id().toString()));
        item.put("originRegion", s(event.originRegion()));
        item.put("payload", s(PaymentEventJson.render(event)));
        item.put(LedgerTable.PENDING_SHARD, s(pendingShard(event.eventId())));
        item.put(LedgerTable.PENDING_SORT, s(timestamp(event.occurredAt()) + "#" + event.eventId()));
        return item;
    }

    static String pendingShard(UUID eventId) {
        return "PENDING#" + Math.floorMod(eventId.hashCode(), LedgerTable.PENDING_SHARDS);
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalStateException("ledger item " + item.get(LedgerTable.PK) + " lacks the string attribute " + name);
        }
        return value.s();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
