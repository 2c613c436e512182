package dev.paymentsdr.infra.blueprints;

import dev.paymentsdr.contract.LedgerTableLayout;
import dev.paymentsdr.contract.RuntimeVariable;
import dev.paymentsdr.infra.blueprints.Naming.Name;
import dev.paymentsdr.infra.config.DrSettings;
import dev.paymentsdr.infra.constructs.FailoverFunctions;
import dev.paymentsdr.infra.constructs.FailoverWorkflow;
import dev.paymentsdr.infra.constructs.FunctionLoadBalancer;
import dev.paymentsdr.infra.constructs.FunctionSettings;
import dev.paymentsdr.infra.constructs.GlobalDatabase;
import dev.paymentsdr.infra.constructs.GlobalTable;
import dev.paymentsdr.infra.constructs.LogArchive;
import dev.paymentsdr.infra.constructs.Network;
import dev.paymentsdr.infra.constructs.Observability;
import dev.paymentsdr.infra.constructs.OutboxRelayFunction;
import dev.paymentsdr.infra.constructs.PaymentEventBus;
import dev.paymentsdr.infra.constructs.PaymentFunctions;
import dev.paymentsdr.infra.constructs.PaymentQueue;
import dev.paymentsdr.infra.constructs.PaymentService;
import dev.paymentsdr.infra.constructs.RegionKey;
import dev.paymentsdr.infra.constructs.RegionalBackup;
import dev.paymentsdr.infra.constructs.ReplicatedBucket;
import dev.paymentsdr.infra.constructs.ReplicatedSecret;
import dev.paymentsdr.infra.constructs.WebFirewall;
import dev.paymentsdr.infra.spec.FunctionsSpec.FrontDoor;
import dev.paymentsdr.infra.spec.Output;
import dev.paymentsdr.infra.spec.RegionSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.certificatemanager.CertificateValidation;
import software.amazon.awscdk.services.certificatemanager.ICertificate;
import software.amazon.awscdk.services.dynamodb.ITableV2;
import software.amazon.awscdk.services.dynamodb.TableAttributesV2;
import software.amazon.awscdk.services.dynamodb.TableV2;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.route53.HostedZone;
import software.amazon.awscdk.services.route53.HostedZoneAttributes;
import software.amazon.awscdk.services.route53.IHostedZone;
import software.amazon.awscdk.services.route53.PublicHostedZone;
import software.constructs.Construct;

/**
 * The stack of one region, composed from the constructs as its {@link RegionSpec} says: key, network, log archive,
 * replicated buckets, global database member, (writer only) global table and backup plan, payment service, payment
 * functions, queue, event bus, web firewall, observability and the "promote this region" workflow.
 */
public final class RegionalStack extends Stack {
    private final RegionSpec spec;
    private final Network network;
    private final Observability observability;
    private final PaymentService service;
    private final PaymentFunctions functions;
    private final FunctionLoadBalancer functionEntry;
    private final GlobalDatabase database;
    private final IHostedZone createdZone;
    private final String apiDomainTarget;
    private final String apiDomainZone;

    private RegionalStack(Builder b) {
        super(b.scope, b.id, StackProps.builder()
                .stackName(b.naming.of(b.spec.primary() ? Name.PRIMARY_STACK : Name.SECONDARY_STACK))
                .description("payments-dr " + b.spec.role().name().toLowerCase() + " region (" + b.naming.suffix() + ")")
                .env(Environment.builder().account(b.settings.account().orElse(null)).region(b.spec.region()).build())
                .crossRegionReferences(true)
                .build());
        this.spec = b.spec;
        DrSettings settings = b.settings;
        Naming naming = b.naming;
        String region = spec.region();
        String other = b.otherRegion;
        boolean writer = spec.primary();

        RegionKey key = new RegionKey(this, "DataKey", naming.of(Name.KEY_ALIAS));
        network = new Network(this, "Network", spec.cidr(), List.of(region + "a", region + "b", region + "c"),
                spec.natGateways(), key.key());
        LogArchive logs = new LogArchive(this, "LogArchive", 365);
        ReplicatedBucket bucket = replicated("TransactionLogs", Name.BUCKET, naming, key, logs, other);
        Optional<ReplicatedBucket> audit = spec.auditBucket()
                ? Optional.of(replicated("AuditLogs", Name.AUDIT_BUCKET, naming, key, logs, other)) : Optional.empty();

        database = spec.database().map(db -> {
            GlobalDatabase.Builder member = GlobalDatabase.Builder.create(this, "Database").spec(db)
                    .names(naming.of(Name.GLOBAL_CLUSTER), naming.of(Name.DB_CLUSTER, region), naming.of(Name.DB_SECRET))
                    .network(network.vpc(), network.isolatedSubnets()).key(key.key())
                    .deletionProtection(settings.deletionProtection());
            return writer ? member.writer(other).build()
                    : member.secondary(b.writerStack.database().map(w -> w.secret().getSecretArn()).orElse(null)).build();
        }).orElse(null);

        observability = new Observability(this, "Observability", naming.of(Name.OPS, region), naming.of(Name.ALERT_TOPIC, region),
                key.key(), settings.alertEmail());
        if (database != null) {
            observability.watchDatabase(database, spec.alarms());
        }
        spec.alarms().bucketReplicationLatency().ifPresent(bound -> observability.watchReplication(bucket, bound));

        String tableName = naming.of(Name.TABLE);
        Optional<GlobalTable> globalTable = writer && spec.globalTable()
                ? Optional.of(GlobalTable.Builder.create(this, "Sessions").tableName(tableName).replicaRegion(other)
                        .indexes(LedgerTableLayout.indexes())
                        .deletionProtection(settings.deletionProtection()).build())
                : Optional.empty();
        // Both regions reach their replica by the shared name, with its indexes (the DynamoDB ledger lists by customer
        // and its relay finds pending events through them).
        Optional<ITableV2> table = spec.globalTable() ? Optional.of(TableV2.fromTableAttributes(this, "SessionsReplica",
                TableAttributesV2.builder().tableName(tableName).grantIndexPermissions(true).build())) : Optional.empty();
        table.ifPresent(t -> observability.watchTable(tableName, spec.alarms()));

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(RuntimeVariable.PAYMENTS_REGION.name(), region);
        if (database != null) {
            environment.put(RuntimeVariable.PAYMENTS_DB_URL.name(), database.jdbcUrl());
        }
        environment.put(RuntimeVariable.PAYMENTS_BUCKET.name(), bucket.bucket().getBucketName());
        if (spec.globalTable()) {
            environment.put(RuntimeVariable.PAYMENTS_TABLE.name(), tableName);
        }
        Optional<PaymentEventBus> bus = spec.eventBus()
                ? Optional.of(new PaymentEventBus(this, "Events", naming.of(Name.EVENT_BUS), other, key.key()))
                : Optional.empty();
        bus.ifPresent(events -> {
            environment.put(RuntimeVariable.PAYMENTS_EVENT_BUS.name(), events.bus().getEventBusName());
            if (spec.alarms().deadLetters()) {
                observability.watchDeadLetters("event-forwarding-dlq", events.deadLetters().metricApproximateNumberOfMessagesVisible());
            }
        });

        WebFirewall firewall = spec.webFirewall() ? new WebFirewall(this, "Firewall", naming.of(Name.WAF, region), key.key()) : null;
        createdZone = b.createZone && settings.dns().isPresent()
                ? PublicHostedZone.Builder.create(this, "HostedZone").zoneName(settings.dns().get().domainName())
                        .comment("payments-dr " + naming.suffix() + ": delegate this zone's name servers before certificates validate").build()
                : null;
        Optional<IHostedZone> zone = settings.dns().map(dns -> createdZone != null ? createdZone
                : HostedZone.fromHostedZoneAttributes(this, "Zone", HostedZoneAttributes.builder()
                        .hostedZoneId(b.zoneId)
                        .zoneName(dns.domainName()).build()));
        // A certificate only where something serves HTTPS under the domain: the ALB, the REST API or the function ALB.
        boolean servesDomain = spec.service().isPresent() || b.functionLoadBalancer
                || spec.functions().map(f -> f.frontDoor() == FrontDoor.REST_API).orElse(false);
        Optional<ICertificate> certificate = zone.filter(z -> servesDomain).map(z -> Certificate.Builder.create(this, "Certificate")
                .domainName(b.recordName)
                .validation(CertificateValidation.fromDns(z))
                .build());

        service = spec.service().map(s -> {
            Map<String, String> serviceEnvironment = new LinkedHashMap<>(environment);
            serviceEnvironment.put(RuntimeVariable.PAYMENTS_PORT.name(), Integer.toString(PaymentService.CONTAINER_PORT));
            serviceEnvironment.put(RuntimeVariable.PAYMENTS_BIND.name(), "0.0.0.0");
            PaymentService svc = PaymentService.Builder.create(this, "Service")
                    .names(naming.of(Name.ECS_CLUSTER, region), naming.of(Name.ECS_SERVICE, region))
                    .vpc(network.vpc()).image(b.artifacts.serviceImage().get()).environment(serviceEnvironment)
                    .secrets(database == null ? Map.of() : Map.of(
                            RuntimeVariable.PAYMENTS_DB_USER.name(), software.amazon.awscdk.services.ecs.Secret.fromSecretsManager(database.secret(), "username"),
                            RuntimeVariable.PAYMENTS_DB_PASSWORD.name(), software.amazon.awscdk.services.ecs.Secret.fromSecretsManager(database.secret(), "password")))
                    .key(key.key()).accessLogs(logs.bucket()).certificate(certificate)
                    .capacity(s.capacity().minTasks(), s.capacity().maxTasks()).logRetention(spec.logRetention())
                    .build();
            if (database != null) {
                database.allowFrom(svc.service(), "payment service tasks");
            }
            grantRuntime(svc.service().getTaskDefinition().getTaskRole(), null, bucket, table, bus);
            firewall.protect(svc.loadBalancer().getLoadBalancerArn());
            observability.watchService(svc, spec.alarms());
            svc.suppressGrantWildcards();
            output(Output.LOAD_BALANCER_DNS, svc.loadBalancer().getLoadBalancerDnsName());
            output(Output.LOAD_BALANCER_ZONE, svc.loadBalancer().getLoadBalancerCanonicalHostedZoneId());
            output(Output.SERVICE_NAME, svc.service().getServiceName());
            output(Output.CLUSTER_NAME, svc.cluster().getClusterName());
            output(Output.MIN_TASKS, Integer.toString(s.capacity().minTasks()));
            output(Output.HEALTH_URL, healthUrlOf(svc));
            return svc;
        }).orElse(null);

        // Payment functions record events in the outbox and never relay in the background; a container does (and drains
        // the same outbox), so the scheduled relay is deployed where functions write payments and no container runs.
        boolean relayNeeded = service == null && (spec.functions().isPresent() || spec.queue().isPresent());
        Optional<SecurityGroup> functionsGroup = Optional.empty();
        if (spec.functions().map(f -> f.inVpc()).orElse(false) || spec.queue().isPresent() || (relayNeeded && database != null)) {
            SecurityGroup group = SecurityGroup.Builder.create(this, "FunctionsSecurityGroup")
                    .vpc(network.vpc()).description("payment functions").allowAllOutbound(true).build();
            if (database != null) {
                database.allowFrom(group, "payment functions");
            }
            functionsGroup = Optional.of(group);
        }
        Map<String, String> lambdaEnvironment = new LinkedHashMap<>(environment);
        if (database != null) {
            lambdaEnvironment.put(RuntimeVariable.PAYMENTS_DB_SECRET_ARN.name(), database.secret().getSecretArn());
        }
        FunctionSettings.Builder lambda = FunctionSettings.builder().code(b.artifacts.lambdaCode().get()).key(key.key())
                .environment(lambdaEnvironment).logRetention(spec.logRetention());
        final Optional<SecurityGroup> group = functionsGroup;
        String apiTarget = null;
        String apiZone = null;
        FunctionLoadBalancer entry = null;
        if (spec.functions().isPresent()) {
            var f = spec.functions().get();
            FunctionSettings placed = f.inVpc() ? lambda.inVpc(network.vpc(), network.privateSubnets(), group.get()).build() : lambda.build();
            functions = PaymentFunctions.Builder.create(this, "Functions").settings(placed).frontDoor(f.frontDoor())
                    .healthFunction(f.healthFunction()).reservedConcurrency(f.reservedConcurrency())
                    .names(naming.of(Name.FUNCTION, region), naming.of(Name.HEALTH_FUNCTION, region), naming.of(Name.API, region))
                    .loadBalancerTarget(b.functionLoadBalancer ? naming.of(Name.ENTRY_FUNCTION, region) : null)
                    .build();
            grantRuntime(functions.function(), database, bucket, table, bus);
            functions.healthFunction().ifPresent(health -> grantRuntime(health, database, bucket, table, bus));
            functions.loadBalancerFunction().ifPresent(target -> grantRuntime(target, database, bucket, table, bus));
            audit.ifPresent(a -> a.bucket().grantPut(functions.function()));
            observability.watchFunctions(functions, spec.alarms());
            output(Output.FUNCTION_ARN, functions.function().getFunctionArn());
            functions.api().ifPresent(api -> {
                firewall.protect(api.getDeploymentStage().getStageArn());
                output(Output.API_URL, api.urlForPath("/"));
                if (service == null) {
                    output(Output.HEALTH_URL, api.urlForPath("/health/ready"));
                }
            });
            functions.paymentsUrl().ifPresent(url -> output(Output.FUNCTION_URL, url.getUrl()));
            functions.healthUrl().filter(url -> service == null).ifPresent(url -> output(Output.HEALTH_URL, url.getUrl()));
            if (functions.api().isPresent() && certificate.isPresent() && service == null) {
                var domain = functions.addCustomDomain(b.recordName, certificate.get());
                apiTarget = domain.getDomainNameAliasDomainName();
                apiZone = domain.getDomainNameAliasHostedZoneId();
            }
            if (b.functionLoadBalancer) {
                requireApiKeys(functions.loadBalancerFunction().get(), naming.of(Name.API_SECRET), b.otherRegion, key);
                entry = FunctionLoadBalancer.Builder.create(this, "Entry").vpc(network.vpc()).function(functions.loadBalancerAlias().get())
                        .certificate(certificate).accessLogs(logs.bucket(), naming.of(Name.FUNCTION, region)).build();
                firewall.protect(entry.loadBalancer().getLoadBalancerArn());
                output(Output.LOAD_BALANCER_DNS, entry.loadBalancer().getLoadBalancerDnsName());
            }
        } else {
            functions = null;
        }
        functionEntry = entry;
        apiDomainTarget = apiTarget;
        apiDomainZone = apiZone;
        spec.queue().ifPresent(q -> {
            PaymentQueue queue = new PaymentQueue(this, "Orders", naming.of(Name.QUEUE, region), naming.of(Name.QUEUE, region) + "-consumer",
                    lambda.inVpc(network.vpc(), network.privateSubnets(), group.get()).build(), q);
            grantRuntime(queue.consumer(), database, bucket, table, bus);
            if (spec.alarms().deadLetters()) {
                observability.watchDeadLetters("orders-dlq", queue.deadLetterDepth());
            }
            output(Output.QUEUE_URL, queue.queue().getQueueUrl());
        });

        if (relayNeeded) {
            // The JDBC ledger's relay reaches Aurora from the VPC; the DynamoDB ledger's needs no network of its own.
            FunctionSettings relaySettings = database != null
                    ? lambda.inVpc(network.vpc(), network.privateSubnets(), group.get()).build() : lambda.build();
            OutboxRelayFunction relay = new OutboxRelayFunction(this, "OutboxRelay", naming.of(Name.OUTBOX_RELAY, region), relaySettings);
            if (database != null) {
                database.secret().grantRead(relay.function());
            } else {
                table.ifPresent(t -> relay.grantLedgerTable(tableName));
            }
            bucket.bucket().grantPut(relay.function(), OutboxRelayFunction.ARCHIVE_PREFIX + "*");
            bus.ifPresent(events -> events.bus().grantPutEventsTo(relay.function()));
            observability.watchRelay(relay);
            output(Output.OUTBOX_RELAY, relay.function().getFunctionName());
        }

        if (spec.backup()) {
            RegionalBackup backup = new RegionalBackup(this, "Backup", naming.of(Name.BACKUP_VAULT), key.key());
            List<String> protectedArns = new ArrayList<>();
            if (database != null) {
                protectedArns.add(database.clusterArn());
            }
            globalTable.ifPresent(t -> protectedArns.add(t.tableArn()));
            if (writer && !protectedArns.isEmpty()) {
                backup.backUp(protectedArns, other);
            }
            output(Output.BACKUP_VAULT_NAME, backup.vault().getBackupVaultName());
        }

        if (spec.failoverTrigger()) {
            composeFailover(b, key, bucket, observability);
        }

        if (database != null) {
            output(Output.DATABASE_CLUSTER_ID, database.clusterIdentifier());
            output(Output.DATABASE_ENDPOINT, database.endpoint());
            output(Output.GLOBAL_CLUSTER_ID, database.globalClusterIdentifier());
            output(Output.DATABASE_SECRET_NAME, naming.of(Name.DB_SECRET));
        }
        output(Output.BUCKET_NAME, bucket.bucket().getBucketName());
        audit.ifPresent(a -> output(Output.AUDIT_BUCKET_NAME, a.bucket().getBucketName()));
        output(Output.ALERT_TOPIC_ARN, observability.topic().getTopicArn());
        table.ifPresent(t -> output(Output.TABLE_NAME, tableName));
        bus.ifPresent(events -> output(Output.EVENT_BUS_NAME, events.bus().getEventBusName()));
    }

    private ReplicatedBucket replicated(String id, Name name, Naming naming, RegionKey key, LogArchive logs, String other) {
        return ReplicatedBucket.Builder.create(this, id)
                .bucket(naming.of(name, spec.region()), key.key(), logs.bucket())
                .replicateTo(naming.of(name, other), other, "alias/" + naming.of(Name.KEY_ALIAS))
                .build();
    }

    /**
     * The load balancer path is not IAM-signed, so its function checks clients' API keys: the writer's stack creates the
     * keys secret replicated to the other region, each region's function reads its own copy, and may only read it.
     */
    private void requireApiKeys(software.amazon.awscdk.services.lambda.Function entryFunction, String secretName, String otherRegion,
                                RegionKey key) {
        String secretArn;
        String grantedArn;
        if (spec.primary()) {
            ReplicatedSecret keys = new ReplicatedSecret(this, "ApiKeys", secretName, otherRegion, key.key(), null,
                    "API keys of the clients of the load balancer path, a JSON object of key id -> key; replace the generated placeholder"
                            + " (put-secret-value)",
                    "Clients' API keys are rotated by the operator with each client (put-secret-value with old and new key side by side "
                            + "until the client has switched), not by a rotation function that could not hand the new key to the client; "
                            + "the secret is encrypted with this region's customer key.");
            secretArn = keys.secret().getSecretArn();
            grantedArn = secretArn;
            // the secret's customer key, for this region's copy (the replica uses the other region's Secrets Manager key)
            key.key().grantDecrypt(entryFunction);
        } else {
            // the replica has the writer's name; its ARN's random suffix is unknown here, so grant the name's six-character suffixes
            secretArn = Secret.fromSecretNameV2(this, "ApiKeys", secretName).getSecretArn();
            grantedArn = secretArn + "-??????";
        }
        entryFunction.addEnvironment(RuntimeVariable.PAYMENTS_API_KEYS_SECRET_ARN.name(), secretArn);
        entryFunction.addToRolePolicy(PolicyStatement.Builder.create().actions(List.of("secretsmanager:GetSecretValue"))
                .resources(List.of(grantedArn)).build());
    }

    private static void grantRuntime(IGrantable grantee, GlobalDatabase database, ReplicatedBucket bucket,
                                     Optional<ITableV2> table, Optional<PaymentEventBus> bus) {
        if (database != null) {
            database.secret().grantRead(grantee);
        }
        bucket.bucket().grantReadWrite(grantee);
        table.ifPresent(t -> t.grantReadWriteData(grantee));
        bus.ifPresent(events -> events.bus().grantPutEventsTo(grantee));
    }

    private void output(Output output, String value) {
        String key = spec.outputKey(output);
        CfnOutput.Builder.create(this, output.name()).key(key).value(value).description(output.description()).build();
        // the failover reads its outputs by the contract's keys, whatever the document calls them
        output.failover().filter(contract -> !contract.key().equals(key)).ifPresent(contract -> CfnOutput.Builder
                .create(this, output.name() + "ForFailover").key(contract.key()).value(value)
                .description(output.description() + " (the key the failover reads)").build());
    }

    /** The readiness URL of the service behind its ALB (HTTPS when the ALB has a certificate). */
    private static String healthUrlOf(PaymentService svc) {
        return (svc.https() ? "https://" : "http://") + svc.loadBalancer().getLoadBalancerDnsName() + "/health/ready";
    }

    /**
     * The one failover orchestrator on Lambda in this region: the state table (created by the primary stack), the
     * trigger with the monitor and the readiness tester the spec asks for, the workflow around the trigger, outputs.
     */
    private void composeFailover(Builder b, RegionKey key, ReplicatedBucket bucket, Observability observability) {
        FailoverComposition failover = new FailoverComposition(b.settings, b.naming, spec);
        if (spec.primary()) {
            failover.stateTable(this);
        }
        String here = spec.region();
        String other = b.otherRegion;
        Optional<String> healthUrl = service != null ? Optional.of(healthUrlOf(service))
                : functions == null ? Optional.empty()
                : functions.api().map(api -> api.urlForPath("/health/ready")).or(() -> functions.healthUrl().map(u -> u.getUrl()));
        Optional<List<String>> recordTarget = b.settings.dns().flatMap(d -> service != null
                ? Optional.of(List.of(service.loadBalancer().getLoadBalancerDnsName(),
                        service.loadBalancer().getLoadBalancerCanonicalHostedZoneId()))
                : apiDomainAlias());
        FailoverComposition.Probe probe = service != null ? FailoverComposition.Probe.SERVICE
                : functions != null && functions.api().isPresent() ? FailoverComposition.Probe.SIGNED_REST_API
                : FailoverComposition.Probe.NONE;
        Map<String, String> resources = failover.resources(database, healthUrl, recordTarget,
                spec.service().map(s -> s.capacity().minTasks()), probe);
        String ownBucket = b.naming.of(Name.BUCKET, here);
        String otherBucket = b.naming.of(Name.BUCKET, other);
        String zoneId = createdZone != null ? createdZone.getHostedZoneId() : b.zoneId();
        FailoverFunctions functionsHere = failover.functions(this, FunctionSettings.builder().code(b.artifacts.lambdaCode().get())
                        .key(key.key()).logRetention(spec.logRetention()).build(), resources,
                failover.access(database, Optional.ofNullable(zoneId), probe, ownBucket, otherBucket,
                        b.settings.globalAccelerator() || b.accelerated),
                failover.readiness(ownBucket, otherBucket));
        observability.watchDeadLetters("failover-trigger-failed-events",
                functionsHere.failedEvents().metricApproximateNumberOfMessagesVisible());
        output(Output.FAILOVER_STATE_TABLE, b.naming.of(Name.FAILOVER_TABLE));
        output(Output.FAILOVER_TRIGGER, functionsHere.trigger().getFunctionName());
        functionsHere.monitor().ifPresent(m -> output(Output.HEALTH_MONITOR, m.getFunctionName()));
        functionsHere.readiness().ifPresent(r -> output(Output.READINESS_TESTER, r.getFunctionName()));
        recordTarget.ifPresent(t -> {
            output(Output.RECORD_TARGET, t.get(0));
            output(Output.RECORD_TARGET_ZONE, t.get(1));
        });
        if (spec.failoverWorkflow()) {
            FailoverWorkflow workflow = FailoverWorkflow.Builder.create(this, "Failover").name(b.naming.of(Name.WORKFLOW, here))
                    .trigger(functionsHere.trigger()).key(key.key()).logRetention(spec.logRetention()).build();
            output(Output.FAILOVER_STATE_MACHINE_ARN, workflow.stateMachine().getStateMachineArn());
        }
    }

    /** The spec this stack was composed from. */
    public RegionSpec spec() {
        return spec;
    }

    /** The VPC and subnets. */
    public Network network() {
        return network;
    }

    /** Alarms, topic and dashboard of this region. */
    public Observability observability() {
        return observability;
    }

    /** The payment service, when the spec has one. */
    public Optional<PaymentService> service() {
        return Optional.ofNullable(service);
    }

    /** The payment functions, when the spec has them. */
    public Optional<PaymentFunctions> functions() {
        return Optional.ofNullable(functions);
    }

    /** The ALB in front of the payment function, when the blueprint asked for one. */
    public Optional<FunctionLoadBalancer> functionEntry() {
        return Optional.ofNullable(functionEntry);
    }

    /** This region's global database member, when the spec has one. */
    public Optional<GlobalDatabase> database() {
        return Optional.ofNullable(database);
    }

    /** Id of the hosted zone this stack created from domainName, when it did. */
    public Optional<String> createdZoneId() {
        return Optional.ofNullable(createdZone).map(IHostedZone::getHostedZoneId);
    }

    /** Alias target (DNS name, hosted zone) of the REST API's custom domain, when there is one. */
    public Optional<List<String>> apiDomainAlias() {
        return apiDomainTarget == null ? Optional.empty() : Optional.of(List.of(apiDomainTarget, apiDomainZone));
    }

    /**
     * Builder of {@link RegionalStack}: {@code RegionalStack.Builder.create(app, "Primary").spec(spec).settings(settings)
     * .naming(naming).artifacts(artifacts).build()}; a secondary adds {@code .writer(primaryStack)}.
     */
    public static final class Builder {
        private final Construct scope;
        private final String id;
        private RegionSpec spec;
        private DrSettings settings;
        private Naming naming;
        private Artifacts artifacts;
        private RegionalStack writerStack;
        private String otherRegion;
        private boolean createZone;
        private String zoneId;
        private String recordName;
        private boolean functionLoadBalancer;
        private boolean accelerated;
        private int promotedMinTasks;

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /** Starts the stack {@code id} in {@code scope} (the app). */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** What the region contains. */
        public Builder spec(RegionSpec value) { this.spec = value; return this; }
        /** Validated context of the synthesis. */
        public Builder settings(DrSettings value) { this.settings = value; return this; }
        /** Physical names. */
        public Builder naming(Naming value) { this.naming = value; return this; }
        /** Lambda code and container image. */
        public Builder artifacts(Artifacts value) { this.artifacts = value; return this; }
        /** For a secondary: the primary's stack (its cluster is joined, its secret's replica read). */
        public Builder writer(RegionalStack primary) { this.writerStack = primary; return this; }
        /** Creates a public hosted zone from domainName when the context gives no hostedZoneId (seed 000). */
        public Builder createZoneWhenMissing() { this.createZone = true; return this; }
        /** Puts an internet-facing ALB in front of the payment function (the Global Accelerator's endpoint). */
        public Builder functionLoadBalancer() { this.functionLoadBalancer = true; return this; }
        /** The global stack puts a Global Accelerator in front of this region (even without the globalAccelerator setting). */
        public Builder accelerated() { this.accelerated = true; return this; }

        String zoneId() { return zoneId; }

        /** Validates the combination and creates the stack. */
        public RegionalStack build() {
            if (spec == null || settings == null || naming == null || artifacts == null) {
                throw new IllegalArgumentException("RegionalStack " + id + " needs spec, settings, naming and artifacts");
            }
            otherRegion = settings.otherRegion(spec.region());
            if (!spec.primary() && writerStack == null) {
                throw new IllegalArgumentException("the secondary stack " + id + " needs writer(primaryStack)");
            }
            if (writerStack != null) {
                if (writerStack.spec().database().map(d -> d.engine()).orElse(null) != spec.database().map(d -> d.engine()).orElse(null)) {
                    throw new IllegalArgumentException("both regions of a global database need the same engine; primary "
                            + writerStack.spec().database().map(d -> d.engine().name()).orElse("none") + ", secondary "
                            + spec.database().map(d -> d.engine().name()).orElse("none"));
                }
                if (writerStack.spec().cidr().equals(spec.cidr())) {
                    throw new IllegalArgumentException("the two regions' VPCs need different CIDR blocks (both are " + spec.cidr()
                            + "), so they can be peered and addresses stay unambiguous in flow logs");
                }
            }
            if (functionLoadBalancer && (spec.functions().isEmpty() || !spec.webFirewall())) {
                throw new IllegalArgumentException("functionLoadBalancer() needs functions(..) and the web firewall in the spec");
            }
            if ((spec.service().isPresent() || functionLoadBalancer) && spec.natGateways() == 0 && spec.service().isPresent()) {
                throw new IllegalArgumentException("the ECS service runs its tasks in private subnets with egress: natGateways must be at least 1");
            }
            settings.dns().ifPresent(dns -> {
                recordName = dns.apiRecordName();
                if (dns.hostedZoneId().isPresent()) {
                    zoneId = dns.hostedZoneId().get();
                } else if (!createZone && (writerStack == null || writerStack.createdZoneId().isEmpty())) {
                    throw new IllegalArgumentException("domainName " + dns.domainName() + " needs hostedZoneId: this blueprint does "
                            + "not create hosted zones; pass -c hostedZoneId=Z...");
                } else if (writerStack != null && writerStack.createdZoneId().isPresent()) {
                    zoneId = writerStack.createdZoneId().get();
                }
            });
            promotedMinTasks = writerStack != null && writerStack.spec().service().isPresent()
                    ? writerStack.spec().service().get().capacity().minTasks()
                    : spec.service().map(s -> s.capacity().minTasks()).orElse(0);
            if (createZone && writerStack != null) {
                createZone = false;
            }
            return new RegionalStack(this);
        }
    }
}
