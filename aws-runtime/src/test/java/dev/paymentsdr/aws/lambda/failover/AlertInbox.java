package dev.paymentsdr.aws.lambda.failover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.aws.testing.MotoServer;
import dev.paymentsdr.failover.domain.model.RegionId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** What an alert topic publishes, as a subscriber sees it: an SQS queue subscribed to the topic in moto. */
public final class AlertInbox implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SqsClient sqs;
    private final String queueUrl;

    public AlertInbox(MotoServer moto, software.amazon.awssdk.services.sns.SnsClient sns, RegionId region, String topicArn) {
        this.sqs = SqsClient.builder().endpointOverride(moto.endpoint()).credentialsProvider(moto.credentials())
                .region(Region.of(region.name())).build();
        this.queueUrl = sqs.createQueue(b -> b.queueName("alerts-" + UUID.randomUUID().toString().substring(0, 8))).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn));
    }

    /** The SNS messages delivered so far (subject and parsed message), taken off the queue. */
    public List<Alert> take() {
        List<Alert> alerts = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            for (Message m : batch) {
                try {
                    JsonNode envelope = JSON.readTree(m.body());
                    alerts.add(new Alert(envelope.path("Subject").asText(), JSON.readTree(envelope.path("Message").asText())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return alerts;
    }

    /** One published alert. */
    public record Alert(String subject, JsonNode message) {
    }

    @Override
    public void close() {
        sqs.close();
    }
}
