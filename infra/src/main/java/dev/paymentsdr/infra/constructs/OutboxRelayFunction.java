package dev.paymentsdr.infra.constructs;

import dev.paymentsdr.contract.Handlers;
import dev.paymentsdr.contract.LedgerTableLayout;
import dev.paymentsdr.infra.nag.Checkov;
import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.Construct;

/**
 * The outbox relay of a region's payment functions: {@code OutboxRelayHandler} on an EventBridge schedule every minute,
 * one run at a time, moving the events the payment functions recorded to the event bus and the transaction-log bucket
 * (Lambda functions never relay in the background, so without it the events would stay pending). Its role gets only
 * what the relay calls; the caller grants the ledger's database secret, the bucket prefix and the bus.
 */
public final class OutboxRelayFunction extends Construct {
    /** Where the archive writes in the region's bucket (the runtime's default for PAYMENTS_BUCKET). */
    public static final String ARCHIVE_PREFIX = "transaction-log/";
    /** A run's limit: shorter than the schedule's interval, so runs never overlap. */
    static final Duration TIMEOUT = Duration.seconds(55);

    private final Function function;

    /** The relay with the payment functions' {@code settings} (environment, code, key, placement), named {@code name}. */
    public OutboxRelayFunction(Construct scope, String id, String name, FunctionSettings settings) {
        super(scope, id);
        // No SnapStart: only the schedule invokes it, once a minute, so its execution environment stays warm.
        function = PaymentFunctions.javaFunction(this, "Relay", name, Handlers.OUTBOX_RELAY, "outbox relay: payment events to the event bus and "
                        + "the transaction-log bucket, every minute", settings, TIMEOUT, 1, false,
                "This design has no VPC: the relay reaches only DynamoDB, S3 and EventBridge, over TLS with IAM-scoped permissions.");
        Checkov.skip(function, "CKV_AWS_116", "Run by a schedule every minute: a failed run leaves the events pending in the "
                + "outbox and the next run relays them (same event ids); there is no event to dead-letter.");
        Rule.Builder.create(this, "Schedule").description("payments-dr: outbox relay every minute")
                .schedule(Schedule.rate(Duration.minutes(1)))
                .targets(List.of(new LambdaFunction(function, LambdaFunctionProps.builder().retryAttempts(0)
                        .maxEventAge(Duration.minutes(1)).build())))
                .build();
    }

    /**
     * Lets the relay use the DynamoDB ledger {@code tableName} of this region: describe and read it (the readiness check
     * at start), query the pending-events index and delete relayed events; nothing else.
     */
    public void grantLedgerTable(String tableName) {
        String table = Stack.of(this).formatArn(ArnComponents.builder().service("dynamodb").resource("table")
                .resourceName(tableName).build());
        function.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:BatchWriteItem")).resources(List.of(table)).build());
        function.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("dynamodb:Query")).resources(List.of(table + "/index/" + LedgerTableLayout.PENDING_EVENTS.name())).build());
    }

    /** The relay function. */
    public Function function() {
        return function;
    }
}
