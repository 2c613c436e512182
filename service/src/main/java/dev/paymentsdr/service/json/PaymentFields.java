package dev.paymentsdr.service.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.paymentsdr.payments.domain.model.Payment;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * A payment as a JSON object, written field by field with Jackson's generator (no tree, no reflection): the API's
 * resource and the payment inside every event are this one form (the event adds the idempotency key).
 */
public final class PaymentFields {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private PaymentFields() {
    }

    /** UTC timestamp with microseconds, the precision the ledger keeps. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /**
     * id, (idempotencyKey,) status, customerId, amount (decimal string), currency, region, createdAt, then description
     * and metadata when there are any.
     */
    public static void write(JsonGenerator json, Payment payment, boolean withIdempotencyKey) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", payment.id().toString());
        if (withIdempotencyKey) {
            json.writeStringField("idempotencyKey", payment.idempotencyKey().value());
        }
        json.writeStringField("status", payment.status().wireName());
        json.writeStringField("customerId", payment.customerId().value());
        json.writeStringField("amount", payment.amount().toDecimalString());
        json.writeStringField("currency", payment.amount().currency().code());
        json.writeStringField("region", payment.region());
        json.writeStringField("createdAt", timestamp(payment.createdAt()));
        if (payment.description().isPresent()) {
            json.writeStringField("description", payment.description().get().value());
        }
        if (!payment.metadata().isEmpty()) {
            json.writeObjectFieldStart("metadata");
            for (Map.Entry<String, String> entry : payment.metadata().entries().entrySet()) {
                json.writeStringField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }
}
