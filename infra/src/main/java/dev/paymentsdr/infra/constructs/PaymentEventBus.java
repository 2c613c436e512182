package dev.paymentsdr.infra.constructs;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.Archive;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.EventBusProps;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The custom event bus of one region for payment events, with an archive for replay and a rule that forwards the
 * events that originated here to the bus of the same name in the other region (a dead-letter queue keeps events
 * that cannot be delivered, e.g. while that region is down).
 */
public final class PaymentEventBus extends Construct {
    /** Source of the events the payment runtime publishes. */
    public static final String EVENT_SOURCE = "dev.paymentsdr.payments";

    private final EventBus bus;
    private final Queue deadLetters;

    /**
     * Creates bus {@code busName}; forwards to {@code busName} in {@code otherRegion}. Only events whose
     * {@code detail.originRegion} is this region are forwarded, so forwarded events do not bounce back.
     */
    public PaymentEventBus(Construct scope, String id, String busName, String otherRegion, IKey key) {
        super(scope, id);
        Stack stack = Stack.of(this);
        bus = EventBus.Builder.create(this, "Bus").eventBusName(busName).build();
        Archive.Builder.create(this, "Archive")
                .sourceEventBus(bus)
                .eventPattern(EventPattern.builder().source(List.of(EVENT_SOURCE)).build())
                .retention(Duration.days(30))
                .description("payment events kept for replay after a failover")
                .build();
        deadLetters = Queue.Builder.create(this, "ForwardingDeadLetters")
                .encryption(QueueEncryption.KMS)
                .encryptionMasterKey(key)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        dev.paymentsdr.infra.nag.Nag.suppress(deadLetters, "AwsSolutions-SQS3",
                "This queue is the dead-letter queue of the cross-region forwarding rule.");
        IEventBus remote = EventBus.fromEventBusArn(this, "OtherRegionBus", stack.formatArn(ArnComponents.builder()
                .service("events").region(otherRegion).resource("event-bus").resourceName(busName).build()));
        Rule.Builder.create(this, "ForwardToOtherRegion")
                .eventBus(bus)
                .description("forward payment events that originated in " + stack.getRegion() + " to " + otherRegion)
                .eventPattern(EventPattern.builder()
                        .source(List.of(EVENT_SOURCE))
                        .detail(Map.of("originRegion", List.of(stack.getRegion())))
                        .build())
                .targets(List.of(new software.amazon.awscdk.services.events.targets.EventBus(remote,
                        EventBusProps.builder().deadLetterQueue(deadLetters).build())))
                .build();
    }

    /** The bus of this region. */
    public EventBus bus() {
        return bus;
    }

    /** Events that could not be forwarded. */
    public Queue deadLetters() {
        return deadLetters;
    }
}
