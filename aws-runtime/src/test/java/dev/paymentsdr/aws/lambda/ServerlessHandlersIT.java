package dev.paymentsdr.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.aws.adapter.AwsAdapterFactory;
import dev.paymentsdr.aws.adapter.AwsClients;
import dev.paymentsdr.aws.adapter.dynamodb.LedgerTables;
import dev.paymentsdr.aws.testing.MotoServer;
import dev.paymentsdr.service.PaymentServiceWiring;
import dev.paymentsdr.service.testing.Closeables;
import dev.paymentsdr.service.ServiceConfig;
import dev.paymentsdr.service.backend.AdapterCatalog;
import dev.paymentsdr.service.backend.LedgerKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The serverless transports on moto: function URL events (payload format 2.0, seed 002) and Application Load Balancer
 * target events (seed 003's accelerator entry) on the same PaymentApi, a DynamoDB ledger and the region's
 * transaction-log bucket, configured from a Lambda environment with no database (PAYMENTS_TABLE and PAYMENTS_BUCKET
 * only), and the scheduled relay function draining the outbox.
 */
class ServerlessHandlersIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "payment-transactions-test";
    private static final String BUCKET = "transaction-logs-us-east-1-test";
    private static MotoServer moto;
    private static DynamoDbClient dynamo;
    private static S3Client s3;
    private static PaymentServiceWiring wiring;
    private static PaymentFunctionUrlHandler handler;
    private static PaymentLoadBalancerHandler loadBalancerHandler;
    private static SecretsManagerClient secrets;
    private static String keysSecretArn;
    /** The key the ALB fixtures send in x-api-key (a test value, in no deployment). */
    private static final String CLIENT_KEY = "test-only-key-for-client-a-0123456789";

    @BeforeAll
    static void start() {
        moto = MotoServer.start();
        AwsClients clients = new AwsClients(Optional.of(moto.endpoint()), Optional.of(moto.credentials()));
        dynamo = clients.dynamoDb("us-east-1");
        s3 = clients.s3("us-east-1");
        LedgerTables.create(dynamo, TABLE);
        s3.createBucket(b -> b.bucket(BUCKET));
        ServiceConfig config = LambdaEnvironment.serviceConfig(Map.of("AWS_REGION", "us-east-1",
                "PAYMENTS_TABLE", TABLE, "PAYMENTS_BUCKET", BUCKET), arn -> {
                    throw new AssertionError("no database secret in a DynamoDB-only stack");
                });
        assertThat(config.backends().ledger()).isEqualTo(LedgerKind.DYNAMODB);
        assertThat(config.backends().backgroundRelay()).isFalse();
        wiring = PaymentServiceWiring.create(config, AdapterCatalog.of(List.of(new AwsAdapterFactory(clients))));
        handler = new PaymentFunctionUrlHandler(wiring::api);
        secrets = clients.secretsManager("us-east-1");
        keysSecretArn = secrets.createSecret(r -> r.name("payments-dr/test/api-keys").secretString(
                "{\"client-a\":\"" + CLIENT_KEY + "\",\"client-b\":\"test-only-key-for-client-b-9876543210\"}")).arn();
        ApiKeyAuthenticator authenticator = ApiKeyAuthenticator.of(secrets, keysSecretArn);
        loadBalancerHandler = new PaymentLoadBalancerHandler(wiring::api, () -> authenticator);
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(wiring, dynamo, s3, secrets, moto);
    }

    @BeforeEach
    void emptyLedger() {
        LedgerTables.empty(dynamo, TABLE);
    }

    private static APIGatewayV2HTTPResponse invoke(String event) {
        return handler.handleRequest(LambdaEvents.read(event, APIGatewayV2HTTPEvent.class), null);
    }

    private static ApplicationLoadBalancerResponseEvent invokeThroughTheLoadBalancer(String event) {
        ApplicationLoadBalancerResponseEvent response = loadBalancerHandler.handleRequest(
                LambdaEvents.read(event, ApplicationLoadBalancerRequestEvent.class), null);
        // what the ALB reads back: the runtime's own serializer must carry the status line and the headers
        String wire = LambdaEvents.write(response, ApplicationLoadBalancerResponseEvent.class);
        assertThat(wire).contains("\"statusCode\":" + response.getStatusCode()).contains("\"statusDescription\":\"" + response.getStatusCode() + " ");
        return response;
    }

    @Test
    void aPostThroughTheLoadBalancerTakesThePaymentOnce_andAReplayReturnsIt() throws Exception {
        ApplicationLoadBalancerResponseEvent created = invokeThroughTheLoadBalancer("alb-create-payment.json");
        ApplicationLoadBalancerResponseEvent replayed = invokeThroughTheLoadBalancer("alb-create-payment.json");

        assertThat(created.getStatusDescription()).isEqualTo("201 Created");
        assertTakenOnceThenReplayed(created.getStatusCode(), created.getHeaders(), created.getBody(), replayed.getStatusCode(),
                replayed.getBody());
    }

    /** The first answer took the payment (201, its Location, the amount as sent), the replay returned it (200): one payment. */
    private static void assertTakenOnceThenReplayed(int createdStatus, Map<String, String> createdHeaders, String createdBody,
                                                    int replayedStatus, String replayedBody) throws Exception {
        assertThat(createdStatus).as(createdBody).isEqualTo(201);
        assertThat(createdHeaders).containsKey("Location");
        JsonNode body = JSON.readTree(createdBody);
        assertThat(body.get("amount").asText()).isEqualTo("100.50");
        assertThat(replayedStatus).isEqualTo(200);
        assertThat(JSON.readTree(replayedBody).get("id")).isEqualTo(body.get("id"));
        assertThat(LedgerTables.items(dynamo, TABLE, "PAYMENT#")).hasSize(1);
    }

    /** The fixture's payment with its x-api-key header replaced by {@code key} (removed when null). */
    private static ApplicationLoadBalancerRequestEvent paymentWithKey(String key) {
        ApplicationLoadBalancerRequestEvent event = LambdaEvents.read("alb-create-payment.json", ApplicationLoadBalancerRequestEvent.class);
        Map<String, String> headers = new java.util.HashMap<>(event.getHeaders());
        headers.remove("x-api-key");
        if (key != null) {
            headers.put("X-Api-Key", key);
        }
        event.setHeaders(headers);
        return event;
    }

    private static void assertRefusedWithoutAWrite(ApplicationLoadBalancerResponseEvent response, int status, String code) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(JSON.readTree(response.getBody()).at("/error/code").asText()).isEqualTo(code);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json; charset=utf-8");
        assertThat(LedgerTables.items(dynamo, TABLE, "PAYMENT#")).isEmpty();
        assertThat(LedgerTables.items(dynamo, TABLE, "IDEMPOTENCY#")).isEmpty();
    }

    @Test
    void givenNoApiKey_whenPostingThroughTheLoadBalancer_thenItIsRefusedWith401AndNothingIsWritten() throws Exception {
        ApplicationLoadBalancerResponseEvent response = loadBalancerHandler.handleRequest(paymentWithKey(null), null);

        assertRefusedWithoutAWrite(response, 401, "unauthorized");
        assertThat(response.getStatusDescription()).isEqualTo("401 Unauthorized");
    }

    @Test
    void givenAnUnknownApiKey_whenPostingThroughTheLoadBalancer_thenItIsRefusedWith401AndTheKeyIsNotEchoed() throws Exception {
        String wrong = "test-only-key-for-client-a-0123456788"; // one character off the real one
        ApplicationLoadBalancerResponseEvent response = loadBalancerHandler.handleRequest(paymentWithKey(wrong), null);

        assertRefusedWithoutAWrite(response, 401, "unauthorized");
        assertThat(response.getBody()).doesNotContain(wrong).doesNotContain(CLIENT_KEY);
    }

    @Test
    void givenTheSecondClientsKey_whenPostingThroughTheLoadBalancer_thenThePaymentIsTaken() throws Exception {
        ApplicationLoadBalancerResponseEvent response = loadBalancerHandler.handleRequest(
                paymentWithKey("test-only-key-for-client-b-9876543210"), null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(LedgerTables.items(dynamo, TABLE, "PAYMENT#")).hasSize(1);
    }

    @Test
    void givenAMalformedKeysSecret_thenEveryKeyIsRefused_theHealthCheckStaysOpen_andNothingIsWritten() throws Exception {
        // the placeholder ReplicatedSecret generates until the operator puts real keys: "replace-me" is too short to be a key
        String placeholder = secrets.createSecret(r -> r.name("payments-dr/test/api-keys-placeholder")
                .secretString("{\"apiKey\":\"replace-me\",\"apiSecret\":\"GeneratedGeneratedGeneratedGener\"}")).arn();
        ApiKeyAuthenticator malformed = ApiKeyAuthenticator.of(secrets, placeholder);
        PaymentLoadBalancerHandler handler = new PaymentLoadBalancerHandler(wiring::api, () -> malformed);
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs = new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        root.addAppender(logs);

        ApplicationLoadBalancerResponseEvent withTheKey = handler.handleRequest(paymentWithKey("replace-me"), null);
        ApplicationLoadBalancerResponseEvent withTheSecretValue = handler.handleRequest(
                paymentWithKey("GeneratedGeneratedGeneratedGener"), null);
        ApplicationLoadBalancerResponseEvent health = handler.handleRequest(
                LambdaEvents.read("alb-health-check.json", ApplicationLoadBalancerRequestEvent.class), null);

        assertRefusedWithoutAWrite(withTheKey, 503, "authentication_unavailable");
        assertRefusedWithoutAWrite(withTheSecretValue, 503, "authentication_unavailable");
        root.detachAppender(logs);
        assertThat(withTheKey.getBody()).doesNotContain("replace-me");
        assertThat(health.getStatusCode()).as(health.getBody()).isEqualTo(200);
        // one clear line per refusal, naming the secret and the entry at fault, never a value
        List<String> lines = logs.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).filteredOn(l -> l.contains("refusing every API key")).hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("api-keys-placeholder").contains("apiKey"));
        assertThat(lines).noneMatch(l -> l.contains("replace-me") || l.contains("GeneratedGenerated"));
    }

    @Test
    void withMultiValueHeadersTheQueryIsDecoded_andTheAnswerUsesMultiValueHeaders() throws Exception {
        invokeThroughTheLoadBalancer("alb-create-payment.json");

        ApplicationLoadBalancerResponseEvent list = invokeThroughTheLoadBalancer("alb-list-payments-multi-value.json");

        assertThat(list.getStatusCode()).as(list.getBody()).isEqualTo(200);
        // customerId arrives percent-encoded (customer%2D456): found only if decoded
        assertThat(JSON.readTree(list.getBody()).get("items")).hasSize(1);
        assertThat(list.getHeaders()).isNull();
        assertThat(list.getMultiValueHeaders()).containsKey("Content-Type");
    }

    @Test
    void theTargetGroupsHealthCheckSeesReadinessWithoutAKey_andARejectedPaymentWritesNothing() throws Exception {
        ApplicationLoadBalancerResponseEvent ready = invokeThroughTheLoadBalancer("alb-health-check.json");
        ApplicationLoadBalancerResponseEvent negative = invokeThroughTheLoadBalancer("alb-create-payment-negative-amount.json");

        assertThat(ready.getStatusCode()).as(ready.getBody()).isEqualTo(200);
        assertThat(JSON.readTree(ready.getBody()).at("/replication/table").asText()).isEqualTo(TABLE);
        assertThat(negative.getStatusCode()).as(negative.getBody()).isBetween(400, 499);
        assertThat(LedgerTables.items(dynamo, TABLE, "PAYMENT#")).isEmpty();
        assertThat(LedgerTables.items(dynamo, TABLE, "IDEMPOTENCY#")).isEmpty();
    }

    @Test
    void theOpenHealthUrlAnswersReadiness_butRefusesAPaymentAndWritesNothing() throws Exception {
        HealthFunctionUrlHandler health = new HealthFunctionUrlHandler(wiring::api);

        APIGatewayV2HTTPResponse ready = health.handleRequest(LambdaEvents.read("function-url-health-ready.json", APIGatewayV2HTTPEvent.class), null);
        APIGatewayV2HTTPResponse payment = health.handleRequest(LambdaEvents.read("function-url-create-payment.json", APIGatewayV2HTTPEvent.class), null);
        APIGatewayV2HTTPResponse list = health.handleRequest(LambdaEvents.read("function-url-list-payments.json", APIGatewayV2HTTPEvent.class), null);

        assertThat(ready.getStatusCode()).as(ready.getBody()).isEqualTo(200);
        assertThat(payment.getStatusCode()).isEqualTo(404);
        assertThat(JSON.readTree(payment.getBody()).at("/error/message").asText()).contains("AWS_IAM");
        assertThat(list.getStatusCode()).isEqualTo(404);
        assertThat(LedgerTables.items(dynamo, TABLE, "PAYMENT#")).isEmpty();
    }

    @Test
    void theSeedsSampleRequestWithoutAKeyIsRefusedNamingBothWaysToGiveOne() throws Exception {
        APIGatewayV2HTTPResponse response = invoke("function-url-seed-request.json");

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.getBody()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("missing_idempotency_key");
        assertThat(error.get("message").asText()).contains("Idempotency-Key").contains("transactionId");
        assertThat(LedgerTables.items(dynamo, TABLE, "PAYMENT#")).isEmpty();
    }

    @Test
    void aPostToTheFunctionUrlWithATransactionIdTakesThePaymentOnceAndAReplayReturnsIt() throws Exception {
        APIGatewayV2HTTPResponse created = invoke("function-url-create-payment.json");
        APIGatewayV2HTTPResponse replayed = invoke("function-url-create-payment.json");

        assertTakenOnceThenReplayed(created.getStatusCode(), created.getHeaders(), created.getBody(), replayed.getStatusCode(),
                replayed.getBody());
    }

    @Test
    void listingReadinessAndBase64BodiesGoThroughTheSameApi() throws Exception {
        invoke("function-url-create-payment.json");

        APIGatewayV2HTTPResponse list = invoke("function-url-list-payments.json");
        APIGatewayV2HTTPResponse ready = invoke("function-url-health-ready.json");
        APIGatewayV2HTTPResponse base64 = invoke("function-url-create-payment-base64.json");

        assertThat(JSON.readTree(list.getBody()).get("items")).hasSize(1);
        assertThat(ready.getStatusCode()).as(ready.getBody()).isEqualTo(200);
        assertThat(JSON.readTree(ready.getBody()).at("/replication/table").asText()).isEqualTo(TABLE);
        assertThat(base64.getStatusCode()).as(base64.getBody()).isEqualTo(201);
        assertThat(JSON.readTree(base64.getBody()).get("amount").asText()).isEqualTo("1000");
    }

    @Test
    void theScheduledRelayFunctionDrainsTheOutboxIntoTheBucket() {
        invoke("function-url-create-payment.json");
        invoke("function-url-create-payment-base64.json");

        Map<String, Object> result = new OutboxRelayHandler(wiring::relay).handleRequest(Map.of(), null);

        assertThat(result).containsEntry("relayed", 2).containsEntry("drained", true);
        assertThat(LedgerTables.items(dynamo, TABLE, "EVENT#")).isEmpty();
        assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("transaction-log/")).contents()).isNotEmpty();
    }
}
