package dev.paymentsdr.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.paymentsdr.payments.domain.model.AmountPolicy;
import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.domain.model.PaymentFailure;
import dev.paymentsdr.payments.domain.model.PaymentId;
import dev.paymentsdr.payments.domain.model.PaymentPage;
import dev.paymentsdr.payments.domain.model.PaymentStatus;
import dev.paymentsdr.payments.port.in.CreatePaymentCommand;
import dev.paymentsdr.payments.port.in.CreatePaymentResult;
import dev.paymentsdr.payments.port.out.LedgerUnavailableException;
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

/**
 * The queue handler without AWS: which idempotency key a message pays under (attribute, else the body's
 * transactionId, else the message id), and which refusals become payment.failed events.
 */
class PaymentQueueHandlerTest {
    private final List<String> keys = new ArrayList<>();
    private final List<PaymentFailure> published = new ArrayList<>();
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

        assertThat(handler().handleRequest(event, null).getBatchItemFailures()).isEmpty();
        assertThat(keys).containsExactly("from-attribute", "from-body", "sqs-m3");
        assertThat(published).isEmpty();
    }

    private PaymentQueueHandler handler() {
        return new PaymentQueueHandler(() -> api, () -> published::add, "eu-west-1");
    }

    @Test
    void aMessageRefusedForGoodIsPublishedAsPaymentFailedWithTheSameIdOnEveryRedelivery() {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message("m9", "{\"transactionId\":\"t-9\",\"customerId\":\"c\",\"amount\":\"1.001\",\"currency\":\"USD\"}", null)));

        PaymentQueueHandler handler = handler();
        assertThat(handler.handleRequest(event, null).getBatchItemFailures()).hasSize(1);
        handler.handleRequest(event, null);

        assertThat(published).hasSize(2).allSatisfy(failure -> {
            assertThat(failure.eventId()).isEqualTo(PaymentFailure.idFor("m9"));
            assertThat(failure.requestId()).isEqualTo("m9");
            assertThat(failure.idempotencyKey()).contains("t-9");
            assertThat(failure.status()).isEqualTo(422);
            assertThat(failure.code()).isEqualTo("validation_error");
            assertThat(failure.field()).contains("amount");
            assertThat(failure.region()).isEqualTo("eu-west-1");
        });
        assertThat(keys).isEmpty();
    }

    @Test
    void aMessageTheLedgerCannotTakeNowIsRetriedWithoutAFailureEvent() {
        PaymentApi unavailable = new PaymentApi(command -> {
            throw new LedgerUnavailableException(LedgerUnavailableException.Reason.UNREACHABLE, "down", null);
        }, id -> Optional.empty(), c -> new PaymentPage(List.of(), Optional.empty()), () -> ReadinessReport.ready(Map.of()),
                new AmountPolicy(new BigDecimal("1000")), "us-east-1");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message("m10", "{\"customerId\":\"c\",\"amount\":1,\"currency\":\"USD\"}", null)));

        var response = new PaymentQueueHandler(() -> unavailable, () -> published::add, "us-east-1").handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).hasSize(1);
        assertThat(published).isEmpty();
    }
}
