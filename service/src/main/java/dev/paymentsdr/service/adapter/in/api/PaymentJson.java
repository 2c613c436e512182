package dev.paymentsdr.service.adapter.in.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.service.json.PaymentFields;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Renders payments and errors as the API's JSON. */
public final class PaymentJson {
    private PaymentJson() {
    }

    /**
     * The payment resource as text: id, status, customerId, amount (decimal string), currency, region, createdAt,
     * extras; this is also the response body stored with the idempotency record. Written field by field with
     * Jackson's generator (no tree, no reflection): it runs twice for every payment.
     */
    public static String render(Payment payment) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(text)) {
            write(json, payment);
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON into a string cannot fail", e);
        }
        return text.toString();
    }

    /** A page of payments: {@code {"items":[...],"nextCursor":...}}. */
    static String renderPage(List<Payment> items, Optional<String> nextCursor) {
        StringWriter text = new StringWriter(256 * (items.size() + 1));
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(text)) {
            json.writeStartObject();
            json.writeArrayFieldStart("items");
            for (Payment payment : items) {
                write(json, payment);
            }
            json.writeEndArray();
            json.writeStringField("nextCursor", nextCursor.orElse(null));
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON into a string cannot fail", e);
        }
        return text.toString();
    }

    private static void write(JsonGenerator json, Payment payment) throws IOException {
        PaymentFields.write(json, payment, false);
    }

    /** UTC timestamp with microseconds, the precision the ledger keeps. */
    static String timestamp(Instant instant) {
        return PaymentFields.timestamp(instant);
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
