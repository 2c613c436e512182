package dev.paymentsdr.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.paymentsdr.payments.domain.model.PaymentFailure;
import dev.paymentsdr.payments.port.out.PaymentFailurePublisher;
import dev.paymentsdr.service.adapter.in.api.ApiRequest;
import dev.paymentsdr.service.adapter.in.api.ApiResponse;
import dev.paymentsdr.service.adapter.in.api.PaymentApi;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda consumer of the payment queue: each message body is a payment request, submitted through the same
 * {@link PaymentApi}. The idempotency key is the {@code IdempotencyKey} message attribute, else the body's
 * {@code transactionId}, else the SQS message id, so a redelivered message never creates a second payment. Rejected or failed messages are reported as batch
 * item failures: SQS retries them and finally moves them to the dead-letter queue.
 */
public final class PaymentQueueHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    /** The message attribute that carries the client's idempotency key. */
    public static final String IDEMPOTENCY_KEY_ATTRIBUTE = "IdempotencyKey";
    private static final Logger LOG = LoggerFactory.getLogger(PaymentQueueHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Supplier<PaymentApi> api;
    private final Supplier<PaymentFailurePublisher> failures;
    private final String region;

    public PaymentQueueHandler() {
        this(() -> LambdaWiring.shared().api(), LambdaWiring::failurePublisher, LambdaWiring.region());
    }

    /** @param region the region named in failure events */
    public PaymentQueueHandler(Supplier<PaymentApi> api, Supplier<PaymentFailurePublisher> failures, String region) {
        this.api = api;
        this.failures = failures;
        this.region = region;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : records) {
            ApiRequest request = toRequest(message);
            ApiResponse response = api.get().handle(request);
            if (response.status() / 100 != 2) {
                LOG.warn("payment message {} not accepted: HTTP {}", message.getMessageId(), response.status());
                failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(message.getMessageId()).build());
                if (response.status() / 100 == 4) {
                    publishFailure(message, request, response);
                }
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    private void publishFailure(SQSEvent.SQSMessage message, ApiRequest request, ApiResponse response) {
        JsonNode error;
        try {
            error = JSON.readTree(response.body()).path("error");
        } catch (java.io.IOException e) {
            error = JSON.createObjectNode();
        }
        String key = request.header("Idempotency-Key");
        PaymentFailure failure = new PaymentFailure(PaymentFailure.idFor(message.getMessageId()), message.getMessageId(),
                Optional.ofNullable(key != null ? key : transactionId(message.getBody())), response.status(),
                error.path("code").asText("rejected"), error.path("message").asText(""),
                Optional.ofNullable(error.get("field")).map(JsonNode::asText), region, Instant.now());
        try {
            failures.get().publish(failure);
        } catch (RuntimeException e) {
            // The message is retried (and finally dead-lettered) anyway; its next refusal publishes the same event.
            LOG.warn("payment.failed event of message {} not published: {}", message.getMessageId(), e.getMessage());
        }
    }

    private static ApiRequest toRequest(SQSEvent.SQSMessage message) {
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json",
                "X-Request-Id", message.getMessageId()));
        if (message.getMessageAttributes() != null && message.getMessageAttributes().get(IDEMPOTENCY_KEY_ATTRIBUTE) != null) {
            headers.put("Idempotency-Key", message.getMessageAttributes().get(IDEMPOTENCY_KEY_ATTRIBUTE).getStringValue());
        } else if (!hasTransactionId(message.getBody())) {
            headers.put("Idempotency-Key", "sqs-" + message.getMessageId());
        }
        byte[] body = message.getBody() == null ? new byte[0] : message.getBody().getBytes(StandardCharsets.UTF_8);
        return new ApiRequest("POST", "/v1/payments", Map.of(), headers, body);
    }

    /** Whether the body names its own key; a body that is not JSON is left for the API to refuse. */
    private static boolean hasTransactionId(String body) {
        return transactionId(body) != null;
    }

    private static String transactionId(String body) {
        try {
            JsonNode root = body == null ? null : JSON.readTree(body);
            return root != null && root.path("transactionId").isTextual() ? root.get("transactionId").textValue() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
