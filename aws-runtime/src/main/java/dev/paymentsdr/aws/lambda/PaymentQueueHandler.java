package dev.paymentsdr.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.paymentsdr.service.adapter.in.api.ApiRequest;
import dev.paymentsdr.service.adapter.in.api.ApiResponse;
import dev.paymentsdr.service.adapter.in.api.PaymentApi;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    public PaymentQueueHandler() {
        this(() -> LambdaWiring.shared().api());
    }

    public PaymentQueueHandler(Supplier<PaymentApi> api) {
        this.api = api;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage message : records) {
            ApiResponse response = api.get().handle(toRequest(message));
            if (response.status() / 100 != 2) {
                LOG.warn("payment message {} not accepted: HTTP {}", message.getMessageId(), response.status());
                failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(message.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
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
        try {
            JsonNode root = body == null ? null : JSON.readTree(body);
            return root != null && root.path("transactionId").isTextual();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
