package dev.paymentsdr.failover.domain.model;

import java.time.Duration;
import java.util.Objects;

/**
 * What an operator (or the monitor) asked for: immutable and validated, so the orchestrator never
 * starts from a malformed request.
 *
 * @param maxLag        the lag gate's bound for an unplanned failover
 * @param allowDataLoss promote even when the measured lag exceeds {@code maxLag}
 */
public record FailoverRequest(ExecutionId executionId, FailoverMode mode, RegionId from, RegionId to,
                              Duration maxLag, boolean allowDataLoss, String requestedBy) {
    /** The default lag bound: a standby this far behind is not promoted without consent. */
    public static final Duration DEFAULT_MAX_LAG = Duration.ofSeconds(5);

    public FailoverRequest {
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(maxLag, "maxLag");
        if (maxLag.isNegative()) {
            throw new IllegalArgumentException("max lag must not be negative, was " + maxLag);
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException("the target region " + to + " is already the active region");
        }
        requestedBy = requestedBy == null || requestedBy.isBlank() ? "operator" : requestedBy;
    }

    /** The plan this request runs. */
    public Plan plan() {
        return Plan.of(mode, from, to);
    }
}
