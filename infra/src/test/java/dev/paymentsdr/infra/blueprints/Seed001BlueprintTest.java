package dev.paymentsdr.infra.blueprints;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paymentsdr.infra.SynthSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Seed 001 (serverless trading platform, us-east-1/us-east-2): the values its document names. */
class Seed001BlueprintTest extends BlueprintTest {
    private Template primary;
    private Template secondary;

    @Override
    protected String blueprint() {
        return "seed-001";
    }

    @BeforeAll
    void templates() {
        primary = template("Primary");
        secondary = template("Secondary");
    }

    @Test
    void route53ChecksBothApiGatewayEndpointsEveryThirtySecondsWithThresholdThree() {
        template("Global").resourcePropertiesCountIs("AWS::Route53::HealthCheck", Match.objectLike(Map.of("HealthCheckConfig",
                Match.objectLike(Map.of("Type", "HTTPS", "RequestInterval", 30, "FailureThreshold", 3,
                        "ResourcePath", "/prod/health/ready")))), 2);
    }

    @Test
    void withoutAnAcceleratorTheFailoverFunctionsHaveNoGlobalAcceleratorAccess() {
        for (Template region : List.of(primary, secondary)) {
            org.assertj.core.api.Assertions.assertThat(region.toJSON().toString()).doesNotContain("globalaccelerator:");
        }
    }

    @Test
    void thereAreNoNatGatewaysOnlyEndpointsAndTheFunctionsRunInTheVpc() {
        for (Template region : List.of(primary, secondary)) {
            region.resourceCountIs("AWS::EC2::NatGateway", 0);
            region.hasResourceProperties("AWS::EC2::VPCEndpoint", Match.objectLike(Map.of("VpcEndpointType", "Interface",
                    "PrivateDnsEnabled", true)));
            region.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                    "Handler", "dev.paymentsdr.aws.lambda.PaymentQueueHandler::handleRequest", "VpcConfig", Match.anyValue())));
        }
    }

    @Test
    void auroraPostgresServerlessV2KeepsSevenDaysOfEncryptedBackups() {
        primary.hasResourceProperties("AWS::RDS::DBCluster", Match.objectLike(Map.of("Engine", "aurora-postgresql",
                "ServerlessV2ScalingConfiguration", Map.of("MinCapacity", 0.5, "MaxCapacity", 16), "BackupRetentionPeriod", 7,
                "StorageEncrypted", true)));
        secondary.hasResourceProperties("AWS::RDS::DBCluster", Match.objectLike(Map.of("GlobalClusterIdentifier", "payments-dr-global-dev",
                "BackupRetentionPeriod", 7)));
    }

    @Test
    void theTradeOrderQueueKeepsMessagesFourDaysWithFiveMinuteVisibilityAndFeedsTheProcessor() {
        for (String region : List.of("us-east-1", "us-east-2")) {
            template(region.equals("us-east-1") ? "Primary" : "Secondary").hasResourceProperties("AWS::SQS::Queue", Match.objectLike(Map.of(
                    "QueueName", "trade-orders-" + region + "-dev", "MessageRetentionPeriod", 345600, "VisibilityTimeout", 300)));
        }
        primary.hasResourceProperties("AWS::Lambda::EventSourceMapping", Match.objectLike(Map.of("BatchSize", 10)));
    }

    @Test
    void theSessionTableIsAGlobalOnDemandTableWithPitrAndStreams() {
        primary.hasResourceProperties("AWS::DynamoDB::GlobalTable", Match.objectLike(Map.of("BillingMode", "PAY_PER_REQUEST",
                "StreamSpecification", Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"),
                "Replicas", Match.arrayWith(List.of(Match.objectLike(Map.of("Region", "us-east-2",
                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true))))))));
    }

    @Test
    void theConfigurationAndAuditBucketsAreVersionedAndReplicateWithinFifteenMinutesIncludingDeleteMarkers() {
        Capture names = new Capture();
        primary.resourcePropertiesCountIs("AWS::S3::Bucket", Match.objectLike(Map.of(
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "ReplicationConfiguration", Match.objectLike(Map.of("Rules", List.of(Match.objectLike(Map.of(
                        "DeleteMarkerReplication", Map.of("Status", "Enabled"),
                        "Destination", Match.objectLike(Map.of("ReplicationTime", Map.of("Status", "Enabled",
                                "Time", Map.of("Minutes", 15))))))))))), 2);
        primary.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of("BucketName", names,
                "ReplicationConfiguration", Match.anyValue())));
        assertThat(primary.toJSON().toString()).contains("trading-config-", "pdr-audit-");
    }

    @Test
    void eventBusesForwardTheirOwnEventsToTheOtherRegion() {
        primary.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of("Targets", List.of(Match.objectLike(Map.of(
                "Arn", "arn:aws:events:us-east-2:123456789012:event-bus/payments-dr-events-dev"))))));
        secondary.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of("Targets", List.of(Match.objectLike(Map.of(
                "Arn", "arn:aws:events:us-east-1:123456789012:event-bus/payments-dr-events-dev"))))));
    }

    @Test
    void theFailoverWorkflowRunsTheTriggerWithinTenMinutesWithoutEcs_andTheReadinessTestRunsHourly() throws Exception {
        Capture definition = new Capture();
        secondary.hasResourceProperties("AWS::StepFunctions::StateMachine", Match.objectLike(Map.of("DefinitionString", definition)));
        JsonNode root = SynthSupport.definition(definition.asObject());
        assertThat(root.get("TimeoutSeconds").asInt()).isEqualTo(600);
        assertThat(root.get("States").has("SwitchDnsPhase")).isTrue();
        Capture environment = new Capture();
        secondary.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", dev.paymentsdr.contract.Component.FAILOVER_TRIGGER.handler(),
                "Environment", Map.of("Variables", environment))));
        String resources = environment.asObject().get("PAYMENTS_FAILOVER_RESOURCES").toString();
        assertThat(resources).doesNotContain("ecs-cluster").contains("probe-signing=execute-api", "probe-payments-path=payments");
        // the document invokes it by hand as failover-test-<region>-<suffix>
        secondary.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("FunctionName", "failover-test-us-east-2-dev",
                "Handler", dev.paymentsdr.contract.Component.READINESS_TESTER.handler())));
        secondary.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of("ScheduleExpression", "rate(1 hour)")));
    }

    @Test
    void alarmsUseTheDocumentsTargetsAndNotifyTheTradingAlertsTopic() {
        primary.hasResourceProperties("AWS::SNS::Topic", Match.objectLike(Map.of("TopicName", "trading-alerts-us-east-1-dev")));
        secondary.hasResourceProperties("AWS::SNS::Topic", Match.objectLike(Map.of("TopicName", "trading-alerts-us-east-2-dev")));
        primary.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", "AuroraGlobalDBReplicationLag",
                "Threshold", 1000)));
        primary.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", "Latency",
                "ExtendedStatistic", "p99", "Threshold", 1000)));
        primary.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", "Errors", "Threshold", 5,
                "Period", 60, "ComparisonOperator", "GreaterThanOrEqualToThreshold")));
    }

    @Test
    void theRestApiHasHealthEndpointsLoggingAndTracing() {
        primary.hasResourceProperties("AWS::ApiGateway::Resource", Match.objectLike(Map.of("PathPart", "health")));
        primary.hasResourceProperties("AWS::ApiGateway::Stage", Match.objectLike(Map.of("TracingEnabled", true,
                "AccessLogSetting", Match.objectLike(Map.of("DestinationArn", Match.anyValue())),
                "MethodSettings", List.of(Match.objectLike(Map.of("LoggingLevel", "INFO"))))));
    }
}
