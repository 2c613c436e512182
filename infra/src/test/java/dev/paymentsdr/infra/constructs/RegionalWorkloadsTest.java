package dev.paymentsdr.infra.constructs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.paymentsdr.infra.spec.AlarmSpec;
import dev.paymentsdr.infra.spec.QueueSpec;
import dev.paymentsdr.infra.spec.Threshold;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Code;

/** Payment service, functions, queue, event bus, table, backup, firewall and observability in one small stack. */
class RegionalWorkloadsTest {
    private static Path code;
    private static Template template;
    private static Observability observability;

    @BeforeAll
    static void build() throws Exception {
        code = Files.createTempDirectory("workloads-code");
        Files.writeString(code.resolve("Dockerfile"), "FROM scratch\n");
        Stack stack = TestStacks.stack("us-east-1");
        Vpc vpc = TestStacks.vpc(stack);
        Key key = TestStacks.key(stack);
        LogArchive logs = new LogArchive(stack, "Logs", 30);

        PaymentService service = PaymentService.Builder.create(stack, "Service").names("svc", "svc").vpc(vpc)
                .image(ContainerImage.fromAsset(code.toString())).environment(Map.of("PAYMENTS_REGION", "us-east-1"))
                .key(key).accessLogs(logs.bucket()).capacity(3, 7).build();
        SecurityGroup functionsGroup = SecurityGroup.Builder.create(stack, "Fns").vpc(vpc).build();
        FunctionSettings lambda = FunctionSettings.builder().code(Code.fromAsset(code.toString())).key(key)
                .environment(Map.of("PAYMENTS_REGION", "us-east-1"))
                .inVpc(vpc, SubnetSelection.builder().subnetType(SubnetType.PRIVATE_WITH_EGRESS).build(), functionsGroup).build();
        PaymentFunctions functions = PaymentFunctions.Builder.create(stack, "Functions").settings(lambda).reservedConcurrency(40)
                .names("api", "health", "api").build();
        PaymentQueue queue = new PaymentQueue(stack, "Orders", "orders", "orders-consumer", lambda, QueueSpec.standard());
        new PaymentEventBus(stack, "Events", "bus", "us-west-2", key);
        GlobalTable table = GlobalTable.Builder.create(stack, "Table").tableName("sessions").replicaRegion("us-west-2")
                .deletionProtection(false).build();
        RegionalBackup backup = new RegionalBackup(stack, "Backup", "vault", key);
        backup.backUp(List.of(table.tableArn()), "us-west-2");
        WebFirewall firewall = new WebFirewall(stack, "Waf", "waf", key);
        firewall.protect(service.loadBalancer().getLoadBalancerArn());
        observability = new Observability(stack, "Ops", "ops", key, Optional.of("ops@example.com"));
        observability.watchService(service, AlarmSpec.none().service());
        observability.watchFunctions(functions, AlarmSpec.none().functionErrors(Threshold.atLeast(5, Duration.minutes(1)))
                .functionThrottles(Threshold.above(5, Duration.minutes(5))).apiLatencyP99(Duration.millis(800)));
        observability.watchDeadLetters("orders-dlq", queue.deadLetterDepth());
        template = Template.fromStack(stack);
    }

    @AfterAll
    static void cleanUp() {
        dev.paymentsdr.infra.TestArtifacts.deleteQuietly(code);
    }

    @Test
    void theServiceScalesBetweenItsMinimumAndMaximumOnCpu() {
        template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Match.objectLike(Map.of(
                "MinCapacity", 3, "MaxCapacity", 7)));
        template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Match.objectLike(Map.of(
                "TargetTrackingScalingPolicyConfiguration", Match.objectLike(Map.of("TargetValue", 60)))));
        template.hasResourceProperties("AWS::ECS::Service", Match.objectLike(Map.of(
                "DesiredCount", 3, "LaunchType", "FARGATE",
                "DeploymentConfiguration", Match.objectLike(Map.of(
                        "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true))))));
        template.hasResourceProperties("AWS::ECS::Cluster", Match.objectLike(Map.of(
                "ClusterSettings", List.of(Map.of("Name", "containerInsights", "Value", "enabled")))));
    }

    @Test
    void withoutACertificateTheAlbListensOnHttpAndLogsAccess() {
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.objectLike(Map.of("Port", 80, "Protocol", "HTTP")));
        template.hasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Match.objectLike(Map.of(
                "Scheme", "internet-facing",
                "LoadBalancerAttributes", Match.arrayWith(List.of(
                        Map.of("Key", "access_logs.s3.enabled", "Value", "true"))))));
        template.hasResourceProperties("AWS::WAFv2::WebACLAssociation", Match.objectLike(Map.of("ResourceArn", Match.anyValue())));
    }

    @Test
    void functionsHaveReservedConcurrencyAndTheirThresholdsAsSet() {
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", "api", "ReservedConcurrentExecutions", 40)));
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", "orders-consumer", "ReservedConcurrentExecutions", 20)));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "AlarmName", "ops-lambda-throttles", "Threshold", 5, "Period", 300, "ComparisonOperator", "GreaterThanThreshold")));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "AlarmName", "ops-lambda-errors", "Threshold", 5, "Period", 60, "ComparisonOperator", "GreaterThanOrEqualToThreshold")));
    }

    @Test
    void theApiFunctionIsPublishedBehindALiveAliasThatTheRestApiInvokes() {
        template.hasResourceProperties("AWS::Lambda::Alias", Match.objectLike(Map.of("Name", "live")));
        template.resourceCountIs("AWS::Lambda::Version", 2);
        template.hasResourceProperties("AWS::ApiGateway::RequestValidator", Match.objectLike(Map.of(
                "ValidateRequestBody", true, "ValidateRequestParameters", true)));
        template.hasResourceProperties("AWS::ApiGateway::Method", Match.objectLike(Map.of(
                "HttpMethod", "GET", "AuthorizationType", "NONE",
                "Integration", Match.objectLike(Map.of("Type", "AWS_PROXY")))));
    }

    @Test
    void theQueueConsumerIsFedThroughItsAliasAndBothQueuesAreEncryptedAndTlsOnly() {
        software.amazon.awscdk.assertions.Capture function = new software.amazon.awscdk.assertions.Capture();
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Match.objectLike(Map.of(
                "BatchSize", 10, "FunctionName", function)));
        assertThat(function.asObject().toString()).as("the mapping targets the published alias").contains(":live");
        template.resourcePropertiesCountIs("AWS::SQS::Queue", Match.objectLike(Map.of("KmsMasterKeyId", Match.anyValue())), 3);
        template.hasResourceProperties("AWS::SQS::Queue", Match.objectLike(Map.of(
                "QueueName", "orders-dlq", "MessageRetentionPeriod", 1209600)));
        template.resourcePropertiesCountIs("AWS::SQS::QueuePolicy", Match.objectLike(Map.of("PolicyDocument",
                Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")), "Effect", "Deny")))))))), 3);
    }

    @Test
    void theEventBusIsArchivedAndForwardsOnlyItsOwnEvents() {
        template.hasResourceProperties("AWS::Events::Archive", Match.objectLike(Map.of("RetentionDays", 30)));
        template.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                "EventPattern", Map.of("source", List.of("dev.paymentsdr.payments"), "detail", Map.of("originRegion", List.of("us-east-1"))),
                "Targets", List.of(Match.objectLike(Map.of(
                        "Arn", "arn:aws:events:us-west-2:123456789012:event-bus/bus",
                        "RoleArn", Match.anyValue(),
                        "DeadLetterConfig", Match.anyValue()))))));
    }

    @Test
    void theTableIsAGlobalTableWithPitrAndTheBackupCopiesToTheOtherRegion() {
        template.hasResourceProperties("AWS::DynamoDB::GlobalTable", Match.objectLike(Map.of(
                "TableName", "sessions", "BillingMode", "PAY_PER_REQUEST",
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true))));
        template.hasResourceProperties("AWS::Backup::BackupPlan", Match.objectLike(Map.of("BackupPlan", Match.objectLike(Map.of(
                "BackupPlanRule", List.of(Match.objectLike(Map.of(
                        "Lifecycle", Map.of("DeleteAfterDays", 35),
                        "CopyActions", List.of(Match.objectLike(Map.of(
                                "DestinationBackupVaultArn", "arn:aws:backup:us-west-2:123456789012:backup-vault:vault")))))))))));
        template.hasResourceProperties("AWS::Backup::BackupVault", Match.objectLike(Map.of(
                "BackupVaultName", "vault", "EncryptionKeyArn", Match.anyValue())));
    }

    @Test
    void alarmsNotifyTheEncryptedTopicAndAppearOnTheDashboard() {
        template.hasResourceProperties("AWS::SNS::Topic", Match.objectLike(Map.of("TopicName", "ops-alerts", "KmsMasterKeyId", Match.anyValue())));
        template.hasResourceProperties("AWS::SNS::Subscription", Match.objectLike(Map.of("Protocol", "email", "Endpoint", "ops@example.com")));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "AlarmName", "ops-ecs-running-tasks-below-minimum", "Threshold", 3, "ComparisonOperator", "LessThanThreshold",
                "TreatMissingData", "breaching", "OKActions", List.of(Match.anyValue()))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "AlarmName", "ops-api-latency-p99", "Threshold", 800, "ExtendedStatistic", "p99")));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "AlarmName", "ops-orders-dlq", "MetricName", "ApproximateNumberOfMessagesVisible", "Threshold", 0)));
        assertThat(observability.alarms()).hasSize(6);
        assertThat(observability.alarmName("x")).isEqualTo("ops-x");
        template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
    }
}
