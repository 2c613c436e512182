package dev.paymentsdr.aws.failover.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.paymentsdr.aws.failover.AwsClients;
import dev.paymentsdr.aws.failover.config.FailoverResources;
import dev.paymentsdr.aws.failover.state.StateTable;
import dev.paymentsdr.aws.failover.traffic.GlobalAcceleratorApi;
import dev.paymentsdr.aws.testing.MotoServer;
import dev.paymentsdr.contract.KeyValues;
import dev.paymentsdr.contract.RuntimeVariable;
import dev.paymentsdr.failover.domain.model.RegionId;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.rds.model.GlobalClusterMember;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.HealthCheckType;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.ResourceRecordSetFailover;

/**
 * Both regions of a deployment created in moto, under names of their own (so several worlds share one
 * server): an Aurora global cluster with a writer in us-east-1 and a secondary in us-east-2, ECS services,
 * SNS topics, the state table, a hosted zone with failover records and a health check per region.
 *
 * <p>Only the payment service itself is not AWS: each region's service is a small HTTP endpoint in this JVM
 * that is ready exactly when moto reports that region's cluster as the writer (as the real service is ready
 * only on a writable database), and the global endpoint sends each request to the region Route 53 would
 * answer with (the PRIMARY record unless its health check is inverted, else the SECONDARY).
 */
public final class AwsWorld implements AutoCloseable {
    public static final RegionId EAST_1 = RegionId.of("us-east-1");
    public static final RegionId EAST_2 = RegionId.of("us-east-2");
    private static final String ALB_ZONE = "Z35SXDOTRQ7X7K";
    private static final String OPERATION_MODEL = "rds::global-cluster-failover";
    private static final String ACCELERATOR_MODEL = "globalaccelerator::accelerator";

    private final MotoServer moto;
    private boolean held;
    private boolean acceleratorHeld;

    private final AwsClients clients;
    private final String name;
    private final Map<RegionId, String> clusterIds = new LinkedHashMap<>();
    private final Map<RegionId, String> healthChecks = new LinkedHashMap<>();
    private final Map<RegionId, HttpServer> services = new LinkedHashMap<>();
    private final Set<RegionId> down = ConcurrentHashMap.newKeySet();
    private volatile boolean signedPayments;
    private final Map<String, String> payments = new ConcurrentHashMap<>();
    private final HttpServer globalEndpoint;
    private final String zoneId;
    private final Map<String, String> settings = new LinkedHashMap<>();

    public AwsWorld(MotoServer moto) {
        this.moto = moto;
        this.clients = AwsClients.at(moto.endpoint(), moto.credentials());
        this.name = "t" + UUID.randomUUID().toString().substring(0, 8);
        String global = "payments-dr-global-" + name;
        clients.rds(EAST_1).createGlobalCluster(b -> b.globalClusterIdentifier(global).engine("aurora-postgresql")
                .engineVersion("16.4"));
        for (RegionId region : List.of(EAST_1, EAST_2)) {
            String id = "payments-dr-db-" + region + "-" + name;
            clusterIds.put(region, id);
            clients.rds(region).createDBCluster(b -> {
                b.dbClusterIdentifier(id).engine("aurora-postgresql").engineVersion("16.4").globalClusterIdentifier(global);
                if (region.equals(EAST_1)) {
                    b.masterUsername("app").masterUserPassword("not-a-secret-1");
                }
            });
            clients.ecs(region).createCluster(b -> b.clusterName("payments-" + name));
            clients.ecs(region).registerTaskDefinition(b -> b.family("payments-" + name)
                    .containerDefinitions(c -> c.name("api").image("payments-service").memory(512)));
            int tasks = region.equals(EAST_1) ? 4 : 1;
            clients.ecs(region).createService(b -> b.cluster("payments-" + name).serviceName("api-" + name)
                    .taskDefinition("payments-" + name).desiredCount(tasks));
            // moto starts a new service's tasks only on an update; a deployed service runs its tasks
            clients.ecs(region).updateService(b -> b.cluster("payments-" + name).service("api-" + name).desiredCount(tasks));
            String topic = clients.sns(region).createTopic(b -> b.name("ops-" + name)).topicArn();
            services.put(region, service(region));
            String prefix = "region." + region + ".";
            settings.put(prefix + FailoverResources.DB_CLUSTER, id);
            settings.put(prefix + FailoverResources.ECS_CLUSTER, "payments-" + name);
            settings.put(prefix + FailoverResources.ECS_SERVICE, "api-" + name);
            settings.put(prefix + FailoverResources.HEALTH_URL, baseUrl(services.get(region)) + "/health/ready");
            settings.put(prefix + FailoverResources.ALERT_TOPIC_ARN, topic);
            settings.put(prefix + FailoverResources.ALIAS_DNS_NAME, "alb-" + region + "-" + name + ".elb.amazonaws.com");
            settings.put(prefix + FailoverResources.ALIAS_HOSTED_ZONE_ID, ALB_ZONE);
            settings.put(prefix + FailoverResources.MIN_TASKS, "1");
            String check = clients.route53().createHealthCheck(b -> b.callerReference(name + region)
                    .healthCheckConfig(c -> c.type(HealthCheckType.HTTPS).fullyQualifiedDomainName("alb-" + region + ".example")
                            .port(443).resourcePath("/health/ready").requestInterval(10).failureThreshold(3)))
                    .healthCheck().id();
            healthChecks.put(region, check);
            settings.put(prefix + FailoverResources.HEALTH_CHECK_ID, check);
        }
        String table = "payments-dr-failover-" + name;
        // the state table is a global table: a replica in each region (moto replicates nothing; the lease lives in one)
        for (RegionId region : List.of(EAST_1, EAST_2)) {
            clients.dynamoDb(region).createTable(b -> b.tableName(table).billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName(StateTable.PK).attributeType(ScalarAttributeType.S),
                            a -> a.attributeName(StateTable.SK).attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName(StateTable.PK).keyType(KeyType.HASH),
                            k -> k.attributeName(StateTable.SK).keyType(KeyType.RANGE)));
        }
        String domain = name + ".example.test";
        zoneId = clients.route53().createHostedZone(b -> b.name(domain).callerReference(name)).hostedZone().id()
                .replace("/hostedzone/", "");
        String record = "api." + domain;
        clients.route53().changeResourceRecordSets(b -> b.hostedZoneId(zoneId).changeBatch(c -> c.changes(
                change(record, "primary", ResourceRecordSetFailover.PRIMARY, EAST_1),
                change(record, "secondary", ResourceRecordSetFailover.SECONDARY, EAST_2))));
        globalEndpoint = globalEndpoint();
        settings.put(FailoverResources.REGIONS, EAST_1 + "," + EAST_2);
        settings.put(FailoverResources.GLOBAL_CLUSTER, global);
        settings.put(FailoverResources.STATE_TABLE, table);
        settings.put(FailoverResources.STATE_TABLE_REGION, EAST_2.name());
        settings.put(FailoverResources.PROBE_URL, baseUrl(globalEndpoint).toString());
        settings.put(FailoverResources.HOSTED_ZONE_ID, zoneId);
        settings.put(FailoverResources.RECORD_NAME, record);
        setLag(EAST_2, 120);
    }

    private software.amazon.awssdk.services.route53.model.Change change(String record, String setId,
                                                                      ResourceRecordSetFailover role, RegionId region) {
        return software.amazon.awssdk.services.route53.model.Change.builder().action(ChangeAction.CREATE)
                .resourceRecordSet(ResourceRecordSet.builder().name(record).type(RRType.A).setIdentifier(setId).failover(role)
                        .healthCheckId(healthChecks.get(region)).aliasTarget(a -> a.dnsName(settings.get("region." + region + "."
                                + FailoverResources.ALIAS_DNS_NAME)).hostedZoneId(ALB_ZONE).evaluateTargetHealth(true)).build())
                .build();
    }

    public AwsClients clients() {
        return clients;
    }

    /**
     * Adds a Global Accelerator in front of both regions, as the stacks with one deploy it: a TCP listener on 443
     * and an endpoint group per region, us-east-1's dialled to 100 and us-east-2's to 0 (active-passive); its
     * endpoint groups join the settings. Returns the accelerator's ARN.
     */
    public String addAccelerator() {
        GlobalAcceleratorApi api = clients.globalAccelerator();
        String accelerator = api.call("CreateAccelerator", Map.of("Name", "payments-dr-" + name, "IdempotencyToken", name))
                .path("Accelerator").path("AcceleratorArn").asText();
        String listener = api.call("CreateListener", Map.of("AcceleratorArn", accelerator, "Protocol", "TCP",
                "IdempotencyToken", name + "-l", "PortRanges", List.of(Map.of("FromPort", 443, "ToPort", 443))))
                .path("Listener").path("ListenerArn").asText();
        for (RegionId region : List.of(EAST_1, EAST_2)) {
            String group = api.call("CreateEndpointGroup", Map.of("ListenerArn", listener, "EndpointGroupRegion", region.name(),
                    "IdempotencyToken", name + region, "TrafficDialPercentage", region.equals(EAST_1) ? 100 : 0,
                    "HealthCheckPath", "/health/ready", "EndpointConfigurations", List.of(Map.of("EndpointId",
                            "arn:aws:elasticloadbalancing:" + region + ":123456789012:loadbalancer/app/alb-" + name + "/1"))))
                    .path("EndpointGroup").path("EndpointGroupArn").asText();
            settings.put("region." + region + "." + FailoverResources.ACCELERATOR_ENDPOINT_GROUP, group);
        }
        return accelerator;
    }

    /** The traffic dial of the region's endpoint group, as Global Accelerator reports it. */
    public double trafficDial(RegionId region) {
        return clients.globalAccelerator().describeEndpointGroup(settings.get("region." + region + "."
                + FailoverResources.ACCELERATOR_ENDPOINT_GROUP)).trafficDial();
    }

    /** Accelerator changes from now on stay IN_PROGRESS until {@link #releaseAcceleratorDeployments()}. */
    public void holdAcceleratorDeployments() {
        moto.setTransition(ACCELERATOR_MODEL, "{\"progression\":\"manual\",\"times\":1000000}");
        acceleratorHeld = true;
    }

    /** Accelerator changes deploy again, one DescribeAccelerator per stage. */
    public void releaseAcceleratorDeployments() {
        moto.unsetTransition(ACCELERATOR_MODEL);
        acceleratorHeld = false;
    }

    /** The settings a config file for this world would hold. */
    public Map<String, String> settings() {
        return settings;
    }

    public FailoverResources resources() {
        return FailoverResources.parse(settings, "the test world");
    }

    /** A failover function's environment in {@code region}, as the stacks set it (all resources named). */
    public Map<String, String> functionEnvironment(RegionId region) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_REGION", region.name());
        environment.put(RuntimeVariable.PAYMENTS_FAILOVER_RESOURCES.name(), KeyValues.encode(settings));
        return environment;
    }

    /** The world's name, part of every resource name. */
    public String name() {
        return name;
    }

    public String clusterId(RegionId region) {
        return clusterIds.get(region);
    }

    public String healthCheck(RegionId region) {
        return healthChecks.get(region);
    }

    public String zoneId() {
        return zoneId;
    }

    /**
     * Publishes the secondary's replication and RPO lag, as Aurora does every minute. CloudWatch keeps the largest
     * value of each minute: a lag that falls shows only in a later minute.
     */
    public void setLag(RegionId region, long millis) {
        for (String metric : List.of("AuroraGlobalDBReplicationLag", "AuroraGlobalDBRPOLag")) {
            clients.cloudWatch(region).putMetricData(b -> b.namespace("AWS/RDS").metricData(d -> d.metricName(metric)
                    .dimensions(x -> x.name("DBClusterIdentifier").value(clusterIds.get(region)))
                    .timestamp(Instant.now()).value((double) millis).unit(StandardUnit.MILLISECONDS)));
        }
    }

    /** The ARN of the region's cluster. */
    public String clusterArn(RegionId region) {
        return clients.rds(region).describeDBClusters(b -> b.dbClusterIdentifier(clusterIds.get(region))).dbClusters().get(0)
                .dbClusterArn();
    }

    /** Adds a further secondary cluster in {@code region}; returns its ARN. */
    public String addSecondary(RegionId region) {
        String id = "payments-dr-db-" + region + "-" + name;
        clusterIds.put(region, id);
        return clients.rds(region).createDBCluster(b -> b.dbClusterIdentifier(id).engine("aurora-postgresql")
                .engineVersion("16.4").globalClusterIdentifier(settings.get(FailoverResources.GLOBAL_CLUSTER)))
                .dbCluster().dbClusterArn();
    }

    /** Switchovers and failovers started from now on stay in progress until released. */
    public void holdGlobalClusterOperations() {
        moto.setTransition(OPERATION_MODEL, "{\"progression\":\"manual\",\"times\":1000000}");
        held = true;
    }

    /** Running switchovers and failovers move on again, one stage per describe. */
    public void releaseGlobalClusterOperations() {
        moto.unsetTransition(OPERATION_MODEL);
        held = false;
    }

    /**
     * From now on the payment endpoints are an IAM-authorized REST API: {@code /payments}, and only requests carrying a
     * SigV4 signature for {@code execute-api} in the region that serves them (the signature itself is not verified).
     */
    public void requireSignedPayments() {
        signedPayments = true;
    }

    private static boolean signedFor(HttpExchange exchange, RegionId region) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization != null && authorization.startsWith("AWS4-HMAC-SHA256 Credential=testing/")
                && authorization.contains("/" + region + "/execute-api/aws4_request")
                && exchange.getRequestHeaders().getFirst("X-Amz-Date") != null;
    }

    /** The region's payment service stops answering ready (its region is out). */
    public void regionOutage(RegionId region) {
        down.add(region);
    }

    /** The region's payment service answers again (readiness still follows the database's role). */
    public void regionRecovered(RegionId region) {
        down.remove(region);
    }

    /** Payments acknowledged through any region, by id. */
    public Map<String, String> payments() {
        return payments;
    }

    /** True when moto reports the region's cluster as the writer of the global cluster. */
    public boolean isWriter(RegionId region) {
        List<GlobalClusterMember> members = clients.rds(region).describeGlobalClusters(b -> b.globalClusterIdentifier(
                settings.get(FailoverResources.GLOBAL_CLUSTER))).globalClusters().get(0).globalClusterMembers();
        return members.stream().anyMatch(m -> m.dbClusterArn().endsWith(":cluster:" + clusterIds.get(region))
                && Boolean.TRUE.equals(m.isWriter()));
    }

    private HttpServer service(RegionId region) {
        return server(exchange -> serve(region, exchange));
    }

    private void serve(RegionId region, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (signedPayments && path.startsWith("/payments")) {
            path = "/v1" + path; // an API Gateway REST API serves /payments, as PaymentApiHandler translates
        }
        boolean writer = isWriter(region);
        boolean ready = !down.contains(region) && writer;
        if (path.equals("/health")) {
            respond(exchange, down.contains(region) ? 503 : 200, "{\"status\":\"up\",\"region\":\"" + region + "\"}");
        } else if (path.equals("/health/ready")) {
            // as the service answers: its database's role, or unknown when it cannot reach it
            String role = down.contains(region) ? "unknown" : writer ? "primary" : "standby";
            respond(exchange, ready ? 200 : 503, "{\"status\":\"" + (ready ? "ready" : "not_ready") + "\",\"region\":\""
                    + region + "\",\"role\":\"" + role + "\",\"writable\":" + ready + "}");
        } else if (!ready) {
            respond(exchange, 503, "{\"error\":{\"code\":\"not_primary\"}}");
        } else if (signedPayments && !signedFor(exchange, region)) {
            respond(exchange, 403, "{\"message\":\"Missing Authentication Token\"}");
        } else if (path.equals("/v1/payments") && exchange.getRequestMethod().equals("POST")) {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
            payments.putIfAbsent(id, region.name());
            respond(exchange, 201, "{\"id\":\"" + id + "\",\"region\":\"" + payments.get(id) + "\"}");
        } else if (path.startsWith("/v1/payments/") && payments.containsKey(path.substring(13))) {
            String id = path.substring(13);
            respond(exchange, 200, "{\"id\":\"" + id + "\",\"region\":\"" + payments.get(id) + "\"}");
        } else {
            respond(exchange, 404, "{\"error\":{\"code\":\"not_found\"}}");
        }
    }

    private HttpServer globalEndpoint() {
        return server(exchange -> {
            RegionId answered = routedRegion();
            if (answered == null) {
                respond(exchange, 503, "{\"error\":{\"code\":\"no_region\"}}");
            } else {
                serve(answered, exchange);
            }
        });
    }

    /** The region the PRIMARY failover record points at (by its health check). */
    public RegionId primaryRecordRegion() {
        String check = clients.route53().listResourceRecordSets(b -> b.hostedZoneId(zoneId)).resourceRecordSets().stream()
                .filter(r -> r.failover() == ResourceRecordSetFailover.PRIMARY).findFirst().orElseThrow().healthCheckId();
        return healthChecks.entrySet().stream().filter(e -> e.getValue().equals(check)).map(Map.Entry::getKey).findFirst()
                .orElseThrow();
    }

    /** The region Route 53 answers with: the PRIMARY record's unless its health check is inverted. */
    private RegionId routedRegion() {
        Map<ResourceRecordSetFailover, String> checks = new HashMap<>();
        clients.route53().listResourceRecordSets(b -> b.hostedZoneId(zoneId)).resourceRecordSets().stream()
                .filter(r -> r.failover() != null).forEach(r -> checks.put(r.failover(), r.healthCheckId()));
        for (ResourceRecordSetFailover role : List.of(ResourceRecordSetFailover.PRIMARY, ResourceRecordSetFailover.SECONDARY)) {
            String check = checks.get(role);
            boolean inverted = Boolean.TRUE.equals(clients.route53().getHealthCheck(b -> b.healthCheckId(check)).healthCheck()
                    .healthCheckConfig().inverted());
            if (!inverted) {
                return healthChecks.entrySet().stream().filter(e -> e.getValue().equals(check)).map(Map.Entry::getKey)
                        .findFirst().orElse(null);
            }
        }
        return null;
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static HttpServer server(Handler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    handler.handle(exchange);
                } catch (RuntimeException e) {
                    respond(exchange, 500, "{\"error\":{\"code\":\"fixture\",\"message\":\"" + e.getClass().getSimpleName() + "\"}}");
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a test HTTP endpoint: " + e.getMessage(), e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static URI baseUrl(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        if (held) {
            moto.unsetTransition(OPERATION_MODEL);
        }
        if (acceleratorHeld) {
            moto.unsetTransition(ACCELERATOR_MODEL);
        }
        services.values().forEach(s -> s.stop(0));
        globalEndpoint.stop(0);
        clients.close();
    }
}
