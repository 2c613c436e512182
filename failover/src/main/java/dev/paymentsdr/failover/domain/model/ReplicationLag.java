package dev.paymentsdr.failover.domain.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How far a standby is behind, as measured (never assumed from the configured replication mode).
 *
 * @param delay           time the standby's replayed data is behind the primary's writes
 * @param bytes           data written by the primary (or received) but not yet applied, in bytes; {@link #BYTES_NOT_MEASURED}
 *                        for a target that reports lag in time only (Aurora)
 * @param synchronous     the standby was a streaming synchronous standby when measured
 * @param measuredAtPrimary true when the primary answered; false when only the standby's own view was available
 */
public record ReplicationLag(Duration delay, long bytes, boolean synchronous, boolean measuredAtPrimary) {
    public ReplicationLag {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            delay = Duration.ZERO;
        }
        if (bytes < 0 && bytes != BYTES_NOT_MEASURED) {
            bytes = 0;
        }
    }

    /** A target that measures lag in time only. */
    public static final long BYTES_NOT_MEASURED = -1;

    /** Lag as a target that reports it in time only measures it (Aurora: CloudWatch milliseconds). */
    public static ReplicationLag inTime(Duration delay, boolean measuredAtPrimary) {
        return new ReplicationLag(delay, BYTES_NOT_MEASURED, false, measuredAtPrimary);
    }

    /** A standby that has replayed everything. */
    public static ReplicationLag none(boolean synchronous, boolean measuredAtPrimary) {
        return new ReplicationLag(Duration.ZERO, 0, synchronous, measuredAtPrimary);
    }

    /** One line for logs and the status table. */
    public String describe() {
        return delay.toMillis() + " ms" + (bytes == BYTES_NOT_MEASURED ? "" : ", " + bytes + " bytes")
                + (synchronous ? ", synchronous" : "")
                + (measuredAtPrimary ? "" : " (standby's own view: the primary did not answer)");
    }
}
