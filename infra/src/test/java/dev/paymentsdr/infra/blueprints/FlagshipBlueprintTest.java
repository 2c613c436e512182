package dev.paymentsdr.infra.blueprints;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paymentsdr.infra.SynthSupport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/** The flagship with default context (no domain), synthesized once; asserts the DR-relevant properties of each stack. */
class FlagshipBlueprintTest extends BlueprintTest {
    private Template primary;
    private Template secondary;
    private Template global;

    @Override
    protected String blueprint() {
        return "flagship";
    }

    @BeforeAll
    void templates() {
        primary = template("Primary");
        secondary = template("Secondary");
        global = template("Global");
    }

    @Test
    void threeStacksCarryTheEnvironmentSuffixAndTheirRegions() {
        assertThat(result.assembly().getStacks())
                .extracting(CloudFormationStackArtifact::getStackName)
                .containsExactlyInAnyOrder("PaymentsDr-Primary-dev", "PaymentsDr-Secondary-dev", "PaymentsDr-Global-dev");
        assertThat(result.assembly().getStacks())
                .extracting(s -> s.getStackName() + "@" + s.getEnvironment().getRegion())
                .contains("PaymentsDr-Primary-dev@us-east-1", "PaymentsDr-Secondary-dev@us-east-2", "PaymentsDr-Global-dev@us-east-1");
    }

    @Test
    void theNagReportsAreWrittenForEveryStack() {
        assertThat(Path.of(result.assembly().getDirectory()).resolve("PCI.DSS.321-PaymentsDr-Primary-dev-NagReport.csv")).exists();
        assertThat(Path.of(result.assembly().getDirectory()).resolve("AwsSolutions-PaymentsDr-Secondary-dev-NagReport.csv")).exists();
    }

    @Test
    void theNotesSayThatWithoutADomainThereAreNoDnsRecords() {
        assertThat(result.notes()).anyMatch(n -> n.contains("no domainName/hostedZoneId"));
        global.resourceCountIs("AWS::Route53::RecordSet", 0);
    }

    @Test
    void primaryCreatesTheGlobalClusterFromAnEncryptedPostgresWriter() {
        primary.hasResourceProperties("AWS::RDS::GlobalCluster", Match.objectLike(Map.of(
                "GlobalClusterIdentifier", "payments-dr-global-dev",
                "SourceDBClusterIdentifier", Match.anyValue())));
        primary.hasResourceProperties("AWS::RDS::DBCluster", Match.objectLike(Map.of(
                "Engine", "aurora-postgresql",
                "StorageEncrypted", true,
                "KmsKeyId", Match.anyValue(),
                "BackupRetentionPeriod", 7,
                "EnableCloudwatchLogsExports", List.of("postgresql"),
                "ServerlessV2ScalingConfiguration", Map.of("MinCapacity", 0.5, "MaxCapacity", 16),
                "DeletionProtection", true,
                "EnableIAMDatabaseAuthentication", true)));
    }

    @Test
    void everyDatabaseInstanceHasEnhancedMonitoringEveryMinute() {
        for (Template region : List.of(primary, secondary)) {
            region.resourcePropertiesCountIs("AWS::RDS::DBInstance", Match.objectLike(Map.of(
                    "MonitoringInterval", 60, "MonitoringRoleArn", Match.anyValue())), 2);
        }
    }

    @Test
    void databaseCredentialsAreRotatedAndReplicatedToTheSecondaryRegion() {
        primary.hasResourceProperties("AWS::SecretsManager::Secret", Match.objectLike(Map.of(
                "Name", "payments-dr/dev/database",
                "ReplicaRegions", List.of(Map.of("Region", "us-east-2")),
                "KmsKeyId", Match.anyValue())));
        primary.hasResourceProperties("AWS::SecretsManager::RotationSchedule", Match.objectLike(Map.of(
                "RotationRules", Map.of("ScheduleExpression", "rate(30 days)"))));
    }

    @Test
    void secondaryClusterJoinsTheGlobalClusterWithoutCredentialsOfItsOwn() {
        secondary.hasResourceProperties("AWS::RDS::DBCluster", Match.objectLike(Map.of(
                "GlobalClusterIdentifier", "payments-dr-global-dev",
                "DBClusterIdentifier", "payments-dr-db-us-east-2-dev",
                "StorageEncrypted", true,
                "BackupRetentionPeriod", 7,
                "MasterUsername", Match.absent(),
                "MasterUserPassword", Match.absent())));
        secondary.resourcePropertiesCountIs("AWS::RDS::DBInstance", Match.objectLike(Map.of("DBInstanceClass", "db.serverless")), 2);
        secondary.resourceCountIs("AWS::RDS::GlobalCluster", 0);
    }

    @Test
    void theGlobalTableIsOnDemandWithPitrStreamsAndAReplicaInTheSecondaryRegion() {
        primary.hasResourceProperties("AWS::DynamoDB::GlobalTable", Match.objectLike(Map.of(
                "TableName", "payments-dr-sessions-dev",
                "BillingMode", "PAY_PER_REQUEST",
                "StreamSpecification", Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"),
                "Replicas", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Region", "us-east-2",
                                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true))),
                        Match.objectLike(Map.of("Region", "us-east-1",
                                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true))))))));
        secondary.resourceCountIs("AWS::DynamoDB::GlobalTable", 0);
    }

    @Test
    void theContainersRelayTheOutbox_soNoRelayFunctionIsDeployed() {
        for (Template region : List.of(primary, secondary)) {
            region.resourcePropertiesCountIs("AWS::Lambda::Function", Match.objectLike(Map.of("Handler",
                    dev.paymentsdr.contract.Handlers.OUTBOX_RELAY)), 0);
        }
    }

    @Test
    void eachBucketReplicatesToTheOtherRegionWithRtcAndDeleteMarkers() {
        Capture destination = new Capture();
        Map<String, Object> rule = Map.of(
                "Status", "Enabled",
                "DeleteMarkerReplication", Map.of("Status", "Enabled"),
                "Destination", Match.objectLike(Map.of(
                        "Bucket", destination,
                        "ReplicationTime", Map.of("Status", "Enabled", "Time", Map.of("Minutes", 15)),
                        "Metrics", Match.objectLike(Map.of("Status", "Enabled")),
                        "EncryptionConfiguration", Map.of("ReplicaKmsKeyID",
                                "arn:aws:kms:us-east-2:123456789012:alias/payments-dr-data-dev"))));
        Map<String, Object> encryption = Map.of("ServerSideEncryptionConfiguration", List.of(Match.objectLike(Map.of(
                "ServerSideEncryptionByDefault", Match.objectLike(Map.of("SSEAlgorithm", "aws:kms"))))));
        primary.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "BucketEncryption", Match.objectLike(encryption),
                "ReplicationConfiguration", Match.objectLike(Map.of("Rules", List.of(Match.objectLike(rule)))))));
        assertThat(destination.asObject().toString()).contains("pdr-txlog-", "-us-east-2-dev");
        secondary.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "ReplicationConfiguration", Match.objectLike(Map.of("Rules", List.of(Match.objectLike(Map.of(
                        "Destination", Match.objectLike(Map.of("EncryptionConfiguration", Map.of("ReplicaKmsKeyID",
                                "arn:aws:kms:us-east-1:123456789012:alias/payments-dr-data-dev")))))))))));
    }

    @Test
    void serviceScalesFromTenToFiftyInThePrimaryAndFromTwoToFiftyInTheSecondary() {
        primary.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Match.objectLike(Map.of(
                "MinCapacity", 10, "MaxCapacity", 50, "ScalableDimension", "ecs:service:DesiredCount")));
        secondary.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Match.objectLike(Map.of(
                "MinCapacity", 2, "MaxCapacity", 50)));
        primary.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Match.objectLike(Map.of(
                "HealthCheckPath", "/health", "Port", 8080)));
    }

    @Test
    void theContainerGetsItsSettingsAndTheDatabasePasswordFromSecretsManager() {
        List<Object> expected = List.of(
                Map.of("Name", "PAYMENTS_REGION", "Value", "us-east-1"),
                Map.of("Name", "PAYMENTS_BIND", "Value", "0.0.0.0"),
                Map.of("Name", "PAYMENTS_PORT", "Value", "8080"),
                Match.objectLike(Map.of("Name", "PAYMENTS_DB_URL")));
        for (Object variable : expected) {
            primary.hasResourceProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of(
                    "ContainerDefinitions", List.of(Match.objectLike(Map.of(
                            "PortMappings", List.of(Match.objectLike(Map.of("ContainerPort", 8080))),
                            "Environment", Match.arrayWith(List.of(variable)),
                            "Secrets", Match.arrayWith(List.of(Match.objectLike(Map.of("Name", "PAYMENTS_DB_PASSWORD"))))))))));
        }
        boolean plainPassword = primary.toJSON().toString().contains("PAYMENTS_DB_PASSWORD, Value=");
        assertThat(plainPassword).as("the password is never a plain environment value").isFalse();
    }

    @Test
    void secondaryTasksReadTheCredentialsReplicaByItsCompleteArn() {
        Capture secrets = new Capture();
        secondary.hasResourceProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of(
                "ContainerDefinitions", List.of(Match.objectLike(Map.of("Secrets", secrets))))));
        String valueFrom = secrets.asArray().toString();
        assertThat(valueFrom).contains("PAYMENTS_DB_PASSWORD", ":secretsmanager:us-east-2:", "Fn::Select", ":password::");
    }

    @Test
    void functionsRunTheRealHandlersOnJava21WithSnapStartAndTracing() {
        for (String handler : List.of("dev.paymentsdr.aws.lambda.PaymentApiHandler::handleRequest",
                "dev.paymentsdr.aws.lambda.PaymentQueueHandler::handleRequest")) {
            secondary.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                    "Handler", handler,
                    "Runtime", "java21",
                    "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                    "TracingConfig", Map.of("Mode", "Active"),
                    "VpcConfig", Match.anyValue(),
                    "Environment", Match.objectLike(Map.of("Variables", Match.objectLike(Map.of(
                            "PAYMENTS_REGION", "us-east-2", "PAYMENTS_DB_SECRET_ARN", Match.anyValue())))))));
        }
    }

    @Test
    void theRestApiHasPaymentsAndHealthWithAccessLogsAndTracing() {
        primary.hasResourceProperties("AWS::ApiGateway::Resource", Match.objectLike(Map.of("PathPart", "payments")));
        primary.hasResourceProperties("AWS::ApiGateway::Resource", Match.objectLike(Map.of("PathPart", "health")));
        primary.hasResourceProperties("AWS::ApiGateway::Resource", Match.objectLike(Map.of("PathPart", "ready")));
        primary.hasResourceProperties("AWS::ApiGateway::Method", Match.objectLike(Map.of(
                "HttpMethod", "POST", "AuthorizationType", "AWS_IAM")));
        primary.hasResourceProperties("AWS::ApiGateway::Stage", Match.objectLike(Map.of(
                "StageName", "prod",
                "TracingEnabled", true,
                "AccessLogSetting", Match.objectLike(Map.of("DestinationArn", Match.anyValue())))));
    }

    @Test
    void theOrderQueueKeepsMessagesFourDaysWithFiveMinuteVisibilityAndADeadLetterQueue() {
        primary.hasResourceProperties("AWS::SQS::Queue", Match.objectLike(Map.of(
                "QueueName", "payments-dr-orders-us-east-1-dev",
                "MessageRetentionPeriod", 345600,
                "VisibilityTimeout", 300,
                "RedrivePolicy", Match.objectLike(Map.of("maxReceiveCount", 3)))));
        primary.hasResourceProperties("AWS::Lambda::EventSourceMapping", Match.objectLike(Map.of(
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"))));
    }

    @Test
    void paymentEventsThatOriginateInARegionAreForwardedToTheOtherRegionsBus() {
        primary.hasResourceProperties("AWS::Events::EventBus", Match.objectLike(Map.of("Name", "payments-dr-events-dev")));
        primary.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                "EventPattern", Map.of("source", List.of("dev.paymentsdr.payments"), "detail", Map.of("originRegion", List.of("us-east-1"))),
                "Targets", List.of(Match.objectLike(Map.of(
                        "Arn", "arn:aws:events:us-east-2:123456789012:event-bus/payments-dr-events-dev",
                        "DeadLetterConfig", Match.objectLike(Map.of("Arn", Match.anyValue()))))))));
    }

    @Test
    void backupsAreCopiedToTheVaultOfTheSecondaryRegion() {
        primary.hasResourceProperties("AWS::Backup::BackupPlan", Match.objectLike(Map.of("BackupPlan", Match.objectLike(Map.of(
                "BackupPlanRule", List.of(Match.objectLike(Map.of(
                        "CopyActions", List.of(Match.objectLike(Map.of("DestinationBackupVaultArn",
                                "arn:aws:backup:us-east-2:123456789012:backup-vault:payments-dr-backup-dev")))))))))));
        secondary.hasResourceProperties("AWS::Backup::BackupVault", Match.objectLike(Map.of("BackupVaultName", "payments-dr-backup-dev")));
    }

    @Test
    void route53ChecksEachRegionOverHttpsEveryTenSecondsWithThresholdThree() {
        global.resourcePropertiesCountIs("AWS::Route53::HealthCheck", Match.objectLike(Map.of(
                "HealthCheckConfig", Match.objectLike(Map.of(
                        "Type", "HTTPS", "Port", 443, "RequestInterval", 10, "FailureThreshold", 3,
                        "ResourcePath", "/prod/health/ready")))), 2);
        global.resourcePropertiesCountIs("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "Namespace", "AWS/Route53", "MetricName", "HealthCheckStatus", "Threshold", 1,
                "ComparisonOperator", "LessThanThreshold", "AlarmActions", List.of(Match.anyValue()))), 2);
        global.hasResourceProperties("AWS::SNS::Topic", Match.objectLike(Map.of("KmsMasterKeyId", Match.anyValue())));
    }

    @Test
    void everyRegionAlarmsOnReplicationLagServiceAndFunctionHealthIntoAnEncryptedTopic() {
        for (Template region : List.of(primary, secondary)) {
            region.hasResourceProperties("AWS::SNS::Topic", Match.objectLike(Map.of("KmsMasterKeyId", Match.anyValue())));
            region.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                    "MetricName", "AuroraGlobalDBReplicationLag", "Threshold", 300000,
                    "ComparisonOperator", "GreaterThanThreshold")));
            region.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                    "MetricName", "UnHealthyHostCount", "Threshold", 0)));
            region.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                    "MetricName", "ReplicationLatency", "Threshold", 900)));
            for (String metric : List.of("Errors", "Throttles", "Latency", "CPUUtilization", "DatabaseConnections")) {
                region.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", metric,
                        "AlarmActions", List.of(Match.anyValue()))));
            }
            region.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        }
        primary.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "MetricName", "RunningTaskCount", "Threshold", 10, "ComparisonOperator", "LessThanThreshold")));
        secondary.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "MetricName", "RunningTaskCount", "Threshold", 2)));
        for (String throttles : List.of("ReadThrottleEvents", "WriteThrottleEvents")) {
            primary.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                    "MetricName", throttles, "Threshold", 10, "Period", 300, "ComparisonOperator", "GreaterThanThreshold")));
        }
    }

    @Test
    void theSecondaryWorkflowRunsItsOwnRegionsTriggerInThreePhases_withinTenMinutes() throws Exception {
        Capture definition = new Capture();
        secondary.hasResourceProperties("AWS::StepFunctions::StateMachine", Match.objectLike(Map.of(
                "StateMachineName", "payments-dr-promote-us-east-2-dev",
                "DefinitionString", definition,
                "TracingConfiguration", Map.of("Enabled", true),
                "LoggingConfiguration", Match.objectLike(Map.of("Level", "ALL")))));
        JsonNode root = SynthSupport.definition(definition.asObject());
        JsonNode states = root.get("States");
        assertThat(root.get("TimeoutSeconds").asInt()).isEqualTo(600);
        assertThat(states.get("PromotePhase").get("Parameters").get("runUntil").asText()).isEqualTo("promote");
        assertThat(states.get("SwitchDnsPhase").get("Parameters").get("runUntil").asText()).isEqualTo("switch-traffic");
        List<String> tasks = StreamSupport.stream(((Iterable<Map.Entry<String, JsonNode>>) states::fields).spliterator(), false)
                .filter(e -> e.getValue().path("Type").asText().equals("Task")).map(e -> e.getValue().path("Resource").asText()).toList();
        assertThat(tasks).hasSize(4).allMatch(r -> r.endsWith(":states:::lambda:invoke"));
        assertThat(root.toString()).doesNotContain("aws-sdk:rds", "aws-sdk:route53", "aws-sdk:ecs");
        secondary.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Action", "lambda:InvokeFunction"))))))))); 
    }

    @Test
    void eachRegionRunsTheTrigger_theMonitorEveryMinute_andTheReadinessTesterHourly() {
        for (Template region : List.of(primary, secondary)) {
            String name = region == primary ? "us-east-1" : "us-east-2";
            region.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                    "FunctionName", "payments-dr-failover-" + name + "-dev", "Runtime", "java21", "Timeout", 900,
                    "Handler", dev.paymentsdr.contract.Component.FAILOVER_TRIGGER.handler())));
            region.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                    "FunctionName", "payments-dr-monitor-" + name + "-dev",
                    "Handler", dev.paymentsdr.contract.Component.HEALTH_MONITOR.handler())));
            region.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                    "FunctionName", "payments-dr-readiness-" + name + "-dev",
                    "Handler", dev.paymentsdr.contract.Component.READINESS_TESTER.handler())));
            region.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of("ScheduleExpression", "rate(1 minute)")));
            region.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of("ScheduleExpression", "rate(1 hour)")));
            region.hasResourceProperties("AWS::Lambda::EventInvokeConfig", Match.objectLike(Map.of("MaximumRetryAttempts", 2)));
        }
        primary.hasResourceProperties("AWS::DynamoDB::GlobalTable", Match.objectLike(Map.of("TableName", "payments-dr-failover-dev",
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true))));
    }

    @Test
    void theTriggerMayPromoteOnlyThisDeploymentsClusters_andWritesOnlyItsStateTable() {
        List<String> statements = SynthSupport.triggerPolicyStatements(secondary);
        String all = statements.toString();
        String promote = statements.stream().filter(st -> st.contains("rds:FailoverGlobalCluster")).findFirst().orElseThrow();
        assertThat(promote).contains("global-cluster:payments-dr-global-dev", "cluster:payments-dr-db-us-east-1-dev",
                "cluster:payments-dr-db-us-east-2-dev").doesNotContain("Resource=*");
        String state = statements.stream().filter(st -> st.contains("dynamodb:PutItem")).findFirst().orElseThrow();
        assertThat(state).contains("table/payments-dr-failover-dev").doesNotContain("Resource=*");
        assertThat(all).contains("ecs:UpdateService", "service/payments-dr-payments-us-east-2-dev/payments-dr-payments-us-east-2-dev",
                "cloudformation:DescribeStacks", "stack/PaymentsDr-Global-dev/*");
    }

    @Test
    void everyStackExportsWhatAnOperatorNeeds() {
        for (String output : List.of("LoadBalancerDns", "LoadBalancerCanonicalHostedZoneId", "MinTaskCount", "ApiUrl", "HealthUrl",
                "DatabaseClusterId", "DatabaseEndpoint", "GlobalClusterId", "TransactionLogBucket", "AlertTopicArn",
                "FailoverStateMachineArn", "FailoverStateTable", "FailoverTriggerFunction", "HealthMonitorFunction",
                "ReadinessTesterFunction", "QueueUrl", "EventBusName")) {
            primary.hasOutput(output, Match.anyValue());
            secondary.hasOutput(output, Match.anyValue());
        }
        primary.hasOutput("SessionTableName", Match.anyValue());
        global.hasOutput("PrimaryHealthCheckId", Match.anyValue());
        global.hasOutput("SecondaryHealthCheckId", Match.anyValue());
    }
}
