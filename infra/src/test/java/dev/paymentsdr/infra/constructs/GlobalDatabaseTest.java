package dev.paymentsdr.infra.constructs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.infra.config.DatabaseEngineChoice;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;

class GlobalDatabaseTest {
    private static GlobalDatabase.GlobalDatabaseProps props(Stack stack, GlobalDatabase.Role role, DatabaseEngineChoice engine,
                                                            boolean serverless) {
        return new GlobalDatabase.GlobalDatabaseProps(role, engine, "g-test", "c-test", "test/db", "us-west-2",
                TestStacks.vpc(stack), SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build(),
                TestStacks.key(stack), serverless, 0.5, 4, InstanceType.of(InstanceClass.R6G, InstanceSize.LARGE), 1, 7, false,
                role == GlobalDatabase.Role.SECONDARY ? "arn:aws:secretsmanager:us-east-1:123456789012:secret:test/db-AbC123" : null);
    }

    @Test
    void aProvisionedMysqlWriterCreatesTheGlobalClusterAndAReplicatedRotatedSecret() {
        Stack stack = TestStacks.stack("us-east-1");
        GlobalDatabase database = new GlobalDatabase(stack, "Db", props(stack, GlobalDatabase.Role.WRITER, DatabaseEngineChoice.MYSQL, false));
        Template template = Template.fromStack(stack);

        template.hasResourceProperties("AWS::RDS::GlobalCluster", Match.objectLike(Map.of(
                "GlobalClusterIdentifier", "g-test", "DeletionProtection", false)));
        template.hasResourceProperties("AWS::RDS::DBCluster", Match.objectLike(Map.of(
                "Engine", "aurora-mysql", "Port", 3307, "StorageEncrypted", true, "BackupRetentionPeriod", 7,
                "DeletionProtection", false)));
        template.resourcePropertiesCountIs("AWS::RDS::DBInstance", Match.objectLike(Map.of("DBInstanceClass", "db.r6g.large")), 2);
        template.hasResourceProperties("AWS::SecretsManager::Secret", Match.objectLike(Map.of(
                "Name", "test/db", "ReplicaRegions", List.of(Map.of("Region", "us-west-2")))));
        template.resourceCountIs("AWS::SecretsManager::RotationSchedule", 1);
        assertThat(database.jdbcUrl()).startsWith("jdbc:mysql://").endsWith(":3307/payments");
        assertThat(database.globalClusterIdentifier()).isEqualTo("g-test");
    }

    @Test
    void aServerlessPostgresSecondaryJoinsByNameAndReadsTheReplicatedSecret() {
        Stack stack = TestStacks.stack("us-west-2");
        GlobalDatabase database = new GlobalDatabase(stack, "Db", props(stack, GlobalDatabase.Role.SECONDARY, DatabaseEngineChoice.POSTGRESQL, true));
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
                "DBInstanceClass", "db.serverless", "PubliclyAccessible", false)), 2);
        template.resourceCountIs("AWS::RDS::GlobalCluster", 0);
        template.resourceCountIs("AWS::SecretsManager::Secret", 0);
        assertThat(database.jdbcUrl()).startsWith("jdbc:postgresql://").endsWith(":5433/payments");
        assertThat(stack.resolve(database.secret().getSecretArn()).toString())
                .as("the replica keeps the writer's ARN except for the region")
                .contains("us-west-2", "test/db-AbC123").doesNotContain("us-east-1");
    }
}
