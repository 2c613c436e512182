package dev.paymentsdr.infra.blueprints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/** Seed 000 (ECS + Aurora PostgreSQL, us-east-1/us-east-2) with the document's defaults: the values it names. */
class Seed000BlueprintTest extends BlueprintTest {
    private Template primary;
    private Template secondary;
    private Template route53;

    @Override
    protected String blueprint() {
        return "seed-000";
    }

    @BeforeAll
    void templates() {
        primary = template("Primary");
        secondary = template("Secondary");
        route53 = template("Global");
    }

    @Test
    void theStacksHaveTheDocumentsNamesWithItsDefaultSuffixProd() {
        assertThat(result.assembly().getStacks()).extracting(s -> s.getStackName() + "@" + s.getEnvironment().getRegion())
                .containsExactlyInAnyOrder("PaymentDRPrimary-prod@us-east-1", "PaymentDRSecondary-prod@us-east-2", "PaymentRoute53-prod@us-east-1");
    }

    @Test
    void theServiceRunsTenToFiftyTasksInThePrimaryAndTwoToFiftyInTheDrRegionBehindAnAlbCheckingHealth() {
        primary.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Match.objectLike(Map.of("MinCapacity", 10, "MaxCapacity", 50)));
        secondary.hasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Match.objectLike(Map.of("MinCapacity", 2, "MaxCapacity", 50)));
        primary.hasResourceProperties("AWS::ECS::Cluster", Match.objectLike(Map.of("ClusterName", "payment-cluster-prod")));
        primary.hasResourceProperties("AWS::ECS::Service", Match.objectLike(Map.of("ServiceName", "payment-service-prod", "DesiredCount", 10)));
        secondary.hasResourceProperties("AWS::ECS::Service", Match.objectLike(Map.of("ServiceName", "payment-service-prod", "DesiredCount", 2)));
        primary.hasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Match.objectLike(Map.of("HealthCheckPath", "/health")));
    }

    @Test
    void theAuroraPostgresGlobalDatabaseHasASmallerDrCluster() {
        primary.hasResourceProperties("AWS::RDS::DBCluster", Match.objectLike(Map.of("Engine", "aurora-postgresql", "StorageEncrypted", true)));
        primary.resourcePropertiesCountIs("AWS::RDS::DBInstance", Match.objectLike(Map.of("DBInstanceClass", "db.r6g.xlarge")), 2);
        secondary.resourcePropertiesCountIs("AWS::RDS::DBInstance", Match.objectLike(Map.of("DBInstanceClass", "db.r6g.large")), 1);
        secondary.hasResourceProperties("AWS::RDS::DBCluster", Match.objectLike(Map.of("GlobalClusterIdentifier", "payments-dr-global-prod")));
    }

    @Test
    void aPaymentValidationFunctionRunsInBothRegionsWithoutAPublicApi() {
        for (Template region : List.of(primary, secondary)) {
            region.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                    "Handler", "dev.paymentsdr.aws.lambda.PaymentApiHandler::handleRequest", "VpcConfig", Match.anyValue(),
                    "ReservedConcurrentExecutions", 100)));
            region.resourceCountIs("AWS::ApiGateway::RestApi", 0);
        }
    }

    @Test
    void transactionLogsReplicateToTheDrRegionAndAgeIntoCheaperStorage() {
        primary.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "ReplicationConfiguration", Match.objectLike(Map.of("Rules", List.of(Match.objectLike(Map.of(
                        "Destination", Match.objectLike(Map.of("EncryptionConfiguration",
                                Map.of("ReplicaKmsKeyID", "arn:aws:kms:us-east-2:123456789012:alias/payments-dr-data-prod")))))))),
                "LifecycleConfiguration", Match.objectLike(Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Transitions", List.of(Map.of("StorageClass", "STANDARD_IA", "TransitionInDays", 30),
                                Map.of("StorageClass", "GLACIER", "TransitionInDays", 90)))))))))));
    }

    @Test
    void theThreeDocumentedAlarmsAndNoOthersNotifyTheTopic() {
        primary.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "MetricName", "AuroraGlobalDBReplicationLag", "Threshold", 300000, "AlarmActions", List.of(Match.anyValue()))));
        primary.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", "UnHealthyHostCount", "Threshold", 0)));
        primary.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "MetricName", "RunningTaskCount", "Threshold", 10, "ComparisonOperator", "LessThanThreshold")));
        secondary.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", "RunningTaskCount", "Threshold", 2)));
        primary.resourceCountIs("AWS::CloudWatch::Alarm", 3);
    }

    @Test
    void theDashboardShowsTheWidgetsTheDocumentLists() {
        Capture body = new Capture();
        primary.hasResourceProperties("AWS::CloudWatch::Dashboard", Match.objectLike(Map.of("DashboardBody", body)));
        assertThat(body.asObject().toString()).contains("ECS task CPU and memory utilization", "CPUUtilization", "MemoryUtilization",
                "ALB request count and p99 latency", "RequestCount", "TargetResponseTime",
                "database connections and queries", "DatabaseConnections", "CommitThroughput", "Lambda invocations", "Invocations");
    }

    @Test
    void applicationLogsAreKeptSevenDaysWhileFlowLogsKeepAYear() {
        for (Template region : List.of(primary, secondary)) {
            region.resourcePropertiesCountIs("AWS::Logs::LogGroup", Match.objectLike(Map.of("RetentionInDays", 7)), 2);
            region.hasResourceProperties("AWS::Logs::LogGroup", Match.objectLike(Map.of("RetentionInDays", 365)));
        }
    }

    @Test
    void eachRegionExportsTheAlbUnderTheDocumentsKeyLoadBalancerDNS() {
        primary.hasOutput("LoadBalancerDNS", Match.objectLike(Map.of("Value", Map.of("Fn::GetAtt", List.of(
                Match.stringLikeRegexp("ServiceLoadBalancer.*"), "DNSName")))));
        secondary.hasOutput("LoadBalancerDNS", Match.anyValue());
    }

    @Test
    void withoutADomainRoute53ChecksEachAlbAndTheNotesSaySo() {
        route53.resourcePropertiesCountIs("AWS::Route53::HealthCheck", Match.objectLike(Map.of("HealthCheckConfig", Match.objectLike(Map.of(
                "Type", "HTTP", "Port", 80, "ResourcePath", "/health/ready", "FailureThreshold", 3)))), 2);
        route53.resourceCountIs("AWS::Route53::RecordSet", 0);
        assertThat(result.notes()).anyMatch(n -> n.contains("no domainName"));
        assertThat(result.assembly().getStacks()).extracting(CloudFormationStackArtifact::getStackName).hasSize(3);
    }
}
