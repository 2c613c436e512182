package dev.paymentsdr.service.adapter.in.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.paymentsdr.service.adapter.out.events.PaymentEventJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The streamed JSON of payments and events is exactly what the tree form of the same fields serializes to. */
class PaymentJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Payment PLAIN = new Payment(new PaymentId(UUID.fromString("123e4567-e89b-42d3-a456-426614174000")),
            new IdempotencyKey("order-42"), new CustomerId("c1"), new Money(1050, CurrencyCode.of("USD")), Optional.empty(),
            Metadata.empty(), PaymentStatus.ACCEPTED, "us-east-1", Instant.parse("2026-12-01T10:00:00.123456Z"));
    private static final Payment FULL = new Payment(new PaymentId(UUID.fromString("00000000-0000-4000-8000-000000000001")),
            new IdempotencyKey("k:1"), new CustomerId("c_2"), new Money(1250, CurrencyCode.of("KWD")),
            Optional.of(new Description("a \"quoted\" \\ line \u00e9\u4e2d\ud83d\ude00 <b>")),
            Metadata.of(Map.of("order", "42", "note", "slash / and \"quotes\" and \\")), PaymentStatus.ACCEPTED, "us-east-2",
            Instant.parse("2026-12-01T10:00:00Z"));

    private static ObjectNode tree(Payment payment) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", payment.id().toString());
        node.put("status", payment.status().wireName());
        node.put("customerId", payment.customerId().value());
        node.put("amount", payment.amount().toDecimalString());
        node.put("currency", payment.amount().currency().code());
        node.put("region", payment.region());
        node.put("createdAt", PaymentJson.timestamp(payment.createdAt()));
        payment.description().ifPresent(d -> node.put("description", d.value()));
        if (!payment.metadata().isEmpty()) {
            ObjectNode metadata = node.putObject("metadata");
            payment.metadata().entries().forEach(metadata::put);
        }
        return node;
    }

    @Test
    void aPaymentRendersFieldByFieldAsItsTreeWould() throws Exception {
        for (Payment payment : List.of(PLAIN, FULL)) {
            assertThat(PaymentJson.render(payment)).isEqualTo(MAPPER.writeValueAsString(tree(payment)));
        }
        assertThat(PaymentJson.render(PLAIN)).isEqualTo("{\"id\":\"123e4567-e89b-42d3-a456-426614174000\",\"status\":\"accepted\","
                + "\"customerId\":\"c1\",\"amount\":\"10.50\",\"currency\":\"USD\",\"region\":\"us-east-1\","
                + "\"createdAt\":\"2026-12-01T10:00:00.123456Z\"}");
    }

    @Test
    void aPageHoldsItsItemsAndTheCursorOrNull() throws Exception {
        ObjectNode expected = MAPPER.createObjectNode();
        expected.putArray("items").add(tree(PLAIN)).add(tree(FULL));
        expected.put("nextCursor", "abc");

        assertThat(PaymentJson.renderPage(List.of(PLAIN, FULL), Optional.of("abc"))).isEqualTo(MAPPER.writeValueAsString(expected));
        assertThat(PaymentJson.renderPage(List.of(), Optional.empty())).isEqualTo("{\"items\":[],\"nextCursor\":null}");
    }

    @Test
    void anEventReadsBackAsTheSameEvent() {
        for (Payment payment : List.of(PLAIN, FULL)) {
            PaymentEvent event = PaymentEvent.created(payment);
            String json = PaymentEventJson.render(event);

            assertThat(json).doesNotContain("\n").startsWith("{\"schemaVersion\":1,\"eventId\":\"" + event.eventId() + "\"");
            assertThat(PaymentEventJson.parse(json)).isEqualTo(event);
        }
    }
}
