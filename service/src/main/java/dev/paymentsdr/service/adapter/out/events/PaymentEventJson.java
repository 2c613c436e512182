package dev.paymentsdr.service.adapter.out.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paymentsdr.payments.domain.model.CurrencyCode;
import dev.paymentsdr.payments.domain.model.CustomerId;
import dev.paymentsdr.payments.domain.model.Description;
import dev.paymentsdr.payments.domain.model.IdempotencyKey;
import dev.paymentsdr.payments.domain.model.Metadata;
import dev.paymentsdr.payments.domain.model.Money;
import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.domain.model.PaymentEvent;
import dev.paymentsdr.payments.domain.model.PaymentEventType;
import dev.paymentsdr.payments.domain.model.PaymentFailure;
import dev.paymentsdr.payments.domain.model.PaymentId;
import dev.paymentsdr.payments.domain.model.PaymentStatus;
import dev.paymentsdr.service.json.PaymentFields;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The one JSON form of a payment event: the outbox payload, the EventBridge detail and one line of the
 * transaction-log archive. {@code eventId} is what consumers de-duplicate by; {@code originRegion} is what the
 * event bus's cross-region forwarding rule matches.
 */
public final class PaymentEventJson {
    /** Version of this layout, written into every event; readers refuse versions they do not know. */
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private PaymentEventJson() {
    }

    /** One line of JSON (no line breaks), written field by field (no tree): it runs for every payment. */
    public static String render(PaymentEvent event) {
        StringWriter text = new StringWriter(384);
        try (JsonGenerator json = JSON.getFactory().createGenerator(text)) {
            json.writeStartObject();
            json.writeNumberField("schemaVersion", SCHEMA_VERSION);
            json.writeStringField("eventId", event.eventId().toString());
            json.writeStringField("type", event.type().wireName());
            json.writeStringField("occurredAt", PaymentFields.timestamp(event.occurredAt()));
            json.writeStringField("originRegion", event.originRegion());
            json.writeFieldName("payment");
            PaymentFields.write(json, event.payment(), true);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON into a string cannot fail", e);
        }
        return text.toString();
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /**
     * A {@code payment.failed} event: {@code eventId}, {@code type}, {@code occurredAt}, {@code originRegion}, the
     * {@code request} (its id and idempotency key) and the {@code error} it was refused with.
     */
    public static String render(PaymentFailure failure) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("eventId", failure.eventId().toString());
        root.put("type", PaymentEventType.FAILED.wireName());
        root.put("occurredAt", PaymentFields.timestamp(failure.occurredAt()));
        root.put("originRegion", failure.region());
        ObjectNode request = root.putObject("request");
        request.put("id", failure.requestId());
        failure.idempotencyKey().ifPresent(key -> request.put("idempotencyKey", key));
        ObjectNode error = root.putObject("error");
        error.put("status", failure.status());
        error.put("code", failure.code());
        error.put("message", failure.message());
        failure.field().ifPresent(field -> error.put("field", field));
        return write(root);
    }

    /** Reads {@link #render(PaymentEvent)} back; the message of a failure says which field is wrong. */
    public static PaymentEvent parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a payment event: invalid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a payment event: not a JSON object");
        }
        int version = root.path("schemaVersion").asInt(-1);
        if (version != SCHEMA_VERSION) {
            throw new IllegalArgumentException("payment event schemaVersion " + root.path("schemaVersion")
                    + " is not supported (this version reads " + SCHEMA_VERSION + ")");
        }
        JsonNode node = root.path("payment");
        CurrencyCode currency = CurrencyCode.of(text(node, "currency"));
        BigDecimal major = new BigDecimal(text(node, "amount"));
        Payment payment = new Payment(
                PaymentId.parse(text(node, "id")).orElseThrow(() -> new IllegalArgumentException("payment.id is not a UUID")),
                new IdempotencyKey(text(node, "idempotencyKey")),
                new CustomerId(text(node, "customerId")),
                new Money(major.movePointRight(currency.minorDigits()).longValueExact(), currency),
                Optional.ofNullable(node.get("description")).map(JsonNode::asText).map(Description::new),
                metadata(node.get("metadata")),
                PaymentStatus.fromWireName(text(node, "status")),
                text(node, "region"),
                Instant.parse(text(node, "createdAt")));
        return new PaymentEvent(UUID.fromString(text(root, "eventId")), PaymentEventType.fromWireName(text(root, "type")),
                payment, Instant.parse(text(root, "occurredAt")));
    }

    private static Metadata metadata(JsonNode node) {
        if (node == null || node.isNull()) {
            return Metadata.empty();
        }
        Map<String, String> entries = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            entries.put(field.getKey(), field.getValue().asText());
        }
        return Metadata.of(entries);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("payment event field '" + field + "' is missing or not a string");
        }
        return value.textValue();
    }
}
