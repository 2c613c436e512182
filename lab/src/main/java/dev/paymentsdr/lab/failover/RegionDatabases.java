package dev.paymentsdr.lab.failover;

import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.lab.Lab;
import dev.paymentsdr.lab.LabRegion;
import dev.paymentsdr.lab.RegionRole;
import dev.paymentsdr.localpg.PostgresServer;
import dev.paymentsdr.localpg.replication.StandbyRejoin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps the lab's regions to their PostgreSQL servers and settings, and remembers for a moment which server
 * did not answer within its deadline, so that one failover waits on a frozen server once, not at every step.
 */
final class RegionDatabases {
    /** How long a server that timed out is taken as unreachable without asking again. */
    static final Duration REMEMBER_SILENCE = Duration.ofSeconds(3);

    private final Lab lab;
    private final Clock clock;
    private final Map<String, Instant> silentUntil = new ConcurrentHashMap<>();

    RegionDatabases(Lab lab, Clock clock) {
        this.lab = lab;
        this.clock = clock;
    }

    Lab lab() {
        return lab;
    }

    LabRegion region(RegionId id) {
        return lab.region(id.name());
    }

    /** The region's server as the orchestrator reaches it: from its own region, through the links. */
    PostgresServer server(RegionId id) {
        return region(id).dbFrom(lab.network().controlRegion());
    }

    /** The region's name as a standby: its slot on the primary and its application name. */
    String replicationName(RegionId id) {
        return region(id).replicationName();
    }

    /**
     * What the region's database is as a standby of {@code primary}: its slot, its settings, and the primary as it
     * reaches it (the region->region link its replication goes through).
     */
    StandbyRejoin.Standby asStandbyOf(RegionId id, RegionId primary) {
        LabRegion region = region(id);
        return new StandbyRejoin.Standby(region.replicationName(), region.databaseSettings(RegionRole.STANDBY),
                region(primary).dbFrom(region.name()));
    }

    /** True while a recent question to this region's server went unanswered within its deadline. */
    boolean recentlySilent(RegionId id) {
        Instant until = silentUntil.get(id.name());
        return until != null && clock.instant().isBefore(until);
    }

    /** Records the answer of a question: silence (a running server that did not answer) is remembered briefly. */
    void answered(RegionId id, boolean answered) {
        if (answered) {
            silentUntil.remove(id.name());
        } else if (server(id).isRunning()) {
            silentUntil.put(id.name(), clock.instant().plus(REMEMBER_SILENCE));
        }
    }

    /** Takes the region's server as silent on outside evidence, as if a question had just gone unanswered. */
    void presumeSilent(RegionId id) {
        silentUntil.put(id.name(), clock.instant().plus(REMEMBER_SILENCE));
    }

    /** Records the region's new role in the lab state. */
    void recordRole(RegionId id, RegionRole role) {
        lab.setRole(id.name(), role);
    }

    /** Records {@code primary} as the primary and every other region as a standby. */
    void recordPrimary(RegionId primary) {
        for (LabRegion other : lab.regions()) {
            if (!other.name().equals(primary.name())) {
                lab.setRole(other.name(), RegionRole.STANDBY);
            }
        }
        lab.setRole(primary.name(), RegionRole.PRIMARY);
    }
}
