package dev.paymentsdr.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.aws.adapter.secrets.SecretsManagerDatabaseSecrets;
import dev.paymentsdr.aws.testing.MotoServer;
import dev.paymentsdr.payments.port.out.PaymentFailurePublisher;
import dev.paymentsdr.localpg.TemporaryPostgres;
import dev.paymentsdr.service.PaymentServiceWiring;
import dev.paymentsdr.service.ServiceConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The Lambda handlers on real API Gateway and SQS event JSON, against a real PostgreSQL whose credentials come
 * from a Secrets Manager secret served by moto: the same wiring path as in AWS.
 */
class PaymentHandlersIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TemporaryPostgres postgres;
    private static MotoServer moto;
    private static SecretsManagerClient secretsClient;
    private static PaymentServiceWiring wiring;
    private static PaymentApiHandler apiHandler;
    private static PaymentQueueHandler queueHandler;

    @BeforeAll
    static void start() throws Exception {
        postgres = TemporaryPostgres.start();
        moto = MotoServer.start();
        secretsClient = SecretsManagerClient.builder().endpointOverride(moto.endpoint()).region(moto.region())
                .credentialsProvider(moto.credentials()).httpClient(UrlConnectionHttpClient.create()).build();
        String secretJson = JSON.writeValueAsString(Map.of("username", postgres.username(),
                "password", postgres.password(), "engine", "postgres"));
        String secretArn = secretsClient.createSecret(b -> b.name("payments-dr/test/db").secretString(secretJson)).arn();
        ServiceConfig config = LambdaEnvironment.serviceConfig(Map.of(
                        "AWS_REGION", "us-east-1",
                        "PAYMENTS_DB_URL", postgres.jdbcUrl(),
                        LambdaEnvironment.SECRET_ARN, secretArn),
                new SecretsManagerDatabaseSecrets(secretsClient)::read);
        assertThat(config.toString()).doesNotContain(postgres.password());
        wiring = PaymentServiceWiring.create(config);
        apiHandler = new PaymentApiHandler(wiring::api);
        queueHandler = new PaymentQueueHandler(wiring::api, () -> PaymentFailurePublisher.NONE, "us-east-1");
    }

    @AfterAll
    static void stop() {
        if (wiring != null) {
            wiring.close();
        }
        if (secretsClient != null) {
            secretsClient.close();
        }
        if (moto != null) {
            moto.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void emptyLedger() {
        postgres.server().execute("postgres", "truncate payments, idempotency_records");
    }

    @Test
    void anApiGatewayPostCreatesAPaymentInTheFunctionsRegion() throws Exception {
        APIGatewayProxyResponseEvent response = apiHandler.handleRequest(
                LambdaEvents.read("apigw-create-payment.json", APIGatewayProxyRequestEvent.class), null);

        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.get("amount").asText()).isEqualTo("10.50");
        assertThat(body.get("currency").asText()).isEqualTo("USD");
        assertThat(body.get("region").asText()).isEqualTo("us-east-1");
        assertThat(response.getHeaders()).containsKey("Location");
        assertThat(count("payments")).isEqualTo(1);
    }

    @Test
    void theSameEventDeliveredTwiceReturnsTheSamePayment() throws Exception {
        APIGatewayProxyRequestEvent event = LambdaEvents.read("apigw-create-payment.json", APIGatewayProxyRequestEvent.class);
        APIGatewayProxyResponseEvent first = apiHandler.handleRequest(event, null);
        APIGatewayProxyResponseEvent second = apiHandler.handleRequest(event, null);

        assertThat(second.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(second.getBody()).get("id")).isEqualTo(JSON.readTree(first.getBody()).get("id"));
        assertThat(count("payments")).isEqualTo(1);
    }

    @Test
    void aNegativeAmountIsRejectedAndWritesNoRow() throws Exception {
        APIGatewayProxyResponseEvent response = apiHandler.handleRequest(
                LambdaEvents.read("apigw-create-payment-negative-amount.json", APIGatewayProxyRequestEvent.class), null);

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(JSON.readTree(response.getBody()).at("/error/field").asText()).isEqualTo("amount");
        assertThat(count("payments")).isZero();
        assertThat(count("idempotency_records")).isZero();
    }

    @Test
    void aBase64EncodedBodyIsDecodedBeforeValidation() throws Exception {
        APIGatewayProxyResponseEvent response = apiHandler.handleRequest(
                LambdaEvents.read("apigw-create-payment-base64.json", APIGatewayProxyRequestEvent.class), null);

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(JSON.readTree(response.getBody()).get("amount").asText()).isEqualTo("1000");
    }

    @Test
    void theListAndReadinessRoutesAnswerThroughTheSameApi() throws Exception {
        apiHandler.handleRequest(LambdaEvents.read("apigw-create-payment.json", APIGatewayProxyRequestEvent.class), null);

        APIGatewayProxyResponseEvent list = apiHandler.handleRequest(
                LambdaEvents.read("apigw-list-payments.json", APIGatewayProxyRequestEvent.class), null);
        APIGatewayProxyResponseEvent ready = apiHandler.handleRequest(
                LambdaEvents.read("apigw-health-ready.json", APIGatewayProxyRequestEvent.class), null);

        assertThat(list.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.getBody()).get("items")).hasSize(1);
        assertThat(ready.getStatusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ready.getBody()).get("role").asText()).isEqualTo("primary");
    }

    @Test
    void theFailoverWorkflowsMinimalReadinessEventGetsAStatusCodeInThePayload() throws Exception {
        APIGatewayProxyResponseEvent response = apiHandler.handleRequest(
                LambdaEvents.read("stepfunctions-readiness-invoke.json", APIGatewayProxyRequestEvent.class), null);

        // The state machine reads $.Payload.statusCode: the serialized response must carry that field.
        JsonNode payload = JSON.readTree(LambdaEvents.write(response, APIGatewayProxyResponseEvent.class));
        assertThat(payload.get("statusCode").asInt()).isEqualTo(200);
        assertThat(JSON.readTree(payload.get("body").asText()).get("status").asText()).isEqualTo("ready");
    }

    @Test
    void aQueueBatchAcceptsTheValidMessageAndReportsTheInvalidOneForRetryAndDeadLettering() throws Exception {
        SQSEvent event = LambdaEvents.read("sqs-payment-messages.json", SQSEvent.class);

        SQSBatchResponse first = queueHandler.handleRequest(event, null);
        SQSBatchResponse redelivered = queueHandler.handleRequest(event, null);

        assertThat(first.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("2e1424d4-f796-459a-8184-9c92662be6da");
        assertThat(redelivered.getBatchItemFailures()).hasSize(1);
        assertThat(count("payments")).isEqualTo(1);
        try (Connection c = postgres.server().connect("postgres");
             ResultSet rs = c.createStatement().executeQuery("select idempotency_key from payments")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("order-7781");
        }
    }

    private static long count(String table) throws Exception {
        try (Connection c = postgres.server().connect("postgres");
             ResultSet rs = c.createStatement().executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
