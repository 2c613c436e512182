package dev.paymentsdr.infra.constructs;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The payment order queue of one region (4-day retention, 5-minute visibility) with a dead-letter queue after three
 * failed receives, consumed by the queue handler Lambda with partial batch failure reporting.
 */
public final class PaymentQueue extends Construct {
    /** The SQS handler of the aws-runtime module. */
    public static final String QUEUE_HANDLER = dev.paymentsdr.contract.Handlers.PAYMENT_QUEUE;

    private final Queue queue;
    private final Queue deadLetters;
    private final Function consumer;
    private final software.amazon.awscdk.services.lambda.Alias consumerAlias;

    /** Creates queue {@code queueName}, its dead-letter queue and the consumer function {@code consumerName} as {@code spec} says. */
    public PaymentQueue(Construct scope, String id, String queueName, String consumerName, FunctionSettings lambda,
                        dev.paymentsdr.infra.spec.QueueSpec spec) {
        super(scope, id);
        deadLetters = Queue.Builder.create(this, "DeadLetters")
                .queueName(queueName + "-dlq")
                .encryption(QueueEncryption.KMS)
                .encryptionMasterKey(lambda.key())
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        queue = Queue.Builder.create(this, "Queue")
                .queueName(queueName)
                .encryption(QueueEncryption.KMS)
                .encryptionMasterKey(lambda.key())
                .enforceSsl(true)
                .retentionPeriod(spec.retention())
                .visibilityTimeout(spec.visibility())
                .deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters).maxReceiveCount(spec.maxReceiveCount()).build())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        consumer = PaymentFunctions.javaFunction(this, "Consumer", consumerName, QUEUE_HANDLER, "payment order queue consumer", lambda,
                Duration.seconds(60), spec.consumerConcurrency());
        dev.paymentsdr.infra.nag.Checkov.skip(consumer, "CKV_AWS_116", "Invoked by the SQS event source mapping, not asynchronously: "
                + "a message that fails " + spec.maxReceiveCount() + " times moves to the queue's own dead-letter queue.");
        consumerAlias = software.amazon.awscdk.services.lambda.Alias.Builder.create(this, "Live")
                .aliasName("live").version(consumer.getCurrentVersion()).build();
        consumerAlias.addEventSource(SqsEventSource.Builder.create(queue)
                .batchSize(10)
                .maxConcurrency(spec.consumerConcurrency())
                .reportBatchItemFailures(true)
                .build());
        dev.paymentsdr.infra.nag.Nag.suppress(deadLetters, "AwsSolutions-SQS3", "This queue is the dead-letter queue of the payment order queue.");
    }

    /** The payment order queue. */
    public Queue queue() {
        return queue;
    }

    /** The dead-letter queue. */
    public Queue deadLetters() {
        return deadLetters;
    }

    /** The consumer function. */
    public Function consumer() {
        return consumer;
    }

    /** Messages waiting in the dead-letter queue (maximum over 5 minutes). */
    public Metric deadLetterDepth() {
        return deadLetters.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                .period(Duration.minutes(5)).statistic("Maximum").build());
    }

}
