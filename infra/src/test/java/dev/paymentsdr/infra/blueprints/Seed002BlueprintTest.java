package dev.paymentsdr.infra.blueprints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.contract.Handlers;
import dev.paymentsdr.infra.SynthSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Seed 002 (CloudFormation, Lambda + DynamoDB): ONE template with the document's parameters, conditions and outputs. */
class Seed002BlueprintTest extends BlueprintTest {
    private Template template;

    @Override
    protected String blueprint() {
        return "seed-002";
    }

    @BeforeAll
    void theTemplate() {
        template = template("DisasterRecovery");
    }

    @Test
    void itIsOneRegionAgnosticTemplate() {
        assertThat(result.assembly().getStacks()).hasSize(1);
        assertThat(result.assembly().getStacks().get(0).getEnvironment().getRegion()).isEqualTo("unknown-region");
    }

    @Test
    void theDocumentsParametersAreThereWithTheirDefaultsAndConstraints() {
        template.hasParameter("EnvironmentSuffix", Match.objectLike(Map.of("Type", "String")));
        template.hasParameter("EnvironmentName", Match.objectLike(Map.of("Type", "String")));
        template.hasParameter("IsPrimaryRegion", Match.objectLike(Map.of("AllowedValues", List.of("true", "false"))));
        template.hasParameter("SecondaryRegion", Match.objectLike(Map.of("Default", "us-west-2")));
        template.hasParameter("AlertEmail", Match.objectLike(Map.of("AllowedPattern", Match.anyValue())));
        template.hasParameter("HostedZoneName", Match.objectLike(Map.of("Default", "")));
        template.hasParameter("LambdaReservedConcurrency", Match.objectLike(Map.of("Type", "Number", "Default", 100,
                "MinValue", 1, "MaxValue", 1000)));
        template.hasCondition("IsPrimary", Map.of("Fn::Equals", List.of(Map.of("Ref", "IsPrimaryRegion"), "true")));
        template.hasCondition("CreateHostedZone", Match.anyValue());
    }

    @Test
    void theFunctionUrlFunctionsRunTheFunctionUrlHandlers_andTheTableHasTheLedgersIndexes() {
        template.resourcePropertiesCountIs("AWS::Lambda::Function", Match.objectLike(Map.of("Handler", Handlers.PAYMENT_FUNCTION_URL)), 1);
        // the open health URL's function answers only the health paths
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("Handler", Handlers.HEALTH_FUNCTION_URL,
                "FunctionName", Map.of("Fn::Join", List.of("", List.of("payment-health-", Map.of("Ref", "EnvironmentSuffix")))))));
        template.resourcePropertiesCountIs("AWS::Lambda::Function", Match.objectLike(Map.of("Handler", Handlers.PAYMENT_API)), 0);
        template.hasResourceProperties("AWS::DynamoDB::GlobalTable", Match.objectLike(Map.of("GlobalSecondaryIndexes", List.of(
                Match.objectLike(Map.of("IndexName", "by-customer")), Match.objectLike(Map.of("IndexName", "pending-events"))))));
    }

    @Test
    void theOutboxRelayRunsEveryMinuteOneAtATime_withOnlyWhatTheRelayCalls() {
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("Handler", Handlers.OUTBOX_RELAY,
                "ReservedConcurrentExecutions", 1, "Timeout", 55, "FunctionName", Map.of("Fn::Join", List.of("",
                        List.of("payment-outbox-relay-", Map.of("Ref", "EnvironmentSuffix")))))));
        template.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of("ScheduleExpression", "rate(1 minute)",
                "Targets", List.of(Match.objectLike(Map.of("Arn", Map.of("Fn::GetAtt", List.of(
                        Match.stringLikeRegexp("OutboxRelayRelayFunction.*"), "Arn")), "RetryPolicy", Match.anyValue()))))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", "Errors", "Period", 60,
                "EvaluationPeriods", 5, "Threshold", 0, "Dimensions", List.of(Map.of("Name", "FunctionName",
                        "Value", Map.of("Ref", Match.stringLikeRegexp("OutboxRelayRelayFunction.*")))))));
        String statements = String.join("\n", SynthSupport.rolePolicyStatements(template, "OutboxRelayRelayFunctionServiceRole"));
        assertThat(statements).contains("dynamodb:DescribeTable").contains("dynamodb:BatchWriteItem").contains("dynamodb:Query")
                .contains("/index/pending-events").contains("s3:PutObject").contains("transaction-log/*")
                .doesNotContain("dynamodb:PutItem").doesNotContain("dynamodb:Scan").doesNotContain("dynamodb:*")
                .doesNotContain("s3:GetObject").doesNotContain("s3:DeleteObject").doesNotContain("secretsmanager");
    }

    @Test
    void thereIsNoSqlDatabaseAndNoVpc() {
        template.resourceCountIs("AWS::RDS::DBCluster", 0);
        template.resourceCountIs("AWS::EC2::VPC", 0);
    }

    @Test
    void thePaymentFunctionReservesTheParametersConcurrencyBehindAnIamFunctionUrl() {
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", Map.of("Fn::Join", List.of("", List.of("payment-processor-", Map.of("Ref", "EnvironmentSuffix")))),
                "ReservedConcurrentExecutions", Map.of("Ref", "LambdaReservedConcurrency"))));
        template.hasResourceProperties("AWS::Lambda::Url", Match.objectLike(Map.of("AuthType", "AWS_IAM")));
        template.hasResourceProperties("AWS::Lambda::Url", Match.objectLike(Map.of("AuthType", "NONE")));
        template.resourceCountIs("AWS::Lambda::Url", 2);
    }

    @Test
    void onlyThePrimaryCreatesTheGlobalTableTheSecretAndTheReplication() {
        template.hasResource("AWS::DynamoDB::GlobalTable", Match.objectLike(Map.of("Condition", "IsPrimary", "Properties", Match.objectLike(Map.of(
                "BillingMode", "PAY_PER_REQUEST",
                "Replicas", List.of(
                        Match.objectLike(Map.of("Region", Map.of("Ref", "SecondaryRegion"),
                                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true))),
                        Match.objectLike(Map.of("Region", Map.of("Ref", "AWS::Region")))))))));
        template.hasResource("AWS::SecretsManager::Secret", Match.objectLike(Map.of("Condition", "IsPrimary", "Properties", Match.objectLike(Map.of(
                "ReplicaRegions", List.of(Map.of("Region", Map.of("Ref", "SecondaryRegion"))), "KmsKeyId", Match.anyValue())))));
        Object rtc = Match.objectLike(Map.of("Rules", List.of(Match.objectLike(Map.of("Destination", Match.objectLike(Map.of(
                "ReplicationTime", Map.of("Status", "Enabled", "Time", Map.of("Minutes", 15)))))))));
        template.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of("ReplicationConfiguration",
                Map.of("Fn::If", List.of("IsPrimary", rtc, Map.of("Ref", "AWS::NoValue"))))));
        template.hasResource("AWS::IAM::Role", Match.objectLike(Map.of("Condition", "IsPrimary")));
    }

    @Test
    void route53ChecksTheHealthUrlEveryThirtySecondsAndTheRecordFollowsIt() {
        template.hasResourceProperties("AWS::Route53::HealthCheck", Match.objectLike(Map.of("HealthCheckConfig", Match.objectLike(Map.of(
                "Type", "HTTPS", "RequestInterval", 30, "FailureThreshold", 3, "ResourcePath", "/health/ready")))));
        template.hasResource("AWS::Route53::RecordSet", Match.objectLike(Map.of("Condition", "CreateHostedZone", "Properties", Match.objectLike(Map.of(
                "Type", "CNAME", "Failover", "PRIMARY", "HostedZoneId", Map.of("Ref", "HostedZone"))))));
        template.hasResource("AWS::Route53::RecordSet", Match.objectLike(Map.of("Condition", "SecondaryWithHostedZone", "Properties", Match.objectLike(Map.of(
                "Type", "CNAME", "Failover", "SECONDARY", "HostedZoneName", Match.anyValue())))));
        template.hasResource("AWS::Route53::HostedZone", Match.objectLike(Map.of("Condition", "CreateHostedZone")));
    }

    @Test
    void theDocumentsAlarmsHaveItsThresholds() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", "Errors", "Threshold", 10,
                "Period", 300, "ComparisonOperator", "GreaterThanThreshold")));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", "Throttles", "Threshold", 5,
                "Period", 300)));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", "ReadThrottleEvents", "Threshold", 10)));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", "WriteThrottleEvents", "Threshold", 10)));
        template.hasResource("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("Condition", "IsPrimary", "Properties", Match.objectLike(Map.of(
                "MetricName", "ReplicationLatency", "Threshold", 900)))));
        template.hasResourceProperties("AWS::SNS::Subscription", Match.objectLike(Map.of("Protocol", "email",
                "Endpoint", Map.of("Ref", "AlertEmail"))));
    }

    @Test
    void theDocumentsOutputsAreThere() {
        for (String output : List.of("DynamoDBTableName", "DynamoDBTableArn", "S3BucketName", "S3BucketArn", "LambdaFunctionArn",
                "LambdaFunctionUrl", "HealthCheckUrl", "SecretArn", "SNSTopicArn", "HealthCheckId")) {
            template.hasOutput(output, Match.anyValue());
        }
        template.hasOutput("HostedZoneId", Match.objectLike(Map.of("Condition", "CreateHostedZone")));
    }
}
