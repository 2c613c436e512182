package dev.paymentsdr.failover.domain.model;

import java.util.Optional;

/**
 * What the assess step saw of one region.
 *
 * @param lag present for a standby whose lag could be measured
 */
public record RegionHealth(RegionId region, DatabaseRole role, boolean serviceReady, Optional<ReplicationLag> lag) {
    /** One line for logs. */
    public String describe() {
        return region + ": database " + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + ", service " + (serviceReady ? "ready" : "not ready")
                + lag.map(l -> ", lag " + l.describe()).orElse("");
    }
}
