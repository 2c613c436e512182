package dev.paymentsdr.aws.failover.config;

import dev.paymentsdr.contract.FailoverKeys;
import dev.paymentsdr.failover.domain.model.RegionId;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Every AWS resource the failover acts on, parsed and validated in one place from {@code key=value}
 * settings (a {@code --config} file, stack outputs, or both). A bad or missing value is reported with its
 * key, what was found and what is accepted, all problems at once.
 *
 * @param regions          the two regions, the one that is primary in the deployment first
 * @param stateTable       DynamoDB table of the lease and the execution log (key {@code pk}, sort key {@code sk})
 * @param stateTableRegion the one region whose table the lease is taken in (conditional writes do not
 *                         coordinate across the replicas of a global table)
 * @param probe            how a validation payment is sent
 * @param dns              the failover records, when the deployment has a hosted zone
 * @param accelerator      the Global Accelerator's endpoint groups, when the deployment has one
 */
public record FailoverResources(List<RegionId> regions, String globalClusterId, String stateTable,
                                RegionId stateTableRegion, Probe probe, Optional<DnsRecords> dns,
                                Map<RegionId, RegionResources> byRegion, Optional<Accelerator> accelerator) {
    public static final String REGIONS = FailoverKeys.REGIONS;
    public static final String GLOBAL_CLUSTER = FailoverKeys.GLOBAL_CLUSTER;
    public static final String STATE_TABLE = FailoverKeys.STATE_TABLE;
    public static final String STATE_TABLE_REGION = FailoverKeys.STATE_TABLE_REGION;
    public static final String PROBE_URL = FailoverKeys.PROBE_URL;
    public static final String PROBE_PAYMENTS_PATH = FailoverKeys.PROBE_PAYMENTS_PATH;
    public static final String PROBE_SIGNING = FailoverKeys.PROBE_SIGNING;
    public static final String HOSTED_ZONE_ID = FailoverKeys.HOSTED_ZONE_ID;
    public static final String RECORD_NAME = FailoverKeys.RECORD_NAME;
    /** Per-region keys are {@code region.<name>.<key>}. */
    public static final String DB_CLUSTER = FailoverKeys.DB_CLUSTER;
    public static final String ECS_CLUSTER = FailoverKeys.ECS_CLUSTER;
    public static final String ECS_SERVICE = FailoverKeys.ECS_SERVICE;
    public static final String HEALTH_URL = FailoverKeys.HEALTH_URL;
    public static final String HEALTH_CHECK_ID = FailoverKeys.HEALTH_CHECK_ID;
    public static final String ALERT_TOPIC_ARN = FailoverKeys.ALERT_TOPIC_ARN;
    public static final String ALIAS_DNS_NAME = FailoverKeys.ALIAS_DNS_NAME;
    public static final String ALIAS_HOSTED_ZONE_ID = FailoverKeys.ALIAS_HOSTED_ZONE_ID;
    public static final String MIN_TASKS = FailoverKeys.MIN_TASKS;
    public static final String ACCELERATOR_ENDPOINT_GROUP = FailoverKeys.ACCELERATOR_ENDPOINT_GROUP;

    private static final Pattern CLUSTER_ID = Pattern.compile("[a-zA-Z][a-zA-Z0-9-]{0,62}");
    private static final Pattern ECS_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}|arn:aws[a-z-]*:ecs:[a-z0-9-]+:\\d{12}:[A-Za-z0-9/_-]+");
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final Pattern HEALTH_CHECK = Pattern.compile("[0-9a-fA-F-]{1,64}");
    private static final Pattern TOPIC_ARN = Pattern.compile("arn:aws[a-z-]*:sns:([a-z0-9-]+):\\d{12}:[A-Za-z0-9_-]{1,256}");
    private static final Pattern ENDPOINT_GROUP_ARN = Pattern.compile(
            "(arn:aws[a-z-]*:globalaccelerator::\\d{12}:accelerator/[A-Za-z0-9-]{1,64})/listener/[A-Za-z0-9]{1,64}/endpoint-group/[A-Za-z0-9]{1,64}");
    private static final Pattern ZONE_ID = Pattern.compile("[A-Z0-9]{1,32}");
    private static final Pattern DNS_NAME = Pattern.compile("(?=.{1,253}\\.?$)([A-Za-z0-9_*](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.?");

    public FailoverResources {
        regions = List.copyOf(regions);
        byRegion = Map.copyOf(byRegion);
        accelerator = accelerator == null ? Optional.empty() : accelerator;
    }

    /** The resources of one region; an error naming the configured regions when it is not one of them. */
    public RegionResources region(RegionId region) {
        RegionResources found = byRegion.get(region);
        if (found == null) {
            throw new IllegalArgumentException("no region '" + region + "' in the failover resources; regions are " + regions);
        }
        return found;
    }

    /** Parses and validates settings; {@code source} names where they came from, for the error message. */
    public static FailoverResources parse(Map<String, String> settings, String source) {
        Reader in = new Reader(settings);
        List<RegionId> regions = in.regions();
        String globalCluster = in.required(GLOBAL_CLUSTER, CLUSTER_ID, "1-63 letters, digits and '-', starting with a letter");
        String table = in.required(STATE_TABLE, TABLE, "3-255 of A-Z a-z 0-9 _ . -");
        RegionId tableRegion = in.optional(STATE_TABLE_REGION).map(v -> in.region(STATE_TABLE_REGION, v))
                .orElse(regions.isEmpty() ? null : regions.get(regions.size() - 1));
        Probe probe = in.probe();
        Optional<String> zone = in.optional(HOSTED_ZONE_ID).map(v -> in.check(HOSTED_ZONE_ID, v, ZONE_ID,
                "a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ"));
        Optional<String> record = in.optional(RECORD_NAME).map(v -> in.check(RECORD_NAME, v, DNS_NAME, "a DNS name"));
        if (zone.isPresent() != record.isPresent()) {
            in.problem(zone.isPresent() ? RECORD_NAME : HOSTED_ZONE_ID, "missing: " + HOSTED_ZONE_ID + " and "
                    + RECORD_NAME + " go together (both for failover records, neither for health checks only)");
        }
        Map<RegionId, RegionResources> byRegion = new LinkedHashMap<>();
        for (RegionId region : regions) {
            byRegion.put(region, in.regionResources(region, zone.isPresent()));
        }
        if (tableRegion != null && !regions.contains(tableRegion)) {
            in.problem(STATE_TABLE_REGION, "'" + tableRegion + "' is not one of the regions " + regions);
        }
        Optional<Accelerator> accelerator = in.accelerator(regions);
        in.failIfAny(source);
        Optional<DnsRecords> dns = zone.map(z -> new DnsRecords(z, record.orElseThrow()));
        return new FailoverResources(regions, globalCluster, table, tableRegion, probe, dns, byRegion, accelerator);
    }

    /** Lines for a dry run: what was found, never a secret (there are none here). */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("global cluster " + globalClusterId + "; state table " + stateTable + " in " + stateTableRegion
                + "; probe " + probe.describe() + dns.map(d -> "; failover records " + d.recordName() + " in zone "
                + d.hostedZoneId()).orElse("; no failover records (health checks only)")
                + accelerator.map(a -> "; Global Accelerator " + a.acceleratorArn()).orElse("; no Global Accelerator"));
        for (RegionId region : regions) {
            lines.add(region + ": " + byRegion.get(region).describe());
        }
        return lines;
    }

    /**
     * How the validate step sends its payment.
     *
     * @param globalUrl    the global endpoint; empty: the active region's own endpoint (its readiness URL's base)
     * @param paymentsPath the payments collection under the endpoint, without a leading '/'
     * @param signed       SigV4-sign the requests for {@code execute-api} (an IAM-authorized API Gateway)
     */
    public record Probe(Optional<URI> globalUrl, String paymentsPath, boolean signed) {
        /** The service's own path, unsigned (an ALB in front of the container). */
        public static final String SERVICE_PATH = "v1/payments";

        String describe() {
            return globalUrl.map(URI::toString).orElse("the active region's endpoint") + " /" + paymentsPath
                    + (signed ? " (SigV4, execute-api)" : "");
        }
    }

    /**
     * The Global Accelerator in front of both regions: its endpoint group per region, whose traffic dials the
     * failover moves.
     */
    public record Accelerator(String acceleratorArn, Map<RegionId, String> endpointGroups) {
        public Accelerator {
            endpointGroups = Map.copyOf(endpointGroups);
        }
    }

    /** The failover records of the payment API's global name. */
    public record DnsRecords(String hostedZoneId, String recordName) {
    }

    /**
     * What one region has.
     *
     * @param ecs       the payment service's ECS cluster and service; empty for a serverless region (Lambda scales by itself)
     * @param healthUrl the payment service's readiness URL; empty for a database-only design (no payment endpoint: the
     *                  region serves when its database is the writer)
     */
    public record RegionResources(String dbClusterId, Optional<EcsService> ecs, Optional<URI> healthUrl, String healthCheckId,
                                  String alertTopicArn, Optional<Alias> alias, int minTasks) {
        String describe() {
            return "db cluster " + dbClusterId + ecs.map(e -> ", ECS " + e.cluster() + "/" + e.service() + " (at least "
                    + minTasks + " tasks)").orElse(", no ECS service (serverless)")
                    + healthUrl.map(u -> ", health " + u).orElse(", no payment endpoint (the database is the service)")
                    + ", Route 53 check " + healthCheckId + ", topic " + alertTopicArn
                    + alias.map(a -> ", record target " + a.dnsName()).orElse("");
        }
    }

    /** The payment service of a region on ECS. */
    public record EcsService(String cluster, String service) {
    }

    /** The alias target of a region's failover record (its load balancer). */
    public record Alias(String dnsName, String hostedZoneId) {
    }

    /** Reads keys and collects every problem. */
    private static final class Reader {
        private final Map<String, String> settings;
        private final Map<String, String> problems = new TreeMap<>();

        Reader(Map<String, String> settings) {
            this.settings = settings;
        }

        Optional<String> optional(String key) {
            String value = settings.get(key);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }

        String required(String key, Pattern pattern, String accepted) {
            Optional<String> value = optional(key);
            if (value.isEmpty()) {
                problem(key, "missing");
                return null;
            }
            return check(key, value.get(), pattern, accepted);
        }

        String check(String key, String value, Pattern pattern, String accepted) {
            if (!pattern.matcher(value).matches()) {
                problem(key, "'" + value + "' is not valid; accepted: " + accepted);
            }
            return value;
        }

        List<RegionId> regions() {
            Optional<String> value = optional(REGIONS);
            if (value.isEmpty()) {
                problem(REGIONS, "missing (two regions, the deployment's primary first, e.g. us-east-1,us-east-2)");
                return List.of();
            }
            List<RegionId> regions = new ArrayList<>();
            for (String name : value.get().split(",")) {
                RegionId region = region(REGIONS, name.strip());
                if (region != null) {
                    regions.add(region);
                }
            }
            if (regions.size() != 2 || regions.get(0).equals(regions.get(1))) {
                problem(REGIONS, "'" + value.get() + "' must name two different regions, e.g. us-east-1,us-east-2");
                return List.of();
            }
            return regions;
        }

        RegionId region(String key, String name) {
            try {
                return RegionId.of(name);
            } catch (IllegalArgumentException e) {
                problem(key, "'" + name + "' is not a region name such as us-east-1");
                return null;
            }
        }

        Probe probe() {
            URI global = url(PROBE_URL, false);
            String path = optional(PROBE_PAYMENTS_PATH).map(p -> p.startsWith("/") ? p.substring(1) : p)
                    .orElse(Probe.SERVICE_PATH);
            if (!path.matches("[A-Za-z0-9._~/-]{1,200}") || path.endsWith("/") || path.contains("//")) {
                problem(PROBE_PAYMENTS_PATH, "'" + path + "' is not a path such as v1/payments or payments");
            }
            String signing = optional(PROBE_SIGNING).orElse("none");
            if (!signing.equals("none") && !signing.equals("execute-api")) {
                problem(PROBE_SIGNING, "'" + signing + "' is not none or execute-api");
            }
            return new Probe(Optional.ofNullable(global), path, signing.equals("execute-api"));
        }

        URI url(String key, boolean required) {
            Optional<String> value = optional(key);
            if (value.isEmpty()) {
                if (required) {
                    problem(key, "missing (an http or https URL)");
                }
                return null;
            }
            try {
                URI uri = URI.create(value.get());
                if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException("not an absolute http(s) URL");
                }
                return uri;
            } catch (IllegalArgumentException e) {
                problem(key, "'" + value.get() + "' is not an absolute http or https URL");
                return null;
            }
        }

        RegionResources regionResources(RegionId region, boolean records) {
            String p = "region." + region + ".";
            String db = required(p + DB_CLUSTER, CLUSTER_ID, "an Aurora cluster identifier");
            Optional<String> cluster = optional(p + ECS_CLUSTER).map(v -> check(p + ECS_CLUSTER, v, ECS_NAME,
                    "an ECS cluster name or ARN"));
            Optional<String> service = optional(p + ECS_SERVICE).map(v -> check(p + ECS_SERVICE, v, ECS_NAME,
                    "an ECS service name or ARN"));
            if (cluster.isPresent() != service.isPresent()) {
                problem(p + (cluster.isPresent() ? ECS_SERVICE : ECS_CLUSTER), "missing: " + ECS_CLUSTER + " and "
                        + ECS_SERVICE + " go together (both for a service on ECS, neither for a serverless region)");
            }
            Optional<URI> health = Optional.ofNullable(url(p + HEALTH_URL, false));
            if (health.isEmpty() && optional(p + ECS_SERVICE).isPresent()) {
                problem(p + HEALTH_URL, "missing: a region with an ECS service has a readiness URL (an http or https URL)");
            }
            String check = required(p + HEALTH_CHECK_ID, HEALTH_CHECK, "a Route 53 health check id");
            String topic = required(p + ALERT_TOPIC_ARN, TOPIC_ARN, "an SNS topic ARN in " + region);
            if (topic != null) {
                java.util.regex.Matcher m = TOPIC_ARN.matcher(topic);
                if (m.matches() && !m.group(1).equals(region.name())) {
                    problem(p + ALERT_TOPIC_ARN, "'" + topic + "' is in " + m.group(1) + ", not in " + region);
                }
            }
            Optional<String> aliasName = optional(p + ALIAS_DNS_NAME).map(v -> check(p + ALIAS_DNS_NAME, v, DNS_NAME, "a DNS name"));
            Optional<String> aliasZone = optional(p + ALIAS_HOSTED_ZONE_ID).map(v -> check(p + ALIAS_HOSTED_ZONE_ID, v, ZONE_ID,
                    "the load balancer's canonical hosted zone id"));
            if (records && (aliasName.isEmpty() || aliasZone.isEmpty())) {
                problem(p + (aliasName.isEmpty() ? ALIAS_DNS_NAME : ALIAS_HOSTED_ZONE_ID),
                        "missing: failover records need the region's alias target (load balancer DNS name and its hosted zone id)");
            }
            int minTasks = 1;
            Optional<String> tasks = optional(p + MIN_TASKS);
            if (tasks.isPresent()) {
                try {
                    minTasks = Integer.parseInt(tasks.get());
                    if (minTasks < 1 || minTasks > 1000) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    problem(p + MIN_TASKS, "'" + tasks.get() + "' is not a whole number 1-1000");
                }
            }
            Optional<Alias> alias = aliasName.isPresent() && aliasZone.isPresent()
                    ? Optional.of(new Alias(aliasName.get(), aliasZone.get())) : Optional.empty();
            Optional<EcsService> ecs = cluster.isPresent() && service.isPresent()
                    ? Optional.of(new EcsService(cluster.get(), service.get())) : Optional.empty();
            return new RegionResources(db, ecs, health, check, topic, alias, minTasks);
        }

        /** Both regions' endpoint groups of one accelerator, or neither (Route 53 only). */
        Optional<Accelerator> accelerator(List<RegionId> regions) {
            Map<RegionId, String> groups = new LinkedHashMap<>();
            Map<RegionId, String> accelerators = new LinkedHashMap<>();
            for (RegionId region : regions) {
                String key = FailoverKeys.regional(region.name(), ACCELERATOR_ENDPOINT_GROUP);
                optional(key).ifPresent(arn -> {
                    java.util.regex.Matcher m = ENDPOINT_GROUP_ARN.matcher(arn);
                    if (m.matches()) {
                        groups.put(region, arn);
                        accelerators.put(region, m.group(1));
                    } else {
                        problem(key, "'" + arn + "' is not valid; accepted: a Global Accelerator endpoint group ARN such as "
                                + "arn:aws:globalaccelerator::123456789012:accelerator/ID/listener/ID/endpoint-group/ID");
                    }
                });
            }
            boolean some = regions.stream().anyMatch(r -> optional(FailoverKeys.regional(r.name(), ACCELERATOR_ENDPOINT_GROUP))
                    .isPresent());
            if (!some) {
                return Optional.empty();
            }
            for (RegionId region : regions) {
                String key = FailoverKeys.regional(region.name(), ACCELERATOR_ENDPOINT_GROUP);
                if (optional(key).isEmpty()) {
                    problem(key, "missing: an accelerator needs the endpoint group of every region (both for Global "
                            + "Accelerator dials, neither for Route 53 only)");
                }
            }
            if (groups.size() != regions.size() || regions.isEmpty()) {
                return Optional.empty();
            }
            if (new java.util.HashSet<>(accelerators.values()).size() != 1) {
                problem(FailoverKeys.regional(regions.get(1).name(), ACCELERATOR_ENDPOINT_GROUP), "the endpoint groups belong to "
                        + "different accelerators " + accelerators.values() + "; the failover dials the groups of one accelerator");
                return Optional.empty();
            }
            return Optional.of(new Accelerator(accelerators.values().iterator().next(), groups));
        }

        void problem(String key, String message) {
            problems.putIfAbsent(key, message);
        }

        void failIfAny(String source) {
            if (!problems.isEmpty()) {
                StringBuilder text = new StringBuilder("failover resources from " + source + " are incomplete or invalid:");
                problems.forEach((key, message) -> text.append("\n  ").append(key).append(": ").append(message));
                throw new InvalidResourcesException(text.toString());
            }
        }
    }

    /** Settings that name no usable resources; the message lists every problem. */
    public static final class InvalidResourcesException extends IllegalArgumentException {
        public InvalidResourcesException(String message) {
            super(message);
        }
    }
}
