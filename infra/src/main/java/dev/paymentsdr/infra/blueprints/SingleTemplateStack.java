package dev.paymentsdr.infra.blueprints;

import dev.paymentsdr.contract.LedgerTableLayout;
import dev.paymentsdr.contract.RuntimeVariable;
import dev.paymentsdr.infra.blueprints.Naming.Name;
import dev.paymentsdr.infra.constructs.DnsFailover;
import dev.paymentsdr.infra.constructs.FunctionSettings;
import dev.paymentsdr.infra.constructs.GlobalTable;
import dev.paymentsdr.infra.constructs.LogArchive;
import dev.paymentsdr.infra.constructs.Observability;
import dev.paymentsdr.infra.constructs.OutboxRelayFunction;
import dev.paymentsdr.infra.constructs.PaymentFunctions;
import dev.paymentsdr.infra.constructs.RegionKey;
import dev.paymentsdr.infra.constructs.ReplicatedBucket;
import dev.paymentsdr.infra.constructs.ReplicatedSecret;
import dev.paymentsdr.infra.spec.AlarmSpec;
import dev.paymentsdr.infra.spec.FunctionsSpec.FrontDoor;
import dev.paymentsdr.infra.spec.Threshold;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnCondition;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.TableAttributesV2;
import software.amazon.awscdk.services.dynamodb.TableV2;
import software.amazon.awscdk.services.route53.CfnHostedZone;
import software.amazon.awscdk.services.sns.CfnSubscription;
import software.constructs.Construct;

/**
 * One region-agnostic template that CloudFormation users deploy in each region with parameters: the constructs of a
 * region, where what only the primary creates (the global table, the secret, the hosted zone, replication) carries
 * the IsPrimary condition and the secondary uses the replicas by name.
 */
final class SingleTemplateStack extends Stack {
    SingleTemplateStack(Construct scope, String id, String stackName, Artifacts artifacts) {
        super(scope, id, StackProps.builder().stackName(stackName)
                .description("payments-dr seed 002: payment processing DR on Lambda and DynamoDB, one template for both regions").build());
        String suffix = parameter("EnvironmentSuffix", "String", "dev", "suffix of every resource name, e.g. prod-001",
                "[a-z0-9]([a-z0-9-]{0,18}[a-z0-9])?").getValueAsString();
        String environment = parameter("EnvironmentName", "String", "production", "environment label (tag)", "[a-z]{1,20}").getValueAsString();
        // a label for people and cost reports, not a runtime setting: a tag (the functions read only the runtime contract)
        software.amazon.awscdk.Tags.of(this).add("EnvironmentName", environment, software.amazon.awscdk.TagProps.builder()
                .excludeResourceTypes(List.of("aws:cdk:stack")).build());
        CfnParameter isPrimary = parameter("IsPrimaryRegion", "String", "true", "true in the primary region, false in the secondary", null);
        isPrimary.setAllowedValues(List.of("true", "false"));
        String secondaryRegion = parameter("SecondaryRegion", "String", "us-west-2", "the DR region (the same value in both deployments)",
                "[a-z]{2}(-gov)?-[a-z]+-[0-9]").getValueAsString();
        String email = parameter("AlertEmail", "String", null, "e-mail address that receives the alarms", "[^@\\s]+@[^@\\s]+\\.[a-zA-Z]{2,}").getValueAsString();
        String zoneName = parameter("HostedZoneName", "String", "", "DNS zone for the failover record (empty: no DNS records)",
                "^$|([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}").getValueAsString();
        CfnParameter concurrency = parameter("LambdaReservedConcurrency", "Number", 100, "reserved concurrent executions of the payment function", null);
        concurrency.setMinValue(1);
        concurrency.setMaxValue(1000);
        CfnCondition primary = condition("IsPrimary", Fn.conditionEquals(isPrimary.getValueAsString(), "true"));
        CfnCondition hasZone = condition("HasHostedZone", Fn.conditionNot(Fn.conditionEquals(zoneName, "")));
        CfnCondition createZone = condition("CreateHostedZone", Fn.conditionAnd(primary, hasZone));

        Naming naming = Naming.builder(suffix).pattern(Name.TABLE, "payment-transactions-{suffix}")
                .pattern(Name.BUCKET, "transaction-logs-{region}-{suffix}").pattern(Name.FUNCTION, "payment-processor-{suffix}")
                .pattern(Name.HEALTH_FUNCTION, "payment-health-{suffix}")
                .pattern(Name.OUTBOX_RELAY, "payment-outbox-relay-{suffix}").pattern(Name.API_SECRET, "payment-api-keys-{suffix}")
                .pattern(Name.KEY_ALIAS, "payment-dr-{suffix}").pattern(Name.OPS, "payment-dr-{region}-{suffix}").build();
        RegionKey key = new RegionKey(this, "DataKey", naming.of(Name.KEY_ALIAS));
        LogArchive logs = new LogArchive(this, "LogArchive", 365);
        ReplicatedBucket bucket = ReplicatedBucket.Builder.create(this, "TransactionLogs")
                .bucket(naming.of(Name.BUCKET, Aws.REGION), key.key(), logs.bucket())
                .replicateTo(naming.of(Name.BUCKET, secondaryRegion), secondaryRegion, "alias/" + naming.of(Name.KEY_ALIAS))
                .replicateOnlyWhen(primary).build();
        String tableName = naming.of(Name.TABLE);
        GlobalTable.Builder.create(this, "Transactions").tableName(tableName).replicaRegion(secondaryRegion)
                .indexes(LedgerTableLayout.indexes()).deletionProtection(true).createOnlyWhen(primary).build();
        ReplicatedSecret secret = new ReplicatedSecret(this, "ApiKeys", naming.of(Name.API_SECRET), secondaryRegion, key.key(), primary);
        String secretArn = software.amazon.awscdk.Token.asString(Fn.conditionIf(primary.getLogicalId(), secret.secret().getSecretArn(),
                formatArn(software.amazon.awscdk.ArnComponents.builder().service("secretsmanager").resource("secret")
                        .resourceName(naming.of(Name.API_SECRET)).arnFormat(software.amazon.awscdk.ArnFormat.COLON_RESOURCE_NAME).build())));

        FunctionSettings functionSettings = FunctionSettings.builder().code(artifacts.lambdaCode().get()).key(key.key()).environment(Map.of(
                RuntimeVariable.PAYMENTS_REGION.name(), Aws.REGION, RuntimeVariable.PAYMENTS_TABLE.name(), tableName,
                RuntimeVariable.PAYMENTS_BUCKET.name(), bucket.bucket().getBucketName())).build();
        PaymentFunctions functions = PaymentFunctions.Builder.create(this, "Functions").frontDoor(FrontDoor.FUNCTION_URLS)
                .reservedConcurrency(concurrency.getValueAsNumber())
                .names(naming.of(Name.FUNCTION), naming.of(Name.HEALTH_FUNCTION), null).settings(functionSettings).build();
        // The payment events the functions record reach the transaction-log bucket through the scheduled relay.
        OutboxRelayFunction relay = new OutboxRelayFunction(this, "OutboxRelay", naming.of(Name.OUTBOX_RELAY), functionSettings);
        relay.grantLedgerTable(tableName);
        bucket.bucket().grantPut(relay.function(), OutboxRelayFunction.ARCHIVE_PREFIX + "*");
        // the replica by name, with its indexes: the ledger lists by customer and the relay finds pending events through them
        var table = TableV2.fromTableAttributes(this, "TransactionsReplica", TableAttributesV2.builder().tableName(tableName)
                .grantIndexPermissions(true).build());
        for (var function : List.of(functions.function(), functions.healthFunction().orElseThrow())) {
            table.grantReadWriteData(function);
            bucket.bucket().grantReadWrite(function);
        }
        software.amazon.awscdk.services.secretsmanager.Secret.fromSecretNameV2(this, "ApiKeysByName", naming.of(Name.API_SECRET))
                .grantRead(functions.function());

        Observability observability = new Observability(this, "Observability", naming.of(Name.OPS, Aws.REGION), key.key(), java.util.Optional.empty());
        CfnSubscription.Builder.create(this, "AlertSubscription").topicArn(observability.topic().getTopicArn()).protocol("email").endpoint(email).build();
        AlarmSpec alarms = AlarmSpec.none().functionErrors(Threshold.above(10, Duration.minutes(5)))
                .functionThrottles(Threshold.above(5, Duration.minutes(5)))
                .tableThrottles(Threshold.above(10, Duration.minutes(5)), Threshold.above(10, Duration.minutes(5)));
        observability.watchFunctions(functions, alarms);
        observability.watchRelay(relay);
        observability.watchTable(tableName, alarms);
        var replicationAlarm = observability.watchReplication(bucket, Duration.minutes(15));
        ((CfnResource) replicationAlarm.getNode().getDefaultChild()).getCfnOptions().setCondition(primary);

        String paymentsHost = Fn.select(2, Fn.split("/", functions.paymentsUrl().orElseThrow().getUrl()));
        String healthHost = Fn.select(2, Fn.split("/", functions.healthUrl().orElseThrow().getUrl()));
        var healthCheck = DnsFailover.healthCheck(this, "HealthCheck",
                DnsFailover.Endpoint.https(Aws.REGION, healthHost, "/health/ready", null, null), 30, 3);
        CfnHostedZone zone = CfnHostedZone.Builder.create(this, "HostedZone").name(zoneName).build();
        zone.getCfnOptions().setCondition(createZone);
        // cfn-lint needs exactly one of HostedZoneId / HostedZoneName per record, so each region has its own record:
        // the primary names its new zone by reference (which orders the two), the secondary finds it by name.
        DnsFailover.Endpoint payments = DnsFailover.Endpoint.https(Aws.REGION, paymentsHost, "/", null, null);
        DnsFailover.record(this, "PrimaryRecord", DnsFailover.Zone.byId(zone.getRef(), "payments." + zoneName), payments,
                healthCheck.getAttrHealthCheckId(), "PRIMARY", DnsFailover.PRIMARY_SET_ID).getCfnOptions().setCondition(createZone);
        CfnCondition secondaryRecord = condition("SecondaryWithHostedZone", Fn.conditionAnd(Fn.conditionNot(primary), hasZone));
        DnsFailover.record(this, "SecondaryRecord", DnsFailover.Zone.byName(zoneName, "payments." + zoneName), payments,
                healthCheck.getAttrHealthCheckId(), "SECONDARY", DnsFailover.SECONDARY_SET_ID).getCfnOptions().setCondition(secondaryRecord);

        output("DynamoDBTableName", tableName, "table name for application configuration", null);
        output("DynamoDBTableArn", formatArn(software.amazon.awscdk.ArnComponents.builder().service("dynamodb").resource("table")
                .resourceName(tableName).build()), "ARN for IAM policy references", null);
        output("S3BucketName", bucket.bucket().getBucketName(), "bucket name for logging configuration", null);
        output("S3BucketArn", bucket.bucket().getBucketArn(), "ARN for IAM policy references", null);
        output("LambdaFunctionArn", functions.function().getFunctionArn(), "payment function", null);
        output("LambdaFunctionUrl", functions.paymentsUrl().get().getUrl(), "payment endpoint (AWS_IAM: sign requests with SigV4)", null);
        output("HealthCheckUrl", functions.healthUrl().get().getUrl() + "health/ready", "endpoint for health monitoring", null);
        output("SecretArn", secretArn, "ARN for accessing the API credentials (in the secondary: the replica, by name)", null);
        software.amazon.awscdk.Validations.of(this).acknowledge(software.amazon.awscdk.Acknowledgment.builder()
                .id("CloudFormation-Validate::W1001")
                .reason("SecretArn takes the Ref of the secret only inside Fn::If on IsPrimary, the secret's own condition").build());
        output("SNSTopicArn", observability.topic().getTopicArn(), "topic for sending additional alerts", null);
        output("HostedZoneId", zone.getAttrId(), "zone ID for DNS configuration", createZone);
        output("HealthCheckId", healthCheck.getAttrHealthCheckId(), "health check ID for monitoring", null);
    }

    private CfnParameter parameter(String name, String type, Object defaultValue, String description, String pattern) {
        CfnParameter parameter = CfnParameter.Builder.create(this, name).type(type).description(description)
                .defaultValue(defaultValue).build();
        if (pattern != null) {
            parameter.setAllowedPattern(pattern);
            parameter.setConstraintDescription("must match " + pattern);
        }
        return parameter;
    }

    private CfnCondition condition(String name, software.amazon.awscdk.ICfnConditionExpression expression) {
        return CfnCondition.Builder.create(this, name).expression(expression).build();
    }

    private void output(String key, String value, String description, CfnCondition condition) {
        CfnOutput.Builder.create(this, key).value(value).description(description).condition(condition).build();
    }
}
