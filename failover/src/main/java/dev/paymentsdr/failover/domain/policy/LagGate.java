package dev.paymentsdr.failover.domain.policy;

import dev.paymentsdr.failover.domain.model.ReplicationLag;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a standby may be promoted in an unplanned failover: its measured lag must be within
 * the bound, unless the operator explicitly allowed data loss (Patroni's rule: never promote a standby
 * that may miss acknowledged commits without being told to).
 */
public final class LagGate {
    private final Duration maxLag;
    private final boolean allowDataLoss;

    public LagGate(Duration maxLag, boolean allowDataLoss) {
        this.maxLag = Objects.requireNonNull(maxLag, "maxLag");
        if (maxLag.isNegative()) {
            throw new IllegalArgumentException("max lag must not be negative, was " + maxLag);
        }
        this.allowDataLoss = allowDataLoss;
    }

    /** The verdict for a measured lag; an unmeasurable lag counts as unbounded. */
    public Decision evaluate(Optional<ReplicationLag> measured) {
        if (measured.isEmpty()) {
            return allowDataLoss
                    ? new Decision(true, true, "standby lag could not be measured; proceeding because data loss is allowed")
                    : new Decision(false, false, "standby lag could not be measured; refusing to promote."
                            + " Allow data loss to promote anyway");
        }
        ReplicationLag lag = measured.get();
        if (lag.delay().compareTo(maxLag) <= 0) {
            return new Decision(true, false, "standby lag " + lag.describe() + " is within the bound of "
                    + maxLag.toMillis() + " ms");
        }
        if (allowDataLoss) {
            return new Decision(true, true, "standby lag " + lag.describe() + " exceeds the bound of "
                    + maxLag.toMillis() + " ms; proceeding because data loss is allowed: writes in that window may be lost");
        }
        return new Decision(false, false, "standby lag " + lag.describe() + " exceeds the bound of "
                + maxLag.toMillis() + " ms; refusing to promote. Wait for the standby to catch up, raise the bound,"
                + " or allow data loss");
    }

    /**
     * The gate's verdict.
     *
     * @param mayLoseData true when the gate passed only because data loss was allowed
     */
    public record Decision(boolean promote, boolean mayLoseData, String reason) {
    }
}
