package dev.paymentsdr.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.paymentsdr.payments.domain.model.AmountPolicy;
import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.domain.model.PaymentId;
import dev.paymentsdr.payments.domain.model.PaymentPage;
import dev.paymentsdr.payments.domain.model.PaymentStatus;
import dev.paymentsdr.payments.port.in.CreatePaymentCommand;
import dev.paymentsdr.payments.port.in.CreatePaymentResult;
import dev.paymentsdr.service.adapter.in.api.PaymentApi;
import dev.paymentsdr.service.health.ReadinessReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which idempotency key a queue message pays under: attribute, else the body's transactionId, else the message id. */
class QueueMessageKeyTest {
    private final List<String> keys = new ArrayList<>();
    private final PaymentApi api = new PaymentApi(command -> {
        keys.add(command.idempotencyKey().value());
        return result(command);
    }, id -> Optional.empty(), c -> new PaymentPage(List.of(), Optional.empty()), () -> ReadinessReport.ready(Map.of()),
            new AmountPolicy(new BigDecimal("1000")), "us-east-1");

    private static CreatePaymentResult result(CreatePaymentCommand command) {
        return new CreatePaymentResult(new Payment(new PaymentId(UUID.randomUUID()), command.idempotencyKey(),
                command.customerId(), command.amount(), command.description(), command.metadata(), PaymentStatus.ACCEPTED,
                "us-east-1", Instant.now()), false);
    }

    private static SQSEvent.SQSMessage message(String id, String body, String attribute) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        if (attribute != null) {
            SQSEvent.MessageAttribute value = new SQSEvent.MessageAttribute();
            value.setStringValue(attribute);
            value.setDataType("String");
            message.setMessageAttributes(Map.of(PaymentQueueHandler.IDEMPOTENCY_KEY_ATTRIBUTE, value));
        }
        return message;
    }

    @Test
    void theAttributeWinsThenTheTransactionIdThenTheMessageId() {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(
                message("m1", "{\"customerId\":\"c\",\"amount\":1,\"currency\":\"USD\"}", "from-attribute"),
                message("m2", "{\"transactionId\":\"from-body\",\"customerId\":\"c\",\"amount\":1,\"currency\":\"USD\"}", null),
                message("m3", "{\"customerId\":\"c\",\"amount\":1,\"currency\":\"USD\"}", null)));

        assertThat(new PaymentQueueHandler(() -> api).handleRequest(event, null).getBatchItemFailures()).isEmpty();
        assertThat(keys).containsExactly("from-attribute", "from-body", "sqs-m3");
    }
}
