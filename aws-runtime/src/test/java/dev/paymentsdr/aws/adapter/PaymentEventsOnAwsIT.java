package dev.paymentsdr.aws.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.aws.adapter.archive.S3TransactionLogReader;
import dev.paymentsdr.aws.adapter.dynamodb.LedgerTables;
import dev.paymentsdr.aws.adapter.events.EventBridgePaymentPublisher;
import dev.paymentsdr.aws.testing.MotoServer;
import dev.paymentsdr.payments.application.ReconcileService;
import dev.paymentsdr.payments.domain.model.PaymentEvent;
import dev.paymentsdr.payments.domain.model.PaymentEventType;
import dev.paymentsdr.payments.domain.model.PaymentFailure;
import dev.paymentsdr.payments.domain.model.PaymentId;
import dev.paymentsdr.payments.port.in.ReconcileReport;
import dev.paymentsdr.service.PaymentServiceWiring;
import dev.paymentsdr.service.testing.Closeables;
import dev.paymentsdr.service.ServiceConfig;
import dev.paymentsdr.service.adapter.in.api.ApiRequest;
import dev.paymentsdr.service.adapter.in.api.ApiResponse;
import dev.paymentsdr.service.backend.AdapterCatalog;
import dev.paymentsdr.service.backend.ArchiveLocation;
import dev.paymentsdr.service.backend.Backends;
import dev.paymentsdr.service.backend.LedgerKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Payment events without a dual write, on moto: the DynamoDB ledger's outbox is relayed to the region's
 * transaction-log bucket (JSON lines under a date prefix) and to its EventBridge bus, where a rule delivers them to
 * an SQS queue the test reads; the bucket is then reconciled with the ledger.
 */
class PaymentEventsOnAwsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "us-east-1";
    private static final String TABLE = "payments-ledger-events";
    private static final String BUCKET = "payments-dr-tx-us-east-1-test";
    private static final String BUS = "payments-dr-events-test";
    private static MotoServer moto;
    private static AwsClients clients;
    private static DynamoDbClient dynamo;
    private static S3Client s3;
    private static SqsClient sqs;
    private static String queueUrl;
    private static PaymentServiceWiring wiring;

    @BeforeAll
    static void start() {
        moto = MotoServer.start();
        clients = new AwsClients(Optional.of(moto.endpoint()), Optional.of(moto.credentials()));
        dynamo = clients.dynamoDb(REGION);
        s3 = clients.s3(REGION);
        LedgerTables.create(dynamo, TABLE);
        s3.createBucket(b -> b.bucket(BUCKET));
        sqs = SqsClient.builder().endpointOverride(moto.endpoint()).region(moto.region())
                .credentialsProvider(moto.credentials()).build();
        queueUrl = sqs.createQueue(b -> b.queueName("payment-events-test")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        try (EventBridgeClient events = clients.eventBridge(REGION)) {
            events.createEventBus(b -> b.name(BUS));
            events.putRule(b -> b.name("payment-created-to-queue").eventBusName(BUS)
                    .eventPattern("{\"source\":[\"dev.paymentsdr.payments\"],\"detail-type\":[\"payment.created\"]}"));
            events.putTargets(b -> b.rule("payment-created-to-queue").eventBusName(BUS)
                    .targets(t -> t.id("queue").arn(queueArn)));
        }
        wiring = PaymentServiceWiring.create(config(BUS), AdapterCatalog.of(List.of(new AwsAdapterFactory(clients))));
    }

    private static ServiceConfig config(String bus) {
        return new ServiceConfig(REGION, "127.0.0.1", 0, null, null, null, 10, new BigDecimal("1000000"),
                new Backends(LedgerKind.DYNAMODB, Optional.of(TABLE), Optional.of(bus),
                        Optional.of(new ArchiveLocation.S3(BUCKET, "transaction-log")), false));
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(wiring, dynamo, s3, sqs, moto);
    }

    @BeforeEach
    void startEmpty() {
        LedgerTables.empty(dynamo, TABLE);
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents()) {
            s3.deleteObject(b -> b.bucket(BUCKET).key(object.key()));
        }
        // PurgeQueue is allowed once a minute: earlier tests' events are received and deleted instead.
        List<Message> left;
        do {
            left = sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(0).maxNumberOfMessages(10)).messages();
            left.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        } while (!left.isEmpty());
    }

    private static String pay(String key, String amount) throws Exception {
        ApiResponse response = wiring.api().handle(new ApiRequest("POST", "/v1/payments", Map.of(),
                Map.of("Content-Type", "application/json", "Idempotency-Key", key),
                ("{\"customerId\":\"c1\",\"amount\":\"" + amount + "\",\"currency\":\"USD\"}").getBytes(StandardCharsets.UTF_8)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asText();
    }

    private static String today() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        return String.format("transaction-log/%04d/%02d/%02d/", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
    }

    @Test
    void anAcceptedPaymentReachesTheBusRuleQueueAndTheBucketOnceRelayed() throws Exception {
        String id = pay("aws-events-1", "12.34");
        assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents()).isEmpty();

        assertThat(wiring.relay().relayOnce()).isEqualTo(1);

        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 5 && messages.isEmpty(); i++) {
            messages.addAll(sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1).maxNumberOfMessages(10)).messages());
        }
        assertThat(messages).hasSize(1);
        JsonNode envelope = JSON.readTree(messages.get(0).body());
        assertThat(envelope.get("source").asText()).isEqualTo("dev.paymentsdr.payments");
        assertThat(envelope.get("detail-type").asText()).isEqualTo("payment.created");
        JsonNode detail = envelope.get("detail");
        assertThat(detail.get("eventId").asText()).isEqualTo(
                PaymentEvent.idFor(PaymentEventType.CREATED, PaymentId.parse(id).orElseThrow()).toString());
        assertThat(detail.get("originRegion").asText()).isEqualTo(REGION);
        assertThat(detail.at("/payment/id").asText()).isEqualTo(id);
        assertThat(detail.at("/payment/amount").asText()).isEqualTo("12.34");

        List<S3Object> objects = s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(today() + REGION + "/")).contents();
        assertThat(objects).singleElement().satisfies(o -> assertThat(o.key()).endsWith(".jsonl"));
        String lines = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(objects.get(0).key())).asUtf8String();
        assertThat(lines.lines()).singleElement().satisfies(line ->
                assertThat(JSON.readTree(line).at("/payment/idempotencyKey").asText()).isEqualTo("aws-events-1"));
        assertThat(LedgerTables.items(dynamo, TABLE, "EVENT#")).isEmpty();
    }

    @Test
    void aPaymentFailedEventReachesTheQueueWithItsRequestAndError() throws Exception {
        try (EventBridgePaymentPublisher publisher = new EventBridgePaymentPublisher(clients.eventBridge(REGION), BUS)) {
            sqsRule("payment.failed");
            publisher.publish(new PaymentFailure(PaymentFailure.idFor("msg-1"), "msg-1", Optional.of("order-9"), 422,
                    "validation_error", "amount has more decimals than USD allows", Optional.of("amount"), REGION,
                    java.time.Instant.parse("2026-11-25T10:00:00Z")));
        }

        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 5 && messages.isEmpty(); i++) {
            messages.addAll(sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1).maxNumberOfMessages(10)).messages());
        }
        assertThat(messages).hasSize(1);
        JsonNode envelope = JSON.readTree(messages.get(0).body());
        assertThat(envelope.get("detail-type").asText()).isEqualTo("payment.failed");
        assertThat(envelope.at("/detail/eventId").asText()).isEqualTo(PaymentFailure.idFor("msg-1").toString());
        assertThat(envelope.at("/detail/request/idempotencyKey").asText()).isEqualTo("order-9");
        assertThat(envelope.at("/detail/error/code").asText()).isEqualTo("validation_error");
        assertThat(envelope.at("/detail/error/field").asText()).isEqualTo("amount");
        assertThat(envelope.at("/detail/originRegion").asText()).isEqualTo(REGION);
    }

    /** A second rule on the bus that sends this detail-type to the test's queue too. */
    private static void sqsRule(String detailType) {
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        try (EventBridgeClient events = clients.eventBridge(REGION)) {
            events.putRule(b -> b.name("to-queue-" + detailType.replace('.', '-')).eventBusName(BUS)
                    .eventPattern("{\"source\":[\"dev.paymentsdr.payments\"],\"detail-type\":[\"" + detailType + "\"]}"));
            events.putTargets(b -> b.rule("to-queue-" + detailType.replace('.', '-')).eventBusName(BUS)
                    .targets(t -> t.id("queue").arn(queueArn)));
        }
    }

    @Test
    void givenABusThatRefusesTheEvents_thenTheyStayPendingAndTheNextRelayDeliversThemWithTheSameIds() throws Exception {
        pay("aws-events-missing-bus", "1.00");
        try (PaymentServiceWiring misconfigured = PaymentServiceWiring.create(config("no-such-bus"),
                AdapterCatalog.of(List.of(new AwsAdapterFactory(clients))))) {
            assertThatThrownBy(() -> misconfigured.relay().relayOnce()).hasMessageContaining("no-such-bus");
        }
        assertThat(LedgerTables.items(dynamo, TABLE, "EVENT#")).hasSize(1);

        assertThat(wiring.relay().relayOnce()).isEqualTo(1);
        assertThat(LedgerTables.items(dynamo, TABLE, "EVENT#")).isEmpty();
    }

    @Test
    void reconcilingTheBucketWithTheLedgerListsTheArchivedPaymentTheLedgerLost() throws Exception {
        pay("aws-reconcile-1", "1.00");
        String lost = pay("aws-reconcile-2", "2.00");
        pay("aws-reconcile-3", "3.00");
        wiring.relay().relayAvailable(5);
        dynamo.deleteItem(b -> b.tableName(TABLE).key(Map.of("pk", AttributeValue.fromS("PAYMENT#" + lost),
                "sk", AttributeValue.fromS("PAYMENT"))));

        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        ReconcileReport report;
        try (S3TransactionLogReader reader = new S3TransactionLogReader(clients.s3(REGION), BUCKET, "transaction-log")) {
            report = new ReconcileService(reader, wiring.ledger().lookup()).reconcile(day.minusDays(1), day);
        }

        assertThat(report.archivedEntries()).isEqualTo(3);
        assertThat(report.missing()).singleElement().satisfies(m -> {
            assertThat(m.payment().id().toString()).isEqualTo(lost);
            assertThat(m.keyNowHolds().map(PaymentId::toString)).contains(lost);
        });
    }
}
