package dev.paymentsdr.service.adapter.in.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paymentsdr.payments.domain.model.Payment;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Renders payments and errors as the API's JSON. */
public final class PaymentJson {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private PaymentJson() {
    }

    /** The payment resource: id, status, customerId, amount (decimal string), currency, region, createdAt, extras. */
    public static ObjectNode toNode(Payment payment) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", payment.id().toString());
        node.put("status", payment.status().wireName());
        node.put("customerId", payment.customerId().value());
        node.put("amount", payment.amount().toDecimalString());
        node.put("currency", payment.amount().currency().code());
        node.put("region", payment.region());
        node.put("createdAt", timestamp(payment.createdAt()));
        payment.description().ifPresent(d -> node.put("description", d.value()));
        if (!payment.metadata().isEmpty()) {
            ObjectNode metadata = node.putObject("metadata");
            payment.metadata().entries().forEach(metadata::put);
        }
        return node;
    }

    /** {@link #toNode(Payment)} as text; this is also the response body stored with the idempotency record. */
    public static String render(Payment payment) {
        return write(toNode(payment));
    }

    /** UTC timestamp with microseconds, the precision the ledger keeps. */
    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** The API's error body: {"error":{"code","message","field"?}}. */
    public static String error(String code, String message, String field) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        if (field != null) {
            error.put("field", field);
        }
        return write(root);
    }

    static String write(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    static ObjectNode object(Map<String, Object> values) {
        return Json.MAPPER.valueToTree(values);
    }
}
