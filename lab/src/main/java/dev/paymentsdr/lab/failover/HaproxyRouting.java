package dev.paymentsdr.lab.failover;

import dev.paymentsdr.lab.haproxy.HaproxyRuntimeApi;
import dev.paymentsdr.lab.haproxy.HaproxyRuntimeApi.AdminState;
import dev.paymentsdr.lab.haproxy.HaproxyRuntimeApi.Health;
import dev.paymentsdr.lab.haproxy.ServerStat;

/**
 * Moves one HAProxy backend's traffic to a region, and keeps HAProxy's health checks from taking the last region out.
 */
final class HaproxyRouting {
    private final HaproxyRuntimeApi api;
    private final String backend;

    HaproxyRouting(HaproxyRuntimeApi api, String backend) {
        this.api = api;
        this.backend = backend;
    }

    /**
     * Puts {@code previous} in maintenance and {@code target} in service. When every other server is in maintenance,
     * the target's health checks stop: a check that times out while the region is merely slow (a busy machine during
     * a rejoin) would mark it down and leave no server at all, so every request would fail; the health monitor, which
     * probes the region itself, decides whether to move. With another server to go to, checks stay on.
     */
    String routeTo(String target, String previous) {
        api.setState(backend, previous, AdminState.MAINT);
        api.setState(backend, target, AdminState.READY);
        boolean last = api.showStat(backend).stream()
                .filter(s -> !s.server().equals(target))
                .allMatch(ServerStat::isInMaintenance);
        api.setHealthChecks(backend, target, !last);
        // The target answered its readiness check already; do not wait for 'rise' more checks.
        api.setHealth(backend, target, Health.UP);
        return "HAProxy routes to " + target + " (" + previous + " in maintenance"
                + (last ? "; health checks of " + target + ", the only region left, paused)" : ")");
    }
}
