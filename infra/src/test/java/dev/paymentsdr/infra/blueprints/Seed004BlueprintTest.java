package dev.paymentsdr.infra.blueprints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Seed 004 (Aurora MySQL, us-east-1/us-west-2, peered VPCs): the values its document names. */
class Seed004BlueprintTest extends BlueprintTest {
    private Template primary;
    private Template secondary;

    @Override
    protected String blueprint() {
        return "seed-004";
    }

    @BeforeAll
    void templates() {
        primary = template("Primary");
        secondary = template("Secondary");
    }

    @Test
    void theVpcsUseTheDocumentsCidrsInUsEast1AndUsWest2() {
        primary.hasResourceProperties("AWS::EC2::VPC", Match.objectLike(Map.of("CidrBlock", "10.0.0.0/16")));
        secondary.hasResourceProperties("AWS::EC2::VPC", Match.objectLike(Map.of("CidrBlock", "10.1.0.0/16")));
        assertThat(result.assembly().getStacks()).extracting(s -> s.getStackName() + "@" + s.getEnvironment().getRegion())
                .contains("FinanceDr-Primary-dev@us-east-1", "FinanceDr-Secondary-dev@us-west-2", "FinanceDr-PeeringRoutes-dev@us-east-1");
    }

    @Test
    void theVpcsArePeeredAcrossRegionsWithRoutesBothWaysAndTheDatabasesAcceptThePeer() {
        secondary.hasResourceProperties("AWS::EC2::VPCPeeringConnection", Match.objectLike(Map.of("PeerRegion", "us-east-1")));
        secondary.hasResourceProperties("AWS::EC2::Route", Match.objectLike(Map.of("DestinationCidrBlock", "10.0.0.0/16",
                "VpcPeeringConnectionId", Match.anyValue())));
        template("PeeringRoutes").hasResourceProperties("AWS::EC2::Route", Match.objectLike(Map.of("DestinationCidrBlock", "10.1.0.0/16",
                "VpcPeeringConnectionId", Match.anyValue())));
        primary.hasResourceProperties("AWS::EC2::SecurityGroup", Match.objectLike(Map.of("SecurityGroupIngress", Match.arrayWith(List.of(
                Match.objectLike(Map.of("CidrIp", "10.1.0.0/16", "FromPort", 3307, "ToPort", 3307)))))));
        secondary.hasResourceProperties("AWS::EC2::SecurityGroup", Match.objectLike(Map.of("SecurityGroupIngress", Match.arrayWith(List.of(
                Match.objectLike(Map.of("CidrIp", "10.0.0.0/16", "FromPort", 3307)))))));
    }

    @Test
    void auroraMysqlServerlessV2StartsAtHalfAnAcuKeepsSevenDaysAndReallyWritesItsFourLogs() {
        for (Template region : List.of(primary, secondary)) {
            region.hasResourceProperties("AWS::RDS::DBCluster", Match.objectLike(Map.of("Engine", "aurora-mysql",
                    "ServerlessV2ScalingConfiguration", Match.objectLike(Map.of("MinCapacity", 0.5)), "BackupRetentionPeriod", 7,
                    "EnableCloudwatchLogsExports", List.of("audit", "error", "general", "slowquery"),
                    "DBClusterParameterGroupName", Match.anyValue())));
            region.hasResourceProperties("AWS::RDS::DBClusterParameterGroup", Match.objectLike(Map.of("Family", "aurora-mysql8.0",
                    "Parameters", Match.objectLike(Map.of("server_audit_logging", "1", "general_log", "1", "slow_query_log", "1",
                            "log_output", "FILE")))));
        }
    }

    @Test
    void alarmsFireAtFiveHundredMillisecondsOfLagEightyPercentCpuAndOneHundredConnectionsInBothRegions() {
        for (Template region : List.of(primary, secondary)) {
            region.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", "AuroraGlobalDBReplicationLag",
                    "Threshold", 500)));
            region.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", "CPUUtilization", "Threshold", 80)));
            region.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", "DatabaseConnections",
                    "Threshold", 100)));
            region.hasResourceProperties("AWS::SNS::Topic", Match.objectLike(Map.of("KmsMasterKeyId", Match.anyValue())));
        }
    }

    @Test
    void route53HealthChecksFollowEachRegionsReplicationLagAlarm() {
        for (String region : List.of("us-east-1", "us-west-2")) {
            template("Global").hasResourceProperties("AWS::Route53::HealthCheck", Match.objectLike(Map.of("HealthCheckConfig",
                    Match.objectLike(Map.of("Type", "CLOUDWATCH_METRIC", "AlarmIdentifier", Map.of(
                            "Name", "payments-dr-ops-" + region + "-dev-db-replication-lag", "Region", region))))));
        }
    }
}
