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

    /**
     * Outside evidence (the monitor's failed probes, and a question left unanswered past a short grace) says the
     * region's database is silent: an adapter whose questions wait long on a silent server may answer UNREACHABLE
     * for a few seconds without asking again, until a question of its own gets an answer. By default it asks anyway.
     */
    default void presumeUnreachable(RegionId region) {
    }

    /** The standby's measured lag behind the primary; empty when it cannot be measured. */
    Optional<ReplicationLag> lag(RegionId standby, RegionId primary);

    /** Makes the database refuse writes (or stops it); returns what was done, for the log. */
    String fence(RegionId region);

    /**
     * Waits until the standby has every write of the primary (zero lag), or fails after the timeout. A target
     * whose promotion itself waits for zero lag (Aurora's switchover) may report the step as satisfied by it.
     */
    String awaitCaughtUp(RegionId standby, RegionId primary, Duration timeout);

    /**
     * Promotes the standby and leaves it able to commit without a standby of its own; returns what was done.
     * {@code promotion} says planned switchover or unplanned failover past the lag gate: a target that promotes
     * in one managed call picks that call from it (Aurora: switchover or failover); PostgreSQL promotes alike.
     */
    String promote(RegionId standby, Promotion promotion);

    /** Makes the region's database a standby of {@code primary} (or verifies that it became one); returns what was done. */
    String rejoinAsStandby(RegionId region, RegionId primary, Duration timeout);
}
