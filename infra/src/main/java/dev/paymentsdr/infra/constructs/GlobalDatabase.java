package dev.paymentsdr.infra.constructs;

import dev.paymentsdr.infra.config.DatabaseEngineChoice;
import dev.paymentsdr.infra.nag.Nag;
import dev.paymentsdr.infra.spec.DatabaseSpec;
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
import software.amazon.awscdk.services.rds.CfnDBClusterParameterGroup;
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

    private final Builder props;
    private final SecurityGroup securityGroup;
    private final ISecret secret;
    private final String clusterIdentifier;
    private final String clusterArn;
    private final String endpoint;

    private GlobalDatabase(Builder props) {
        super(props.scope, props.id);
        this.props = props;
        DatabaseSpec spec = props.spec;
        securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup")
                .vpc(props.vpc)
                .description("Aurora " + spec.engine().name().toLowerCase() + " cluster: clients of the payment database only")
                .allowAllOutbound(false)
                .build();
        String parameterGroup = spec.parameters().isEmpty() ? null : CfnDBClusterParameterGroup.Builder.create(this, "Parameters")
                .family(spec.parameterGroupFamily())
                .description("payments-dr cluster parameters (" + spec.parameterGroupFamily() + ")")
                .parameters(spec.parameters())
                .build().getRef();
        // Enhanced monitoring: OS metrics of each instance every monitoringInterval, for diagnosing a slow region.
        software.amazon.awscdk.services.iam.Role monitoring = software.amazon.awscdk.services.iam.Role.Builder.create(this, "MonitoringRole")
                .assumedBy(new software.amazon.awscdk.services.iam.ServicePrincipal("monitoring.rds.amazonaws.com"))
                .managedPolicies(List.of(software.amazon.awscdk.services.iam.ManagedPolicy.fromAwsManagedPolicyName(
                        "service-role/AmazonRDSEnhancedMonitoringRole")))
                .build();
        Nag.suppress(monitoring, "AwsSolutions-IAM4",
                "AmazonRDSEnhancedMonitoringRole is the AWS managed policy RDS enhanced monitoring requires; it only writes the RDSOSMetrics log group.");
        if (props.role == Role.WRITER) {
            DatabaseSecret credentials = DatabaseSecret.Builder.create(this, "Credentials")
                    .username("payments_admin")
                    .secretName(props.secretName)
                    .encryptionKey(props.key)
                    .excludeCharacters(" %+~`#$&*()|[]{}:;<>?!'/@\"\\")
                    // The replica lets the other region's tasks read the credentials while this region is down.
                    .replicaRegions(List.of(ReplicaRegion.builder().region(props.otherRegion).build()))
                    .build();
            DatabaseCluster cluster = DatabaseCluster.Builder.create(this, "Cluster")
                    .engine(clusterEngine(spec))
                    .clusterIdentifier(props.clusterIdentifier)
                    .credentials(Credentials.fromSecret(credentials))
                    .defaultDatabaseName(DATABASE_NAME)
                    .writer(instance("Writer", true))
                    .readers(readers())
                    .serverlessV2MinCapacity(spec.serverless() ? spec.minCapacity() : null)
                    .serverlessV2MaxCapacity(spec.serverless() ? spec.maxCapacity() : null)
                    .parameterGroup(parameterGroup == null ? null
                            : software.amazon.awscdk.services.rds.ParameterGroup.fromParameterGroupName(this, "ParametersRef", parameterGroup))
                    .vpc(props.vpc)
                    .vpcSubnets(props.subnets)
                    .securityGroups(List.of(securityGroup))
                    .port(spec.engine().port())
                    .storageEncrypted(true)
                    .storageEncryptionKey(props.key)
                    .iamAuthentication(true)
                    .backup(BackupProps.builder().retention(Duration.days(spec.backupRetentionDays())).build())
                    .cloudwatchLogsExports(spec.logExports())
                    .monitoringInterval(spec.monitoringInterval())
                    .monitoringRole(monitoring)
                    .deletionProtection(props.deletionProtection)
                    .removalPolicy(props.deletionProtection ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY)
                    .copyTagsToSnapshot(true)
                    .build();
            cluster.addRotationSingleUser(software.amazon.awscdk.services.rds.RotationSingleUserOptions.builder().automaticallyAfter(Duration.days(30)).build());
            // After the rotation function's ingress rule exists, so that the suppression reaches it.
            suppressIntrinsicIngress();
            CfnGlobalCluster global = CfnGlobalCluster.Builder.create(this, "GlobalCluster")
                    .globalClusterIdentifier(props.globalClusterIdentifier)
                    .sourceDbClusterIdentifier(cluster.getClusterIdentifier())
                    .deletionProtection(props.deletionProtection)
                    .build();
            global.getNode().addDependency(cluster);
            secret = credentials;
            clusterIdentifier = cluster.getClusterIdentifier();
            clusterArn = cluster.getClusterArn();
            endpoint = cluster.getClusterEndpoint().getHostname();
            Nag.suppress(cluster, "AwsSolutions-RDS14",
                    "Backtrack is not supported for members of an Aurora global database; point-in-time restore covers the need.");
            allowDestroy(cluster, props.deletionProtection);
        } else {
            secret = replicaOf(props);
            SubnetGroup subnets = SubnetGroup.Builder.create(this, "Subnets")
                    .vpc(props.vpc)
                    .vpcSubnets(props.subnets)
                    .description("isolated subnets of the secondary payment database")
                    .removalPolicy(RemovalPolicy.DESTROY)
                    .build();
            // L1: a secondary member must not carry master credentials, which the L2 cluster always sets.
            CfnDBCluster cluster = CfnDBCluster.Builder.create(this, "Cluster")
                    .dbClusterIdentifier(props.clusterIdentifier)
                    .globalClusterIdentifier(props.globalClusterIdentifier)
                    .engine(spec.engine() == DatabaseEngineChoice.POSTGRESQL ? "aurora-postgresql" : "aurora-mysql")
                    .engineVersion(spec.fullVersion())
                    .dbClusterParameterGroupName(parameterGroup)
                    .dbSubnetGroupName(subnets.getSubnetGroupName())
                    .vpcSecurityGroupIds(List.of(securityGroup.getSecurityGroupId()))
                    .port(spec.engine().port())
                    .storageEncrypted(true)
                    .kmsKeyId(props.key.getKeyArn())
                    .enableIamDatabaseAuthentication(true)
                    .backupRetentionPeriod(spec.backupRetentionDays())
                    .enableCloudwatchLogsExports(spec.logExports())
                    .deletionProtection(props.deletionProtection)
                    .copyTagsToSnapshot(true)
                    .serverlessV2ScalingConfiguration(spec.serverless()
                            ? CfnDBCluster.ServerlessV2ScalingConfigurationProperty.builder()
                                .minCapacity(spec.minCapacity()).maxCapacity(spec.maxCapacity()).build()
                            : null)
                    .build();
            int instances = 1 + spec.readers();
            for (int i = 0; i < instances; i++) {
                CfnDBInstance.Builder.create(this, "Instance" + (i + 1))
                        .dbClusterIdentifier(cluster.getRef())
                        .engine(cluster.getEngine())
                        .dbInstanceClass(spec.serverless() ? "db.serverless" : "db." + spec.instanceClass().get())
                        .publiclyAccessible(false)
                        .autoMinorVersionUpgrade(true)
                        .monitoringInterval(spec.monitoringInterval().toSeconds().intValue())
                        .monitoringRoleArn(monitoring.getRoleArn())
                        .build();
            }
            clusterIdentifier = cluster.getRef();
            clusterArn = cluster.getAttrDbClusterArn();
            endpoint = cluster.getAttrEndpointAddress();
            allowDestroy(cluster, props.deletionProtection);
            Nag.suppress(cluster, List.of("AwsSolutions-SMG4", "AwsSolutions-RDS14"),
                    "Secondary global-database member: credentials and rotation belong to the writer's secret (replicated here); backtrack is unsupported on global members.");
        }
    }

    private static void allowDestroy(Construct cluster, boolean deletionProtection) {
        if (!deletionProtection) {
            String reason = "Synthesized with deletionProtection=false (the default of a blueprint whose document asks for destroyable "
                    + "stacks); production passes -c deletionProtection=true.";
            Nag.suppress(cluster, "AwsSolutions-RDS10", reason);
            dev.paymentsdr.infra.nag.Checkov.skip(cluster, "CKV_AWS_139", reason);
        }
    }

    /**
     * The replica of the writer's secret in this region. A replica keeps the primary's ARN except for the region, so
     * with the writer's ARN (a cross-region reference) the complete replica ARN is known; ECS needs a complete ARN.
     * Without it the replica is found by name.
     */
    private ISecret replicaOf(Builder props) {
        if (props.writerSecretArn == null) {
            return Secret.fromSecretNameV2(this, "Credentials", props.secretName);
        }
        software.amazon.awscdk.Stack stack = software.amazon.awscdk.Stack.of(this);
        String nameWithSuffix = software.amazon.awscdk.Fn.select(6, software.amazon.awscdk.Fn.split(":", props.writerSecretArn));
        String replicaArn = "arn:" + stack.getPartition() + ":secretsmanager:" + stack.getRegion() + ":" + stack.getAccount()
                + ":secret:" + nameWithSuffix;
        return Secret.fromSecretCompleteArn(this, "Credentials", replicaArn);
    }

    private void suppressIntrinsicIngress() {
        Nag.suppress(securityGroup, "CdkNagValidationFailure",
                "Ingress rules reference the clients' security groups and the cluster port as intrinsics; only those clients are allowed.");
    }

    private IClusterInstance instance(String id, boolean writer) {
        if (props.spec.serverless()) {
            return ClusterInstance.serverlessV2(id, ServerlessV2ClusterInstanceProps.builder()
                    .scaleWithWriter(!writer).publiclyAccessible(false).build());
        }
        return ClusterInstance.provisioned(id, ProvisionedClusterInstanceProps.builder()
                .instanceType(new InstanceType(props.spec.instanceClass().get())).publiclyAccessible(false).build());
    }

    private List<IClusterInstance> readers() {
        List<IClusterInstance> readers = new ArrayList<>();
        for (int i = 1; i <= props.spec.readers(); i++) {
            readers.add(instance("Reader" + i, false));
        }
        return readers;
    }

    private static IClusterEngine clusterEngine(DatabaseSpec spec) {
        return spec.engine() == DatabaseEngineChoice.POSTGRESQL
                ? software.amazon.awscdk.services.rds.DatabaseClusterEngine.auroraPostgres(AuroraPostgresClusterEngineProps.builder()
                        .version(AuroraPostgresEngineVersion.of(spec.fullVersion(), spec.majorVersion())).build())
                : software.amazon.awscdk.services.rds.DatabaseClusterEngine.auroraMysql(AuroraMysqlClusterEngineProps.builder()
                        .version(AuroraMysqlEngineVersion.of(spec.fullVersion(), spec.majorVersion())).build());
    }

    /** Lets {@code client} open connections to the database port. */
    public void allowFrom(IConnectable client, String description) {
        securityGroup.addIngressRule(client.getConnections().getSecurityGroups().get(0),
                Port.tcp(props.spec.engine().port()), description);
        suppressIntrinsicIngress();
    }

    /** Lets clients in {@code cidr} (the other region's VPC, over peering) open connections to the database port. */
    public void allowFromCidr(String cidr, String description) {
        securityGroup.addIngressRule(software.amazon.awscdk.services.ec2.Peer.ipv4(cidr), Port.tcp(props.spec.engine().port()), description);
    }

    /** Credentials secret (in the secondary region: the replica of the writer's secret). */
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

    /** The database's security group. */
    public SecurityGroup securityGroup() {
        return securityGroup;
    }

    /** JDBC URL the payment service uses in this region. */
    public String jdbcUrl() {
        String scheme = props.spec.engine() == DatabaseEngineChoice.POSTGRESQL ? "postgresql" : "mysql";
        return "jdbc:" + scheme + "://" + endpoint + ":" + props.spec.engine().port() + "/" + DATABASE_NAME;
    }

    /** The global cluster identifier shared by both regions. */
    public String globalClusterIdentifier() {
        return props.globalClusterIdentifier;
    }

    /** What this member was built from. */
    public DatabaseSpec spec() {
        return props.spec;
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
     * Builder of {@link GlobalDatabase}: {@code GlobalDatabase.Builder.create(this, "Database").writer(otherRegion)
     * .spec(..).names(..).network(vpc, subnets).key(key).build()}.
     */
    public static final class Builder {
        private final Construct scope;
        private final String id;
        private Role role;
        private DatabaseSpec spec = DatabaseSpec.auroraPostgres();
        private String globalClusterIdentifier;
        private String clusterIdentifier;
        private String secretName;
        private String otherRegion;
        private Vpc vpc;
        private SubnetSelection subnets;
        private IKey key;
        private boolean deletionProtection = true;
        private String writerSecretArn;

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /** Starts a member with id {@code id} under {@code scope}. */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** The writer: creates the global cluster and the credentials secret, replicated to {@code otherRegion}. */
        public Builder writer(String otherRegion) {
            this.role = Role.WRITER;
            this.otherRegion = otherRegion;
            return this;
        }

        /**
         * A secondary that joins the global cluster; {@code writerSecretArn} (a cross-region reference, or null to find
         * the replica by name) gives the complete ARN of the credentials' replica.
         */
        public Builder secondary(String writerSecretArn) {
            this.role = Role.SECONDARY;
            this.writerSecretArn = writerSecretArn;
            return this;
        }

        /** Engine, capacity, readers, backups, parameters (default: Aurora PostgreSQL 16 Serverless v2). */
        public Builder spec(DatabaseSpec value) {
            this.spec = value;
            return this;
        }

        /** Global cluster id, this region's cluster id and the credentials' secret name. */
        public Builder names(String globalCluster, String cluster, String secret) {
            this.globalClusterIdentifier = globalCluster;
            this.clusterIdentifier = cluster;
            this.secretName = secret;
            return this;
        }

        /** VPC and the (isolated) subnets of the cluster. */
        public Builder network(Vpc value, SubnetSelection subnetSelection) {
            this.vpc = value;
            this.subnets = subnetSelection;
            return this;
        }

        /** KMS key for storage and the secret. */
        public Builder key(IKey value) {
            this.key = value;
            return this;
        }

        /** Deletion protection of the cluster and global cluster (default true; false keeps the stack destroyable). */
        public Builder deletionProtection(boolean value) {
            this.deletionProtection = value;
            return this;
        }

        /** Creates the member; fails when a required part is missing. */
        public GlobalDatabase build() {
            List<String> missing = new ArrayList<>();
            if (role == null) missing.add("writer(otherRegion) or secondary(writerSecretArn)");
            if (globalClusterIdentifier == null) missing.add("names(..)");
            if (vpc == null) missing.add("network(..)");
            if (key == null) missing.add("key(..)");
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("GlobalDatabase " + id + " needs " + String.join(", ", missing));
            }
            return new GlobalDatabase(this);
        }
    }
}
