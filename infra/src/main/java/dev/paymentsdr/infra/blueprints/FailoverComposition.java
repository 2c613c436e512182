package dev.paymentsdr.infra.blueprints;

import dev.paymentsdr.contract.FailoverKeys;
import dev.paymentsdr.infra.blueprints.Naming.Name;
import dev.paymentsdr.infra.config.DrSettings;
import dev.paymentsdr.infra.constructs.FailoverFunctions;
import dev.paymentsdr.infra.constructs.FunctionSettings;
import dev.paymentsdr.infra.constructs.GlobalDatabase;
import dev.paymentsdr.infra.constructs.GlobalTable;
import dev.paymentsdr.infra.spec.RegionSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Aws;

/**
 * What a regional stack needs to run the one failover orchestrator on Lambda: the failover state table (a global
 * table the primary stack creates), and the failover functions with an environment that names this deployment's
 * resources and the stacks whose outputs name the rest, and with access to exactly those resources.
 */
final class FailoverComposition {
    private final DrSettings settings;
    private final Naming naming;
    private final RegionSpec spec;

    FailoverComposition(DrSettings settings, Naming naming, RegionSpec spec) {
        this.settings = settings;
        this.naming = naming;
        this.spec = spec;
    }

    /** The state table of the lease and execution log, created once (by the primary stack) with a replica in the other region. */
    GlobalTable stateTable(RegionalStack stack) {
        return GlobalTable.Builder.create(stack, "FailoverState").tableName(naming.of(Name.FAILOVER_TABLE))
                .replicaRegion(settings.otherRegion(spec.region())).deletionProtection(settings.deletionProtection()).build();
    }

    /**
     * The resources this region's stack can name at synthesis: both regions' clusters, services and topics by the names
     * both derive from the suffix; this region's readiness URL, record target and floor. The other region's readiness
     * URL and record target, the health checks and the DNS name come from the stacks' outputs.
     */
    Map<String, String> resources(GlobalDatabase database, Optional<String> healthUrl, Optional<List<String>> recordTarget,
                                  Optional<Integer> minTasks, Probe probe) {
        Map<String, String> resources = new LinkedHashMap<>();
        resources.put(FailoverKeys.REGIONS, settings.primaryRegion() + "," + settings.secondaryRegion());
        resources.put(FailoverKeys.GLOBAL_CLUSTER, database.globalClusterIdentifier());
        resources.put(FailoverKeys.STATE_TABLE, naming.of(Name.FAILOVER_TABLE));
        resources.put(FailoverKeys.STATE_TABLE_REGION, settings.secondaryRegion());
        for (String region : regions()) {
            resources.put(FailoverKeys.regional(region, FailoverKeys.DB_CLUSTER), naming.of(Name.DB_CLUSTER, region));
            if (spec.service().isPresent()) {
                resources.put(FailoverKeys.regional(region, FailoverKeys.ECS_CLUSTER), naming.of(Name.ECS_CLUSTER, region));
                resources.put(FailoverKeys.regional(region, FailoverKeys.ECS_SERVICE), naming.of(Name.ECS_SERVICE, region));
            }
            resources.put(FailoverKeys.regional(region, FailoverKeys.ALERT_TOPIC_ARN), topicArn(region));
        }
        String here = spec.region();
        healthUrl.ifPresent(url -> resources.put(FailoverKeys.regional(here, FailoverKeys.HEALTH_URL), url));
        recordTarget.ifPresent(t -> {
            resources.put(FailoverKeys.regional(here, FailoverKeys.ALIAS_DNS_NAME), t.get(0));
            resources.put(FailoverKeys.regional(here, FailoverKeys.ALIAS_HOSTED_ZONE_ID), t.get(1));
        });
        minTasks.ifPresent(n -> resources.put(FailoverKeys.regional(here, FailoverKeys.MIN_TASKS), Integer.toString(n)));
        if (probe == Probe.SIGNED_REST_API) {
            resources.put(FailoverKeys.PROBE_PAYMENTS_PATH, "payments");
            resources.put(FailoverKeys.PROBE_SIGNING, "execute-api");
        }
        return resources;
    }

    /** How the validate step reaches the payment API. */
    enum Probe {
        /** The payment service behind its ALB: {@code /v1/payments}, unsigned. */
        SERVICE,
        /** The REST API: {@code /payments}, IAM-authorized, so SigV4-signed. */
        SIGNED_REST_API,
        /** No payment endpoint: the new writer is verified at Aurora. */
        NONE
    }

    /** The three stacks whose outputs name the rest, as {@code REGION/STACK}. */
    Map<String, String> stacks() {
        Map<String, String> stacks = new LinkedHashMap<>();
        stacks.put("primary", settings.primaryRegion() + "/" + naming.of(Name.PRIMARY_STACK));
        stacks.put("secondary", settings.secondaryRegion() + "/" + naming.of(Name.SECONDARY_STACK));
        stacks.put("global", GlobalStack.REGION + "/" + naming.of(Name.GLOBAL_STACK));
        return stacks;
    }

    /** Exactly what the functions' code touches, in this deployment. */
    FailoverFunctions.Access access(GlobalDatabase database, Optional<String> hostedZoneId, Probe probe, String ownBucket,
                                    String otherBucket, boolean accelerator) {
        List<String> clusters = new ArrayList<>();
        List<String> services = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> apis = new ArrayList<>();
        List<String> sessions = new ArrayList<>();
        for (String region : regions()) {
            clusters.add(arn("rds", region, "cluster:" + naming.of(Name.DB_CLUSTER, region)));
            spec.service().ifPresent(s -> services.add(arn("ecs", region, "service/" + naming.of(Name.ECS_CLUSTER, region) + "/"
                    + naming.of(Name.ECS_SERVICE, region))));
            tables.add(arn("dynamodb", region, "table/" + naming.of(Name.FAILOVER_TABLE)));
            topics.add(topicArn(region));
            keys.add(arn("kms", region, "key/*"));
            if (probe == Probe.SIGNED_REST_API) {
                apis.add(arn("execute-api", region, "*/*/POST/payments"));
                apis.add(arn("execute-api", region, "*/*/GET/payments/*"));
            }
            if (spec.globalTable()) {
                sessions.add(arn("dynamodb", region, "table/" + naming.of(Name.TABLE)));
            }
        }
        List<String> stacks = List.of(stackArn(settings.primaryRegion(), naming.of(Name.PRIMARY_STACK)),
                stackArn(settings.secondaryRegion(), naming.of(Name.SECONDARY_STACK)),
                stackArn(GlobalStack.REGION, naming.of(Name.GLOBAL_STACK)));
        String s3 = "arn:" + Aws.PARTITION + ":s3:::";
        return new FailoverFunctions.Access("arn:" + Aws.PARTITION + ":rds::" + Aws.ACCOUNT_ID + ":global-cluster:"
                + database.globalClusterIdentifier(), clusters, services, tables,
                arn("dynamodb", spec.region(), "table/" + naming.of(Name.FAILOVER_TABLE)), spec.region(), topics, keys,
                naming.of(Name.KEY_ALIAS), stacks,
                hostedZoneId.map(z -> "arn:" + Aws.PARTITION + ":route53:::hostedzone/" + z), apis, sessions,
                Optional.of(s3 + ownBucket), List.of(s3 + otherBucket), accelerator);
    }

    /** The monitor, when the spec asks for it: its lag alert is the replication-lag alarm's bound. */
    Optional<FailoverFunctions.Monitor> monitor() {
        return spec.healthMonitor() ? Optional.of(new FailoverFunctions.Monitor(naming.of(Name.HEALTH_MONITOR, spec.region()),
                settings.automaticFailover(), spec.alarms().replicationLag().map(d -> java.time.Duration.ofMillis(d.toMilliseconds()
                        .longValue())))) : Optional.empty();
    }

    /** The readiness tester, when the spec asks for it: canaries through the global table and the replicated buckets. */
    Optional<FailoverFunctions.Readiness> readiness(String ownBucket, String otherBucket) {
        if (!spec.readinessTester()) {
            return Optional.empty();
        }
        Map<String, String> buckets = new LinkedHashMap<>();
        buckets.put(spec.region(), ownBucket);
        buckets.put(settings.otherRegion(spec.region()), otherBucket);
        return Optional.of(new FailoverFunctions.Readiness(naming.of(Name.READINESS_TESTER, spec.region()),
                spec.globalTable() ? Optional.of(naming.of(Name.TABLE)) : Optional.empty(), buckets));
    }

    /** The functions, with their settings. */
    FailoverFunctions functions(RegionalStack stack, FunctionSettings settings, Map<String, String> resources,
                                FailoverFunctions.Access access, Optional<FailoverFunctions.Readiness> readiness) {
        FailoverFunctions.Builder functions = FailoverFunctions.Builder.create(stack, "FailoverFunctions").settings(settings)
                .trigger(naming.of(Name.FAILOVER_TRIGGER, spec.region())).resources(resources).stacks(stacks()).access(access);
        monitor().ifPresent(functions::monitor);
        readiness.ifPresent(functions::readiness);
        return functions.build();
    }

    private List<String> regions() {
        return List.of(settings.primaryRegion(), settings.secondaryRegion());
    }

    private String topicArn(String region) {
        return arn("sns", region, naming.of(Name.ALERT_TOPIC, region));
    }

    private static String arn(String service, String region, String resource) {
        return "arn:" + Aws.PARTITION + ":" + service + ":" + region + ":" + Aws.ACCOUNT_ID + ":" + resource;
    }

    private static String stackArn(String region, String name) {
        return arn("cloudformation", region, "stack/" + name + "/*");
    }
}
