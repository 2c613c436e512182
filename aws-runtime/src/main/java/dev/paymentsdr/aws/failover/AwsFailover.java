package dev.paymentsdr.aws.failover;

import dev.paymentsdr.aws.failover.capacity.EcsCapacity;
import dev.paymentsdr.aws.failover.capacity.HttpReadiness;
import dev.paymentsdr.aws.failover.config.FailoverResources;
import dev.paymentsdr.aws.failover.config.FailoverResources.Alias;
import dev.paymentsdr.aws.failover.config.FailoverResources.RegionResources;
import dev.paymentsdr.aws.failover.database.AuroraGlobalDatabase;
import dev.paymentsdr.aws.failover.database.CloudWatchReplicationLag;
import dev.paymentsdr.aws.failover.notify.SnsNotifier;
import dev.paymentsdr.aws.failover.probe.ExecuteApiSigner;
import dev.paymentsdr.aws.failover.probe.HttpPaymentProbe;
import dev.paymentsdr.aws.failover.state.DynamoDbExecutionLog;
import dev.paymentsdr.aws.failover.state.DynamoDbLease;
import dev.paymentsdr.aws.failover.traffic.AcceleratedTraffic;
import dev.paymentsdr.aws.failover.traffic.Route53Traffic;
import dev.paymentsdr.failover.application.FailoverRequests;
import dev.paymentsdr.failover.application.FailoverRuntime;
import dev.paymentsdr.failover.application.FailoverSettings;
import dev.paymentsdr.failover.application.Sleeper;
import dev.paymentsdr.failover.domain.model.DatabaseRole;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.port.out.FailoverPorts;
import dev.paymentsdr.failover.port.out.Traffic;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Wires the failover core to AWS: the adapters of every port over the resources found, handed to the
 * target-neutral {@link FailoverRuntime} (orchestrator, monitor). Clients come in through {@link AwsClients},
 * so a CLI, a Lambda handler and a test build the same wiring with their own clients.
 */
public final class AwsFailover {
    private final FailoverResources resources;
    private final FailoverPorts ports;
    private final AuroraGlobalDatabase database;
    private final SnsNotifier notifier;
    private final Timeouts timeouts;
    private final Clock clock;
    private final Sleeper sleeper;

    private AwsFailover(FailoverResources resources, FailoverPorts ports, AuroraGlobalDatabase database, SnsNotifier notifier,
                        Timeouts timeouts, Clock clock, Sleeper sleeper) {
        this.resources = resources;
        this.ports = ports;
        this.database = database;
        this.notifier = notifier;
        this.timeouts = timeouts;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Time limits on AWS: minutes, not the lab's seconds.
     *
     * @param poll        time between two reads of a waited-for state
     * @param promote     a switchover or failover until the new writer is reported
     * @param routeSync   a Route 53 change until INSYNC, and a Global Accelerator change until DEPLOYED
     * @param orchestrator the orchestrator's own limits (ready, validate, catch-up, rejoin, lease)
     */
    public record Timeouts(Duration poll, Duration promote, Duration routeSync, FailoverSettings orchestrator) {
        /**
         * Longer than any single wait (the orchestrator's rule), the 15-minute promotion included; renewed every
         * third of it while the orchestrator runs, so a crashed orchestrator's lease frees within this time.
         */
        public static final Duration LEASE_TTL = Duration.ofMinutes(16);

        public static Timeouts defaults() {
            return new Timeouts(Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofMinutes(5),
                    new FailoverSettings(Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofMinutes(5),
                            Duration.ofMinutes(10), LEASE_TTL, Duration.ofSeconds(5), Duration.ofMinutes(30)));
        }
    }

    /** The wiring over {@code resources}, with clients from {@code clients}. */
    public static AwsFailover create(FailoverResources resources, AwsClients clients, Timeouts timeouts, Clock clock,
                                     Sleeper sleeper) {
        Waiter waiter = new Waiter(clock, sleeper, timeouts.poll());
        Map<RegionId, RegionResources> regions = resources.byRegion();
        Map<RegionId, String> clusters = new LinkedHashMap<>();
        Map<RegionId, String> checks = new LinkedHashMap<>();
        Map<RegionId, String> topics = new LinkedHashMap<>();
        Map<RegionId, Alias> aliases = new LinkedHashMap<>();
        regions.forEach((region, r) -> {
            clusters.put(region, r.dbClusterId());
            checks.put(region, r.healthCheckId());
            topics.put(region, r.alertTopicArn());
            r.alias().ifPresent(a -> aliases.put(region, a));
        });
        AuroraGlobalDatabase database = new AuroraGlobalDatabase(clients::rds,
                new CloudWatchReplicationLag(clients::cloudWatch, clock), resources.globalClusterId(), clusters, waiter,
                timeouts.promote());
        SnsNotifier notifier = new SnsNotifier(clients::sns, topics);
        Route53Traffic route53 = new Route53Traffic(clients.route53(), resources.regions(), checks, resources.dns(), aliases,
                waiter, timeouts.routeSync());
        // a deployment without an accelerator moves traffic by Route 53 alone
        Traffic traffic = resources.accelerator().<Traffic>map(a -> new AcceleratedTraffic(route53, clients.globalAccelerator(),
                a, waiter, timeouts.routeSync())).orElse(route53);
        Map<RegionId, java.net.URI> endpoints = new LinkedHashMap<>();
        regions.forEach((region, r) -> r.healthUrl().ifPresent(url -> endpoints.put(region, HttpPaymentProbe.endpointOf(url))));
        Predicate<RegionId> writer = region -> database.role(region) == DatabaseRole.PRIMARY;
        FailoverPorts ports = new FailoverPorts(database, traffic,
                new EcsCapacity(clients::ecs, regions, new HttpReadiness(), writer, waiter),
                new HttpPaymentProbe(resources.probe(), endpoints, traffic::activeRegion, writer,
                        resources.probe().signed() ? Optional.of(new ExecuteApiSigner(clients.credentials())) : Optional.empty(),
                        waiter),
                notifier,
                new DynamoDbExecutionLog(clients.dynamoDb(resources.stateTableRegion()), resources.stateTable()),
                new DynamoDbLease(clients.dynamoDb(resources.stateTableRegion()), resources.stateTable(), clock));
        return new AwsFailover(resources, ports, database, notifier, timeouts, clock, sleeper);
    }

    public FailoverResources resources() {
        return resources;
    }

    public FailoverPorts ports() {
        return ports;
    }

    public Clock clock() {
        return clock;
    }

    /** The target-neutral runtime (orchestrator, monitor) over these adapters. */
    public FailoverRuntime runtime() {
        return runtime(timeouts.orchestrator());
    }

    /** The runtime with other orchestrator limits (a Lambda invocation joins only as long as it may run). */
    public FailoverRuntime runtime(FailoverSettings settings) {
        return new FailoverRuntime(ports, settings, clock, sleeper);
    }

    /** The Aurora global database adapter, for what only Aurora can say (lags, global cluster state). */
    public AuroraGlobalDatabase database() {
        return database;
    }

    /** SNS on the regions' alert topics: failover notifications, and the functions' alerts. */
    public SnsNotifier notifier() {
        return notifier;
    }

    /** The region whose database Aurora reports as writable primary: the deployment's own record of who serves. */
    public Optional<RegionId> writerRegion() {
        return resources.regions().stream().filter(r -> ports.database().role(r) == DatabaseRole.PRIMARY).findFirst();
    }

    /** Turns an operator's or a function's wish into a request (the active region from Route 53, else Aurora's writer). */
    public FailoverRequests requests() {
        return new FailoverRequests(ports.traffic(), ports.log(), this::writerRegion, clock);
    }

    /** The limits this wiring was made with. */
    public Timeouts timeouts() {
        return timeouts;
    }

    /** What the failover would act on and how each region looks now; reads only. */
    public List<String> describeNow() {
        List<String> lines = new ArrayList<>(resources.describe());
        lines.add(database.describeState());
        for (RegionId region : resources.regions()) {
            String role;
            try {
                role = ports.database().role(region).name().toLowerCase(Locale.ROOT).replace('_', ' ');
            } catch (RuntimeException e) {
                role = "unknown (" + e.getMessage() + ")";
            }
            lines.add(region + ": database " + role + ", service " + (ports.capacity().isReady(region) ? "ready" : "not ready"));
        }
        try {
            lines.add("active region at Route 53: " + ports.traffic().activeRegion().map(RegionId::name).orElse("none"));
        } catch (RuntimeException e) {
            lines.add("active region at Route 53: unknown (" + e.getMessage() + ")");
        }
        if (ports.traffic() instanceof AcceleratedTraffic accelerated) {
            try {
                lines.add("Global Accelerator dials: " + accelerated.dials() + accelerated.disagreement().map(d -> " (" + d + ")")
                        .orElse(" (agree with Route 53)"));
            } catch (RuntimeException e) {
                lines.add("Global Accelerator dials: unknown (" + e.getMessage() + ")");
            }
        }
        return lines;
    }
}
