package dev.paymentsdr.service.adapter.in.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.payments.domain.model.AmountPolicy;
import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.domain.model.PaymentId;
import dev.paymentsdr.payments.domain.model.PaymentPage;
import dev.paymentsdr.payments.domain.model.PaymentStatus;
import dev.paymentsdr.payments.port.in.CreatePaymentCommand;
import dev.paymentsdr.payments.port.in.CreatePaymentResult;
import dev.paymentsdr.payments.port.in.CreatePaymentUseCase;
import dev.paymentsdr.payments.port.out.LedgerUnavailableException;
import dev.paymentsdr.service.health.DatabaseRole;
import dev.paymentsdr.service.health.ReadinessReport;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PaymentApi without a transport or a database: what the Lambda handler and Javalin both rely on. */
class PaymentApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<CreatePaymentCommand> received = new ArrayList<>();

    private PaymentApi api(CreatePaymentUseCase create) {
        return new PaymentApi(create, id -> Optional.empty(), command -> new PaymentPage(List.of(), Optional.empty()),
                () -> ReadinessReport.notReady(DatabaseRole.STANDBY, "database is a standby", Map.of("receivedNotReplayedBytes", 0)),
                new AmountPolicy(new BigDecimal("1000000")), "eu-west-1");
    }

    private final PaymentApi recording = api(command -> {
        received.add(command);
        return new CreatePaymentResult(new Payment(new PaymentId(UUID.randomUUID()), command.idempotencyKey(),
                command.customerId(), command.amount(), command.description(), command.metadata(), PaymentStatus.ACCEPTED,
                "eu-west-1", Instant.parse("2026-11-22T04:00:00Z")), false);
    });

    private static ApiRequest post(String contentType, String body) {
        return new ApiRequest("POST", "/v1/payments", Map.of(),
                Map.of("content-type", contentType, "IDEMPOTENCY-KEY", "k-1"), body.getBytes(StandardCharsets.UTF_8));
    }

    private static final String BODY = "{\"customerId\":\"c\",\"amount\":\"10.50\",\"currency\":\"USD\"}";

    @ParameterizedTest(name = "Content-Type \"{0}\" is accepted")
    @ValueSource(strings = {"application/json", "Application/JSON; charset=UTF-8", "application/json;charset=\"utf-8\"",
            "application/json; charset=utf8"})
    void jsonWithAnUtf8CharsetIsAcceptedAndHeaderNamesIgnoreCase(String contentType) {
        ApiResponse response = recording.handle(post(contentType, BODY));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(received).hasSize(1);
    }

    @ParameterizedTest(name = "Content-Type \"{0}\" is refused")
    @ValueSource(strings = {"application/json; charset=utf-16", "application/jsonx", "text/json", "application/json; boundary=x", ""})
    void otherContentTypesAre415AndReachNoUseCase(String contentType) throws Exception {
        ApiResponse response = recording.handle(post(contentType, BODY));

        assertThat(response.status()).isEqualTo(415);
        assertThat(JSON.readTree(response.body()).get("error").get("code").asText()).isEqualTo("unsupported_media_type");
        assertThat(received).isEmpty();
    }

    @Test
    void jsonNumbersAreReadExactlyAndAnsweredAsDecimalStrings() throws Exception {
        assertThat(amount(recording.handle(post("application/json", "{\"customerId\":\"c\",\"amount\":10.5,\"currency\":\"USD\"}"))))
                .isEqualTo("10.50");
        assertThat(amount(recording.handle(post("application/json", "{\"customerId\":\"c\",\"amount\":1E+1,\"currency\":\"USD\"}"))))
                .isEqualTo("10.00");
        assertThat(amount(recording.handle(post("application/json",
                "{\"customerId\":\"c\",\"amount\":0.30000000000000004,\"currency\":\"USD\"}")))).isNull();
    }

    @Test
    void aBodyOverTheLimitIs413EvenWithoutATransportLimit() throws Exception {
        ApiResponse response = recording.handle(post("application/json", "{\"pad\":\"" + "x".repeat(PaymentApi.MAX_BODY_BYTES) + "\"}"));

        assertThat(response.status()).isEqualTo(413);
        assertThat(recording.bodyTooLarge().body()).isEqualTo(response.body());
        assertThat(received).isEmpty();
    }

    @Test
    void aLedgerThatCannotWriteBecomes503WithRetryAfter() throws Exception {
        ApiResponse notPrimary = api(command -> {
            throw new LedgerUnavailableException(LedgerUnavailableException.Reason.NOT_PRIMARY, "read-only", null);
        }).handle(post("application/json", BODY));
        ApiResponse unreachable = api(command -> {
            throw new LedgerUnavailableException(LedgerUnavailableException.Reason.UNREACHABLE, "down", null);
        }).handle(post("application/json", BODY));

        assertThat(notPrimary.status()).isEqualTo(503);
        assertThat(code(notPrimary)).isEqualTo("not_primary");
        assertThat(notPrimary.headers()).containsEntry("Retry-After", "1");
        assertThat(unreachable.status()).isEqualTo(503);
        assertThat(code(unreachable)).isEqualTo("database_unavailable");
    }

    @Test
    void anUnexpectedFailureIs500WithoutItsDetails() throws Exception {
        ApiResponse response = api(command -> {
            throw new IllegalStateException("secret internals at jdbc:postgresql://db/x");
        }).handle(post("application/json", BODY));

        assertThat(response.status()).isEqualTo(500);
        assertThat(code(response)).isEqualTo("internal_error");
        assertThat(response.body()).doesNotContain("secret internals");
    }

    @Test
    void readinessOfAStandbyIs503WithRoleReasonAndReplication() throws Exception {
        ApiResponse response = recording.handle(new ApiRequest("GET", "/health/ready", Map.of(), Map.of(), null));

        assertThat(response.status()).isEqualTo(503);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asText()).isEqualTo("not_ready");
        assertThat(body.get("role").asText()).isEqualTo("standby");
        assertThat(body.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(body.get("reason").asText()).isEqualTo("database is a standby");
        assertThat(body.get("replication").get("receivedNotReplayedBytes").asInt()).isZero();
    }

    private static String amount(ApiResponse response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        return response.status() == 201 ? body.get("amount").asText() : null;
    }

    private static String code(ApiResponse response) throws Exception {
        return JSON.readTree(response.body()).get("error").get("code").asText();
    }

    private ApiResponse postWithoutHeader(String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new java.util.HashMap<>(extraHeaders);
        headers.put("Content-Type", "application/json");
        return recording.handle(new ApiRequest("POST", "/v1/payments", Map.of(), headers, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void givenNoHeader_thenTheBodysTransactionIdIsTheIdempotencyKeyAndAPlainNumberAmountIsExact() throws Exception {
        // The seeds' sample request: no Idempotency-Key header, a transactionId and a JSON number.
        ApiResponse response = postWithoutHeader(
                "{\"transactionId\": \"test-123\", \"customerId\": \"customer-456\", \"amount\": 100.50, \"currency\": \"USD\"}", Map.of());

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(received).singleElement().satisfies(command -> {
            assertThat(command.idempotencyKey().value()).isEqualTo("test-123");
            assertThat(command.amount().amountMinor()).isEqualTo(10050);
        });
        assertThat(amount(postWithoutHeader("{\"transactionId\":\"t-2\",\"customerId\":\"CUST-12345\",\"amount\":99.99,\"currency\":\"USD\"}",
                Map.of()))).isEqualTo("99.99");
    }

    @Test
    void givenNeitherHeaderNorTransactionId_thenTheRefusalNamesBoth() throws Exception {
        ApiResponse response = postWithoutHeader(BODY, Map.of());

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("missing_idempotency_key");
        assertThat(error.get("message").asText()).contains("Idempotency-Key header").contains("transactionId");
        assertThat(received).isEmpty();
    }

    @Test
    void aTransactionIdThatIsMalformedOrDiffersFromTheHeaderIsRefused() throws Exception {
        ApiResponse malformed = postWithoutHeader("{\"transactionId\":\"no spaces\",\"customerId\":\"c\",\"amount\":\"1\",\"currency\":\"USD\"}", Map.of());
        ApiResponse number = postWithoutHeader("{\"transactionId\":42,\"customerId\":\"c\",\"amount\":\"1\",\"currency\":\"USD\"}", Map.of());
        ApiResponse differs = postWithoutHeader("{\"transactionId\":\"a\",\"customerId\":\"c\",\"amount\":\"1\",\"currency\":\"USD\"}",
                Map.of("Idempotency-Key", "b"));
        ApiResponse same = postWithoutHeader("{\"transactionId\":\"a\",\"customerId\":\"c\",\"amount\":\"1\",\"currency\":\"USD\"}",
                Map.of("Idempotency-Key", "a"));

        for (ApiResponse refused : List.of(malformed, number, differs)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).at("/error/code").asText()).isEqualTo("invalid_idempotency_key");
            assertThat(JSON.readTree(refused.body()).at("/error/field").asText()).isEqualTo("transactionId");
        }
        assertThat(same.status()).isEqualTo(201);
        assertThat(received).hasSize(1);
    }
}
