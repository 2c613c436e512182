package dev.paymentsdr.infra.blueprints;

import dev.paymentsdr.infra.config.DrSettings;
import dev.paymentsdr.infra.constructs.FailoverWorkflow;
import dev.paymentsdr.infra.constructs.GlobalDatabase;
import dev.paymentsdr.infra.constructs.GlobalTable;
import dev.paymentsdr.infra.constructs.LogArchive;
import dev.paymentsdr.infra.constructs.Network;
import dev.paymentsdr.infra.constructs.Observability;
import dev.paymentsdr.infra.constructs.PaymentEventBus;
import dev.paymentsdr.infra.constructs.PaymentFunctions;
import dev.paymentsdr.infra.constructs.PaymentQueue;
import dev.paymentsdr.infra.constructs.PaymentService;
import dev.paymentsdr.infra.constructs.RegionKey;
import dev.paymentsdr.infra.constructs.RegionalBackup;
import dev.paymentsdr.infra.constructs.ReplicatedBucket;
import dev.paymentsdr.infra.constructs.WebFirewall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.certificatemanager.CertificateValidation;
import software.amazon.awscdk.services.certificatemanager.ICertificate;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.amazon.awscdk.services.dynamodb.TableV2;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;
import software.constructs.Construct;

/**
 * The stack of one region, composed from the constructs: key, network, log archive, replicated bucket, global
 * database member, (writer only) global table and backup plan, payment service, payment functions, queue, event bus,
 * web firewall, observability and the "promote this region" workflow. {@link Options} says which optional parts
 * a blueprint wants and how big they are.
 */
public final class RegionalStack extends Stack {
    private final RegionRole role;
    private final PaymentService service;
    private final PaymentFunctions functions;
    private final GlobalDatabase database;

    /** Which part the region plays. */
    public enum RegionRole { PRIMARY, SECONDARY }

    /**
     * What a blueprint chooses for its regional stacks: which components are present and how big they are.
     * Start from {@link #everything()} (the flagship) or {@link #minimal()} and switch parts on or off.
     */
    public static final class Options {
        private boolean database = true;
        private boolean serverlessDatabase = true;
        private double minAcu = 0.5;
        private double maxAcu = 16;
        private int databaseReaders = 1;
        private int natGateways = 3;
        private Duration replicationLagBound = Duration.minutes(5);
        private boolean service = true;
        private boolean functions = true;
        private boolean queue = true;
        private boolean eventBus = true;
        private boolean globalTable = true;
        private boolean backup = true;
        private boolean failoverWorkflow = true;

        private Options() {
        }

        /** Every component, sized like the flagship: Serverless v2 0.5-16 ACU, one reader, three NAT gateways, 5-minute RPO bound. */
        public static Options everything() {
            return new Options();
        }

        /** Key, network, buckets and alarms only (one NAT gateway); add the components a blueprint needs. */
        public static Options minimal() {
            Options options = new Options();
            options.database = false;
            options.natGateways = 1;
            options.service = false;
            options.functions = false;
            options.queue = false;
            options.eventBus = false;
            options.globalTable = false;
            options.backup = false;
            options.failoverWorkflow = false;
            return options;
        }

        /** Aurora global database: Serverless v2 between {@code minAcu} and {@code maxAcu}, with {@code readers} readers. */
        public Options serverlessDatabase(double minAcu, double maxAcu, int readers) {
            this.database = true;
            this.serverlessDatabase = true;
            this.minAcu = minAcu;
            this.maxAcu = maxAcu;
            this.databaseReaders = readers;
            return this;
        }

        /** Aurora global database on provisioned r6g.large instances with {@code readers} readers. */
        public Options provisionedDatabase(int readers) {
            this.database = true;
            this.serverlessDatabase = false;
            this.databaseReaders = readers;
            return this;
        }

        /** No relational database (e.g. a DynamoDB-only design); also drops the failover workflow, which promotes Aurora. */
        public Options withoutDatabase() {
            this.database = false;
            this.failoverWorkflow = false;
            return this;
        }

        /** NAT gateways per VPC. */
        public Options natGateways(int count) {
            this.natGateways = count;
            return this;
        }

        /** Replication lag above which an unplanned failover needs {@code allowDataLoss}. */
        public Options replicationLagBound(Duration bound) {
            this.replicationLagBound = bound;
            return this;
        }

        /** ECS Fargate payment service behind an ALB. */
        public Options service(boolean present) {
            this.service = present;
            return this;
        }

        /** Lambda payment API behind API Gateway. */
        public Options functions(boolean present) {
            this.functions = present;
            return this;
        }

        /** Order queue with dead-letter queue and consumer. */
        public Options queue(boolean present) {
            this.queue = present;
            return this;
        }

        /** Event bus with cross-region forwarding. */
        public Options eventBus(boolean present) {
            this.eventBus = present;
            return this;
        }

        /** DynamoDB global table. */
        public Options globalTable(boolean present) {
            this.globalTable = present;
            return this;
        }

        /** AWS Backup plan with cross-region copy. */
        public Options backup(boolean present) {
            this.backup = present;
            return this;
        }

        /** The "promote this region" Step Functions workflow (needs database, service and functions). */
        public Options failoverWorkflow(boolean present) {
            this.failoverWorkflow = present;
            return this;
        }
    }

    /** Composes the stack of {@code region}; a secondary finds the database credentials' replica by name. */
    public RegionalStack(Construct scope, String id, DrSettings settings, Naming naming, RegionRole role,
                         Artifacts artifacts, Options options) {
        this(scope, id, settings, naming, role, artifacts, options, null);
    }

    /**
     * Composes the stack of {@code region}; a secondary given the {@code writerStack} derives the complete ARN of
     * the credentials' replica from the writer's secret (a cross-region reference).
     */
    public RegionalStack(Construct scope, String id, DrSettings settings, Naming naming, RegionRole role,
                         Artifacts artifacts, Options options, RegionalStack writerStack) {
        super(scope, id, StackProps.builder()
                .stackName(naming.stack(role == RegionRole.PRIMARY ? "Primary" : "Secondary"))
                .description("payments-dr " + role.name().toLowerCase() + " region (" + naming.suffix() + ")")
                .env(Environment.builder()
                        .account(settings.account().orElse(null))
                        .region(role == RegionRole.PRIMARY ? settings.primaryRegion() : settings.secondaryRegion())
                        .build())
                .crossRegionReferences(true)
                .build());
        this.role = role;
        String region = getRegion();
        String other = settings.otherRegion(region);
        boolean writer = role == RegionRole.PRIMARY;

        RegionKey key = new RegionKey(this, "DataKey", naming.keyAlias());
        Network network = new Network(this, "Network", writer ? "10.0.0.0/16" : "10.1.0.0/16",
                List.of(region + "a", region + "b", region + "c"), options.natGateways, key.key());
        LogArchive logs = new LogArchive(this, "LogArchive", 365);
        ReplicatedBucket bucket = new ReplicatedBucket(this, "TransactionLogs", naming.bucket(region), key.key(),
                logs.bucket(), naming.bucket(other), other, "alias/" + naming.keyAlias());
        database = !options.database ? null : new GlobalDatabase(this, "Database", new GlobalDatabase.GlobalDatabaseProps(
                writer ? GlobalDatabase.Role.WRITER : GlobalDatabase.Role.SECONDARY,
                settings.databaseEngine(), naming.shared("global"), naming.regional("db", region),
                naming.databaseSecret(), other, network.vpc(), network.isolatedSubnets(), key.key(),
                options.serverlessDatabase, options.minAcu, options.maxAcu,
                InstanceType.of(InstanceClass.R6G, InstanceSize.LARGE), options.databaseReaders, 7,
                settings.deletionProtection(),
                writerStack != null && writerStack.database() != null ? writerStack.database().secret().getSecretArn() : null));

        Observability observability = new Observability(this, "Observability", naming.regional("ops", region), key.key(),
                settings.alertEmail());
        if (database != null) {
            observability.watchDatabase(database, options.replicationLagBound, 500);
        }
        observability.watchReplication(bucket);

        String tableName = naming.shared("sessions");
        Optional<GlobalTable> globalTable = writer && options.globalTable
                ? Optional.of(new GlobalTable(this, "Sessions", tableName, other, settings.deletionProtection()))
                : Optional.empty();
        // The secondary region reaches its replica by the shared name.
        Optional<ITableV2> table = options.globalTable
                ? Optional.of(globalTable.<ITableV2>map(GlobalTable::table).orElseGet(() -> TableV2.fromTableName(this, "SessionsReplica", tableName)))
                : Optional.empty();
        if (options.globalTable) {
            observability.watchTable(tableName);
        }

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PAYMENTS_REGION", region);
        if (database != null) {
            environment.put("PAYMENTS_DB_URL", database.jdbcUrl());
        }
        environment.put("PAYMENTS_BUCKET", bucket.bucket().getBucketName());
        if (options.globalTable) {
            environment.put("PAYMENTS_TABLE", tableName);
        }
        Optional<PaymentEventBus> bus = options.eventBus
                ? Optional.of(new PaymentEventBus(this, "Events", naming.shared("events"), other, key.key()))
                : Optional.empty();
        bus.ifPresent(b -> {
            environment.put("PAYMENTS_EVENT_BUS", b.bus().getEventBusName());
            observability.watchDeadLetters("event-forwarding-dlq", b.deadLetters().metricApproximateNumberOfMessagesVisible());
        });

        WebFirewall firewall = new WebFirewall(this, "Firewall", naming.regional("waf", region), key.key());
        Optional<ICertificate> certificate = settings.dns().map(dns -> Certificate.Builder.create(this, "Certificate")
                .domainName(dns.apiRecordName())
                .validation(CertificateValidation.fromDns(HostedZone.fromHostedZoneAttributes(this, "Zone",
                        HostedZoneAttributes.builder().hostedZoneId(dns.hostedZoneId()).zoneName(dns.domainName()).build())))
                .build());

        if (options.service) {
            Map<String, String> serviceEnvironment = new LinkedHashMap<>(environment);
            serviceEnvironment.put("PAYMENTS_PORT", Integer.toString(PaymentService.CONTAINER_PORT));
            serviceEnvironment.put("PAYMENTS_BIND", "0.0.0.0");
            service = new PaymentService(this, "Service", new PaymentService.PaymentServiceProps(
                    naming.regional("payments", region), network.vpc(), artifacts.serviceImage().get(), serviceEnvironment,
                    database == null ? Map.of() : Map.of(
                            "PAYMENTS_DB_USER", software.amazon.awscdk.services.ecs.Secret.fromSecretsManager(database.secret(), "username"),
                            "PAYMENTS_DB_PASSWORD", software.amazon.awscdk.services.ecs.Secret.fromSecretsManager(database.secret(), "password")),
                    key.key(), logs.bucket(), certificate,
                    writer ? settings.primaryCapacity().minTasks() : settings.secondaryCapacity().minTasks(),
                    writer ? settings.primaryCapacity().maxTasks() : settings.secondaryCapacity().maxTasks()));
            if (database != null) {
                database.allowFrom(service.service(), "payment service tasks");
            }
            bucket.bucket().grantReadWrite(service.service().getTaskDefinition().getTaskRole());
            table.ifPresent(t -> t.grantReadWriteData(service.service().getTaskDefinition().getTaskRole()));
            bus.ifPresent(b -> b.bus().grantPutEventsTo(service.service().getTaskDefinition().getTaskRole()));
            firewall.protect(service.loadBalancer().getLoadBalancerArn());
            observability.watchService(service);
            service.suppressGrantWildcards();
            output("LoadBalancerDns", service.loadBalancer().getLoadBalancerDnsName(), "DNS name of this region's ALB");
            output("ServiceName", service.service().getServiceName(), "ECS service of the payment API");
            output("ClusterName", service.cluster().getClusterName(), "ECS cluster");
        } else {
            service = null;
        }

        if (options.functions || options.queue) {
            SecurityGroup functionsGroup = SecurityGroup.Builder.create(this, "FunctionsSecurityGroup")
                    .vpc(network.vpc()).description("payment functions").allowAllOutbound(true).build();
            if (database != null) {
                database.allowFrom(functionsGroup, "payment functions");
            }
            Map<String, String> lambdaEnvironment = new LinkedHashMap<>(environment);
            if (database != null) {
                lambdaEnvironment.put("PAYMENTS_DB_SECRET_ARN", database.secret().getSecretArn());
            }
            PaymentFunctions.LambdaSettings lambda = new PaymentFunctions.LambdaSettings(naming.regional("api", region),
                    artifacts.lambdaCode().get(), network.vpc(), network.privateSubnets(), functionsGroup, key.key(), lambdaEnvironment);
            if (options.functions) {
                functions = new PaymentFunctions(this, "Functions", lambda);
                grantRuntime(functions.function(), database, bucket, table, bus);
                firewall.protect(functions.api().getDeploymentStage().getStageArn());
                observability.watchFunctions(functions, Duration.seconds(1));
                output("ApiUrl", functions.api().urlForPath("/"), "invoke URL of the regional payment API");
                output("HealthUrl", functions.api().urlForPath("/health/ready"), "readiness URL of this region");
            } else {
                functions = null;
            }
            if (options.queue) {
                PaymentQueue queue = new PaymentQueue(this, "Orders", naming.regional("orders", region), lambda);
                grantRuntime(queue.consumer(), database, bucket, table, bus);
                observability.watchDeadLetters("orders-dlq", queue.deadLetterDepth());
                output("QueueUrl", queue.queue().getQueueUrl(), "payment order queue");
            }
        } else {
            functions = null;
        }

        RegionalBackup backup = new RegionalBackup(this, "Backup", naming.shared("backup"), key.key());
        if (writer && options.backup) {
            List<String> protectedArns = new ArrayList<>();
            if (database != null) {
                protectedArns.add(database.clusterArn());
            }
            globalTable.ifPresent(t -> protectedArns.add(t.table().getTableArn()));
            backup.backUp(protectedArns, other);
        }

        if (options.failoverWorkflow && database != null && service != null && functions != null) {
            String clusterPattern = formatArn(ArnComponents.builder().service("rds").region("*").resource("cluster")
                    .resourceName(naming.regional("db", "*")).arnFormat(ArnFormat.COLON_RESOURCE_NAME).build());
            Optional<FailoverWorkflow.DnsSwitch> dnsSwitch = settings.dns().map(dns -> new FailoverWorkflow.DnsSwitch(
                    dns.hostedZoneId(), dns.apiRecordName(), service.loadBalancer().getLoadBalancerDnsName(),
                    service.loadBalancer().getLoadBalancerCanonicalHostedZoneId()));
            FailoverWorkflow workflow = new FailoverWorkflow(this, "Failover", new FailoverWorkflow.FailoverWorkflowProps(
                    naming.regional("promote", region), database.globalClusterIdentifier(), database.clusterArn(),
                    clusterPattern, observability.alarmName("db-replication-lag"),
                    service.cluster().getClusterName(), service.service().getServiceName(), service.service().getServiceArn(),
                    settings.primaryCapacity().minTasks(), dnsSwitch, functions.alias(), observability.topic(), key.key()));
            output("FailoverStateMachineArn", workflow.stateMachine().getStateMachineArn(),
                    "start with {\"mode\":\"switchover\"} (planned) or {\"mode\":\"failover\"} (region loss) to promote this region");
        }

        if (database != null) {
            output("DatabaseClusterId", database.clusterIdentifier(), "Aurora cluster of this region");
            output("DatabaseEndpoint", database.endpoint(), "writer endpoint of this region's cluster");
            output("GlobalClusterId", database.globalClusterIdentifier(), "Aurora global cluster");
            output("DatabaseSecretName", naming.databaseSecret(), "Secrets Manager name of the database credentials");
        }
        output("TransactionLogBucket", bucket.bucket().getBucketName(), "replicated transaction-log bucket");
        output("AlertTopicArn", observability.topic().getTopicArn(), "SNS topic of this region's alarms");
        output("BackupVaultName", backup.vault().getBackupVaultName(), "AWS Backup vault");
        table.ifPresent(t -> output("SessionTableName", tableName, "DynamoDB global table (same name in both regions)"));
        bus.ifPresent(b -> output("EventBusName", b.bus().getEventBusName(), "payment event bus"));
    }

    private static void grantRuntime(software.amazon.awscdk.services.lambda.Function function, GlobalDatabase database,
                                     ReplicatedBucket bucket, Optional<ITableV2> table, Optional<PaymentEventBus> bus) {
        if (database != null) {
            database.secret().grantRead(function);
        }
        bucket.bucket().grantReadWrite(function);
        table.ifPresent(t -> t.grantReadWriteData(function));
        bus.ifPresent(b -> b.bus().grantPutEventsTo(function));
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }

    /** The region's role. */
    public RegionRole role() {
        return role;
    }

    /** The payment service, or null when the blueprint left it out. */
    public PaymentService service() {
        return service;
    }

    /** The payment functions, or null when the blueprint left them out. */
    public PaymentFunctions functions() {
        return functions;
    }

    /** This region's global database member, or null when the blueprint left it out. */
    public GlobalDatabase database() {
        return database;
    }
}
