package dev.paymentsdr.infra.constructs;

import dev.paymentsdr.infra.config.DatabaseEngineChoice;
import dev.paymentsdr.infra.nag.Nag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.ec2.IConnectable;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.rds.AuroraMysqlClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraMysqlEngineVersion;
import software.amazon.awscdk.services.rds.AuroraPostgresClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraPostgresEngineVersion;
import software.amazon.awscdk.services.rds.BackupProps;
import software.amazon.awscdk.services.rds.CfnDBCluster;
import software.amazon.awscdk.services.rds.CfnDBInstance;
import software.amazon.awscdk.services.rds.CfnGlobalCluster;
import software.amazon.awscdk.services.rds.ClusterInstance;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseSecret;
import software.amazon.awscdk.services.rds.IClusterEngine;
import software.amazon.awscdk.services.rds.IClusterInstance;
import software.amazon.awscdk.services.rds.ProvisionedClusterInstanceProps;
import software.amazon.awscdk.services.rds.ServerlessV2ClusterInstanceProps;
import software.amazon.awscdk.services.rds.SubnetGroup;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.ReplicaRegion;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

/**
 * One region's member of an Aurora global database: the writer cluster (which also creates the global cluster and
 * the replicated credentials secret) or a secondary cluster that joins the global cluster and can be promoted.
 */
public final class GlobalDatabase extends Construct {
    /** Which member of the global cluster this region holds. */
    public enum Role { WRITER, SECONDARY }

    /** Database created in the writer; the payment service's schema lives there. */
    public static final String DATABASE_NAME = "payments";

    private final GlobalDatabaseProps props;
    private final SecurityGroup securityGroup;
    private final ISecret secret;
    private final String clusterIdentifier;
    private final String clusterArn;
    private final String endpoint;

    /** Creates the member described by {@code props}. */
    public GlobalDatabase(Construct scope, String id, GlobalDatabaseProps props) {
        super(scope, id);
        this.props = props;
        securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup")
                .vpc(props.vpc())
                .description("Aurora " + props.engine().name().toLowerCase() + " cluster: clients of the payment database only")
                .allowAllOutbound(false)
                .build();
        if (props.role() == Role.WRITER) {
            DatabaseSecret credentials = DatabaseSecret.Builder.create(this, "Credentials")
                    .username("payments_admin")
                    .secretName(props.secretName())
                    .encryptionKey(props.key())
                    .excludeCharacters(" %+~`#$&*()|[]{}:;<>?!'/@\"\\")
                    // The replica lets the other region's tasks read the credentials while this region is down.
                    .replicaRegions(List.of(ReplicaRegion.builder().region(props.otherRegion()).build()))
                    .build();
            DatabaseCluster cluster = DatabaseCluster.Builder.create(this, "Cluster")
                    .engine(clusterEngine(props.engine()))
                    .clusterIdentifier(props.clusterIdentifier())
                    .credentials(Credentials.fromSecret(credentials))
                    .defaultDatabaseName(DATABASE_NAME)
                    .writer(instance("Writer", true))
                    .readers(readers())
                    .serverlessV2MinCapacity(props.serverless() ? props.minCapacity() : null)
                    .serverlessV2MaxCapacity(props.serverless() ? props.maxCapacity() : null)
                    .vpc(props.vpc())
                    .vpcSubnets(props.subnets())
                    .securityGroups(List.of(securityGroup))
                    .port(props.engine().port())
                    .storageEncrypted(true)
                    .storageEncryptionKey(props.key())
                    .iamAuthentication(true)
                    .backup(BackupProps.builder().retention(Duration.days(props.backupRetentionDays())).build())
                    .cloudwatchLogsExports(logExports(props.engine()))
                    .deletionProtection(props.deletionProtection())
                    .removalPolicy(props.deletionProtection() ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY)
                    .copyTagsToSnapshot(true)
                    .build();
            cluster.addRotationSingleUser(software.amazon.awscdk.services.rds.RotationSingleUserOptions.builder().automaticallyAfter(Duration.days(30)).build());
            // After the rotation function's ingress rule exists, so that the suppression reaches it.
            suppressIntrinsicIngress();
            CfnGlobalCluster global = CfnGlobalCluster.Builder.create(this, "GlobalCluster")
                    .globalClusterIdentifier(props.globalClusterIdentifier())
                    .sourceDbClusterIdentifier(cluster.getClusterIdentifier())
                    .deletionProtection(props.deletionProtection())
                    .build();
            global.getNode().addDependency(cluster);
            secret = credentials;
            clusterIdentifier = cluster.getClusterIdentifier();
            clusterArn = cluster.getClusterArn();
            endpoint = cluster.getClusterEndpoint().getHostname();
            Nag.suppress(cluster, "AwsSolutions-RDS14",
                    "Backtrack is not supported for members of an Aurora global database; point-in-time restore covers the need.");
        } else {
            secret = replicaOf(props);
            SubnetGroup subnets = SubnetGroup.Builder.create(this, "Subnets")
                    .vpc(props.vpc())
                    .vpcSubnets(props.subnets())
                    .description("isolated subnets of the secondary payment database")
                    .removalPolicy(RemovalPolicy.DESTROY)
                    .build();
            // L1: a secondary member must not carry master credentials, which the L2 cluster always sets.
            CfnDBCluster cluster = CfnDBCluster.Builder.create(this, "Cluster")
                    .dbClusterIdentifier(props.clusterIdentifier())
                    .globalClusterIdentifier(props.globalClusterIdentifier())
                    .engine(props.engine() == DatabaseEngineChoice.POSTGRESQL ? "aurora-postgresql" : "aurora-mysql")
                    .engineVersion(engineVersion(props.engine()))
                    .dbSubnetGroupName(subnets.getSubnetGroupName())
                    .vpcSecurityGroupIds(List.of(securityGroup.getSecurityGroupId()))
                    .port(props.engine().port())
                    .storageEncrypted(true)
                    .kmsKeyId(props.key().getKeyArn())
                    .enableIamDatabaseAuthentication(true)
                    .backupRetentionPeriod(props.backupRetentionDays())
                    .enableCloudwatchLogsExports(logExports(props.engine()))
                    .deletionProtection(props.deletionProtection())
                    .copyTagsToSnapshot(true)
                    .serverlessV2ScalingConfiguration(props.serverless()
                            ? CfnDBCluster.ServerlessV2ScalingConfigurationProperty.builder()
                                .minCapacity(props.minCapacity()).maxCapacity(props.maxCapacity()).build()
                            : null)
                    .build();
            int instances = 1 + props.readers();
            for (int i = 0; i < instances; i++) {
                CfnDBInstance.Builder.create(this, "Instance" + (i + 1))
                        .dbClusterIdentifier(cluster.getRef())
                        .engine(cluster.getEngine())
                        .dbInstanceClass(props.serverless() ? "db.serverless" : "db." + props.instanceType().toString())
                        .publiclyAccessible(false)
                        .autoMinorVersionUpgrade(true)
                        .build();
            }
            clusterIdentifier = cluster.getRef();
            clusterArn = cluster.getAttrDbClusterArn();
            endpoint = cluster.getAttrEndpointAddress();
            Nag.suppress(cluster, List.of("AwsSolutions-SMG4", "AwsSolutions-RDS14"),
                    "Secondary global-database member: credentials and rotation belong to the writer's secret (replicated here); backtrack is unsupported on global members.");
        }
    }

    /**
     * The replica of the writer's secret in this region. A replica keeps the primary's ARN except for the region, so
     * with the writer's ARN (a cross-region reference) the complete replica ARN is known; ECS needs a complete ARN.
     * Without it the replica is found by name.
     */
    private ISecret replicaOf(GlobalDatabaseProps props) {
        if (props.writerSecretArn() == null) {
            return Secret.fromSecretNameV2(this, "Credentials", props.secretName());
        }
        software.amazon.awscdk.Stack stack = software.amazon.awscdk.Stack.of(this);
        String nameWithSuffix = software.amazon.awscdk.Fn.select(6, software.amazon.awscdk.Fn.split(":", props.writerSecretArn()));
        String replicaArn = "arn:" + stack.getPartition() + ":secretsmanager:" + stack.getRegion() + ":" + stack.getAccount()
                + ":secret:" + nameWithSuffix;
        return Secret.fromSecretCompleteArn(this, "Credentials", replicaArn);
    }

    private void suppressIntrinsicIngress() {
        Nag.suppress(securityGroup, "CdkNagValidationFailure",
                "Ingress rules reference the clients' security groups and the cluster port as intrinsics; only those clients are allowed.");
    }

    private IClusterInstance instance(String id, boolean writer) {
        if (props.serverless()) {
            return ClusterInstance.serverlessV2(id, ServerlessV2ClusterInstanceProps.builder()
                    .scaleWithWriter(!writer).publiclyAccessible(false).build());
        }
        return ClusterInstance.provisioned(id, ProvisionedClusterInstanceProps.builder()
                .instanceType(props.instanceType()).publiclyAccessible(false).build());
    }

    private List<IClusterInstance> readers() {
        List<IClusterInstance> readers = new ArrayList<>();
        for (int i = 1; i <= props.readers(); i++) {
            readers.add(instance("Reader" + i, false));
        }
        return readers;
    }

    private static IClusterEngine clusterEngine(DatabaseEngineChoice engine) {
        return engine == DatabaseEngineChoice.POSTGRESQL
                ? software.amazon.awscdk.services.rds.DatabaseClusterEngine.auroraPostgres(
                        AuroraPostgresClusterEngineProps.builder().version(AuroraPostgresEngineVersion.VER_16_9).build())
                : software.amazon.awscdk.services.rds.DatabaseClusterEngine.auroraMysql(
                        AuroraMysqlClusterEngineProps.builder().version(AuroraMysqlEngineVersion.VER_3_08_0).build());
    }

    private static String engineVersion(DatabaseEngineChoice engine) {
        return engine == DatabaseEngineChoice.POSTGRESQL
                ? AuroraPostgresEngineVersion.VER_16_9.getAuroraPostgresFullVersion()
                : AuroraMysqlEngineVersion.VER_3_08_0.getAuroraMysqlFullVersion();
    }

    private static List<String> logExports(DatabaseEngineChoice engine) {
        return engine == DatabaseEngineChoice.POSTGRESQL ? List.of("postgresql") : List.of("audit", "error", "general", "slowquery");
    }

    /** Lets {@code client} open connections to the database port. */
    public void allowFrom(IConnectable client, String description) {
        securityGroup.addIngressRule(client.getConnections().getSecurityGroups().get(0),
                Port.tcp(props.engine().port()), description);
        suppressIntrinsicIngress();
    }

    /** Credentials secret (in the secondary region: the replica of the writer's secret, found by name). */
    public ISecret secret() {
        return secret;
    }

    /** Cluster identifier in this region. */
    public String clusterIdentifier() {
        return clusterIdentifier;
    }

    /** Cluster ARN in this region. */
    public String clusterArn() {
        return clusterArn;
    }

    /** Writer endpoint host of this region's cluster (read-only until this region is promoted). */
    public String endpoint() {
        return endpoint;
    }

    /** JDBC URL the payment service uses in this region. */
    public String jdbcUrl() {
        String scheme = props.engine() == DatabaseEngineChoice.POSTGRESQL ? "postgresql" : "mysql";
        return "jdbc:" + scheme + "://" + endpoint + ":" + props.engine().port() + "/" + DATABASE_NAME;
    }

    /** The global cluster identifier shared by both regions. */
    public String globalClusterIdentifier() {
        return props.globalClusterIdentifier();
    }

    /** A CloudWatch metric of this region's cluster (AWS/RDS namespace, 1-minute maximum). */
    public Metric metric(String metricName) {
        return Metric.Builder.create()
                .namespace("AWS/RDS")
                .metricName(metricName)
                .dimensionsMap(Map.of("DBClusterIdentifier", clusterIdentifier))
                .statistic("Maximum")
                .period(Duration.minutes(1))
                .build();
    }

    /**
     * Props of {@link GlobalDatabase}.
     *
     * @param writerSecretArn for a secondary: ARN of the writer's credentials secret (null: find the replica by name)
     */
    public record GlobalDatabaseProps(
            Role role,
            DatabaseEngineChoice engine,
            String globalClusterIdentifier,
            String clusterIdentifier,
            String secretName,
            String otherRegion,
            Vpc vpc,
            SubnetSelection subnets,
            IKey key,
            boolean serverless,
            double minCapacity,
            double maxCapacity,
            InstanceType instanceType,
            int readers,
            int backupRetentionDays,
            boolean deletionProtection,
            String writerSecretArn) {
    }
}
