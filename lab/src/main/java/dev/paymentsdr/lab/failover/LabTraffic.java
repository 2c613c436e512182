package dev.paymentsdr.lab.failover;

import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.port.out.Traffic;
import dev.paymentsdr.lab.Haproxy;
import dev.paymentsdr.lab.Lab;
import dev.paymentsdr.lab.LabRegion;
import dev.paymentsdr.lab.haproxy.HaproxyRuntimeApi;
import dev.paymentsdr.lab.haproxy.HaproxyRuntimeApi.AdminState;
import dev.paymentsdr.lab.haproxy.ServerStat;
import java.util.List;
import java.util.Optional;

/**
 * The traffic port on HAProxy's runtime API, the lab's stand-in for Route 53 failover records: the
 * active region is the first server not in maintenance (active servers before backups).
 */
public final class LabTraffic implements Traffic {
    private final Lab lab;

    public LabTraffic(Lab lab) {
        this.lab = lab;
    }

    @Override
    public List<RegionId> regions() {
        return lab.regions().stream().map(LabRegion::name).map(RegionId::of).toList();
    }

    /** The region the operator's routing selects, whether or not its health checks pass right now. */
    @Override
    public Optional<RegionId> activeRegion() {
        Haproxy haproxy = lab.haproxy();
        List<ServerStat> servers = haproxy.runtimeApi().showStat(haproxy.backend());
        return servers.stream().filter(s -> !s.backup() && selectable(s)).findFirst()
                .or(() -> servers.stream().filter(s -> s.backup() && selectable(s)).findFirst())
                .map(s -> RegionId.of(s.server()));
    }

    private static boolean selectable(ServerStat server) {
        return !server.isInMaintenance() && !server.isDrained();
    }

    @Override
    public String block(RegionId region) {
        Haproxy haproxy = lab.haproxy();
        HaproxyRuntimeApi api = haproxy.runtimeApi();
        api.setState(haproxy.backend(), region.name(), AdminState.MAINT);
        // requests parked on a dead or frozen region are cut, so their clients retry (and reach the new region)
        api.shutdownSessions(haproxy.backend(), region.name());
        return "HAProxy server " + region + " in maintenance (no new requests, requests in progress cut)";
    }

    @Override
    public String routeTo(RegionId target, RegionId previous) {
        Haproxy haproxy = lab.haproxy();
        return new HaproxyRouting(haproxy.runtimeApi(), haproxy.backend()).routeTo(target.name(), previous.name());
    }
}
