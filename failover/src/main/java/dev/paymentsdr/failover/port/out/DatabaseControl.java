package dev.paymentsdr.failover.port.out;

import dev.paymentsdr.failover.domain.model.DatabaseRole;
import dev.paymentsdr.failover.domain.model.Promotion;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.domain.model.ReplicationLag;
import java.time.Duration;
import java.util.Optional;

/**
 * Controls the database of each region (lab: PostgreSQL; AWS: Aurora Global Database). Every method
 * that changes something checks first, so calling it twice is harmless.
 */
public interface DatabaseControl {
    /** The role the region's database reports now, or UNREACHABLE. */
    DatabaseRole role(RegionId region);

    /** The standby's measured lag behind the primary; empty when it cannot be measured. */
    Optional<ReplicationLag> lag(RegionId standby, RegionId primary);

    /** Makes the database refuse writes (or stops it); returns what was done, for the log. */
    String fence(RegionId region);

    /** Waits until the standby has replayed all of the primary's WAL (zero lag), or fails after the timeout. */
    String awaitCaughtUp(RegionId standby, RegionId primary, Duration timeout);

    /** Promotes the standby and leaves it able to commit without a standby of its own; returns what was done. */
    String promote(RegionId standby);

    /**
     * Promotes the standby the way {@code promotion} says; a target that promotes in one managed call picks
     * that call from it (switchover or failover). Targets whose promotion is the same either way keep the default.
     */
    default String promote(RegionId standby, Promotion promotion) {
        return promote(standby);
    }

    /** Makes the region's database a streaming standby of {@code primary} (rewind or fresh copy); returns what was done. */
    String rejoinAsStandby(RegionId region, RegionId primary, Duration timeout);
}
