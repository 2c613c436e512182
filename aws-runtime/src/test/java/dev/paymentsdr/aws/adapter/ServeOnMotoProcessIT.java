package dev.paymentsdr.aws.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.aws.adapter.dynamodb.LedgerTables;
import dev.paymentsdr.aws.testing.MotoServer;
import dev.paymentsdr.service.testing.ServeProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code serve --ledger dynamodb} as a process against moto, configured the way a user would (AWS_ENDPOINT_URL and
 * credentials in the environment): accepts, replays and rejects payments, and its background relay puts the event
 * on the bus (read back from a queue behind a rule) and the transaction log in the bucket.
 */
class ServeOnMotoProcessIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theServiceProcessKeepsPaymentsInDynamoDbAndRelaysThemToTheBusAndTheBucket() throws Exception {
        try (MotoServer moto = MotoServer.start()) {
            AwsClients clients = new AwsClients(Optional.of(moto.endpoint()), Optional.of(moto.credentials()));
            String queueUrl;
            try (DynamoDbClient dynamo = clients.dynamoDb("us-east-1"); S3Client s3 = clients.s3("us-east-1");
                 EventBridgeClient events = clients.eventBridge("us-east-1");
                 SqsClient sqs = SqsClient.builder().endpointOverride(moto.endpoint()).region(moto.region())
                         .credentialsProvider(moto.credentials()).build()) {
                LedgerTables.create(dynamo, "payments-serve");
                s3.createBucket(b -> b.bucket("tx-logs-serve"));
                events.createEventBus(b -> b.name("payments-serve-bus"));
                queueUrl = sqs.createQueue(b -> b.queueName("serve-events")).queueUrl();
                String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                        .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
                events.putRule(b -> b.name("all-payments").eventBusName("payments-serve-bus")
                        .eventPattern("{\"source\":[\"dev.paymentsdr.payments\"]}"));
                events.putTargets(b -> b.rule("all-payments").eventBusName("payments-serve-bus")
                        .targets(t -> t.id("q").arn(queueArn)));

                try (ServeProcess serve = ServeProcess.start(Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString(),
                                "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing"),
                        "--region", "us-east-1", "--ledger", "dynamodb", "--table", "payments-serve",
                        "--event-bus", "payments-serve-bus", "--archive", "s3://tx-logs-serve")) {
                    var ready = serve.get("/health/ready");
                    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
                    String body = "{\"customerId\":\"CUST-12345\",\"amount\":99.99,\"currency\":\"USD\"}";

                    var created = serve.pay("moto-serve-1", body);
                    var replayed = serve.pay("moto-serve-1", body);
                    var conflict = serve.pay("moto-serve-1", "{\"customerId\":\"CUST-12345\",\"amount\":1,\"currency\":\"USD\"}");
                    var rejected = serve.pay("moto-serve-2", "{\"customerId\":\"CUST-12345\",\"amount\":99.999,\"currency\":\"USD\"}");
                    var keyless = serve.pay(null, body);

                    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                    assertThat(replayed.statusCode()).isEqualTo(200);
                    assertThat(JSON.readTree(replayed.body()).get("id")).isEqualTo(JSON.readTree(created.body()).get("id"));
                    assertThat(conflict.statusCode()).isEqualTo(409);
                    assertThat(rejected.statusCode()).isEqualTo(422);
                    assertThat(keyless.statusCode()).isEqualTo(400);
                    assertThat(LedgerTables.items(dynamo, "payments-serve", "PAYMENT#")).hasSize(1);

                    List<Message> received = new ArrayList<>();
                    await().atMost(Duration.ofSeconds(30)).until(() -> {
                        received.addAll(sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)).messages());
                        return !received.isEmpty();
                    });
                    JsonNode detail = JSON.readTree(received.get(0).body()).get("detail");
                    assertThat(detail.at("/payment/id")).isEqualTo(JSON.readTree(created.body()).get("id"));
                    await().atMost(Duration.ofSeconds(30)).until(() ->
                            !s3.listObjectsV2(b -> b.bucket("tx-logs-serve").prefix("transaction-log/")).contents().isEmpty());
                }
            }
        }
    }
}
