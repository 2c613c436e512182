package dev.paymentsdr.lab;

import java.util.List;
import java.util.Optional;

/**
 * A snapshot of the lab: each region's database, replication and service, and where HAProxy routes.
 *
 * @param labDir         the lab directory
 * @param replication    configured replication mode
 * @param frontDoorUrl   the URL clients send payments to
 * @param haproxyRunning true while the HAProxy process runs
 * @param routesTo       the region HAProxy sends new requests to, or null when none (or HAProxy is down)
 * @param regions        the regions, initial primary first
 * @param network        the links: whether toxiproxy runs, the region->region round trip, the links cut now
 */
public record LabStatus(String labDir, String replication, String frontDoorUrl, boolean haproxyRunning,
                        String routesTo, List<RegionStatus> regions, NetworkStatus network) {

    /**
     * The network links.
     *
     * @param running       true while toxiproxy-server runs
     * @param roundTripMs   latency of the region->region links (a round trip)
     * @param latencySource where it came from ({@code set}, or {@code typical for a/b})
     * @param controlRegion where the monitor and orchestrator run
     * @param cutLinks      links cut by a partition now
     */
    public record NetworkStatus(boolean running, long roundTripMs, String latencySource, String controlRegion,
                                List<String> cutLinks) {
    }

    /**
     * One region's health.
     *
     * @param name             region name
     * @param role             the role the lab records for it ({@code primary} or {@code standby})
     * @param dbPort           PostgreSQL port
     * @param dbRunning        true while its postmaster runs
     * @param pgIsInRecovery   {@code pg_is_in_recovery()}: true on a standby; null when the database does not answer
     * @param replicationState for a standby: the primary's {@code pg_stat_replication.state} for it
     *                         ({@code streaming}, {@code catchup}...) or its WAL receiver status; null otherwise
     * @param syncState        for a standby: {@code sync}, {@code async}, {@code potential}...; null otherwise
     * @param lagBytes         for a standby: WAL bytes the primary has written that the standby has not replayed
     * @param lagSeconds       for a standby: the primary's {@code replay_lag} in seconds (0 when caught up and idle)
     * @param synchronousStandbyNames the database's {@code synchronous_standby_names} (empty: commits wait for nobody)
     * @param servicePort      payment service port
     * @param serviceRunning   true while the service process runs
     * @param serviceReadyStatus HTTP status of {@code /health/ready}, or null when the service does not answer
     * @param serviceReady     true when {@code /health/ready} answers 200
     * @param haproxyServer    HAProxy's view of the region's server ({@code UP}, {@code DOWN}, {@code DRAIN},
     *                         {@code MAINT}...; {@code backup} appended for a backup server), or null when HAProxy is down
     */
    public record RegionStatus(String name, String role, int dbPort, boolean dbRunning, Boolean pgIsInRecovery,
                               String replicationState, String syncState, Long lagBytes, Double lagSeconds,
                               String synchronousStandbyNames, int servicePort, boolean serviceRunning,
                               Integer serviceReadyStatus, boolean serviceReady, String haproxyServer) {
    }

    /** The status of one region by name. */
    public Optional<RegionStatus> region(String name) {
        return regions.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
