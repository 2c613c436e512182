package dev.paymentsdr.infra.constructs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.infra.spec.DatabaseSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;

class GlobalDatabaseTest {
    private static GlobalDatabase.Builder member(Stack stack, DatabaseSpec spec) {
        return GlobalDatabase.Builder.create(stack, "Db").spec(spec).names("g-test", "c-test", "test/db")
                .network(TestStacks.vpc(stack), SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build())
                .key(TestStacks.key(stack)).deletionProtection(false);
    }

    @Test
    void aProvisionedMysqlWriterCreatesTheGlobalClusterAndAReplicatedRotatedSecret() {
        Stack stack = TestStacks.stack("us-east-1");
        GlobalDatabase database = member(stack, DatabaseSpec.auroraMysql().provisioned("r6g.large")
                .parameters(Map.of("general_log", "1", "slow_query_log", "1"))).writer("us-west-2").build();
        Template template = Template.fromStack(stack);

        template.hasResourceProperties("AWS::RDS::GlobalCluster", Match.objectLike(Map.of(
                "GlobalClusterIdentifier", "g-test", "DeletionProtection", false)));
        template.hasResourceProperties("AWS::RDS::DBCluster", Match.objectLike(Map.of(
                "Engine", "aurora-mysql", "Port", 3307, "StorageEncrypted", true, "BackupRetentionPeriod", 7,
                "DeletionProtection", false)));
        template.resourcePropertiesCountIs("AWS::RDS::DBInstance", Match.objectLike(Map.of("DBInstanceClass", "db.r6g.large",
                "MonitoringInterval", 60)), 2);
        template.hasResourceProperties("AWS::RDS::DBClusterParameterGroup", Match.objectLike(Map.of(
                "Family", "aurora-mysql8.0", "Parameters", Map.of("general_log", "1", "slow_query_log", "1"))));
        template.hasResourceProperties("AWS::SecretsManager::Secret", Match.objectLike(Map.of(
                "Name", "test/db", "ReplicaRegions", List.of(Map.of("Region", "us-west-2")))));
        template.resourceCountIs("AWS::SecretsManager::RotationSchedule", 1);
        assertThat(database.jdbcUrl()).startsWith("jdbc:mysql://").endsWith(":3307/payments");
        assertThat(database.globalClusterIdentifier()).isEqualTo("g-test");
    }

    @Test
    void aSpecThatCannotExistIsRefusedWithTheRule() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DatabaseSpec.auroraPostgres().serverless(4, 2))
                .hasMessageContaining("0.5 <= min <= max <= 256");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DatabaseSpec.auroraPostgres().version("16.9", "14"))
                .hasMessageContaining("does not belong to major version 14");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GlobalDatabase.Builder.create(TestStacks.stack("us-east-1"), "Db").build())
                .hasMessageContaining("writer(otherRegion) or secondary(writerSecretArn)");
    }

    @Test
    void aServerlessPostgresSecondaryJoinsByNameAndReadsTheReplicatedSecret() {
        Stack stack = TestStacks.stack("us-west-2");
        GlobalDatabase database = member(stack, DatabaseSpec.auroraPostgres().serverless(0.5, 4))
                .secondary("arn:aws:secretsmanager:us-east-1:123456789012:secret:test/db-AbC123").build();
        Template template = Template.fromStack(stack);

        template.hasResourceProperties("AWS::RDS::DBCluster", Match.objectLike(Map.of(
                "GlobalClusterIdentifier", "g-test",
                "Engine", "aurora-postgresql",
                "Port", 5433,
                "StorageEncrypted", true,
                "ServerlessV2ScalingConfiguration", Map.of("MinCapacity", 0.5, "MaxCapacity", 4),
                "EnableCloudwatchLogsExports", List.of("postgresql"),
                "MasterUsername", Match.absent())));
        template.resourcePropertiesCountIs("AWS::RDS::DBInstance", Match.objectLike(Map.of(
                "DBInstanceClass", "db.serverless", "PubliclyAccessible", false, "MonitoringInterval", 60,
                "MonitoringRoleArn", Match.anyValue())), 2);
        template.resourceCountIs("AWS::RDS::GlobalCluster", 0);
        template.resourceCountIs("AWS::SecretsManager::Secret", 0);
        assertThat(database.jdbcUrl()).startsWith("jdbc:postgresql://").endsWith(":5433/payments");
        assertThat(stack.resolve(database.secret().getSecretArn()).toString())
                .as("the replica keeps the writer's ARN except for the region")
                .contains("us-west-2", "test/db-AbC123").doesNotContain("us-east-1");
    }
}
