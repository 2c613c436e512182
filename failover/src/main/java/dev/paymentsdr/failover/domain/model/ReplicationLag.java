package dev.paymentsdr.failover.domain.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How far a standby is behind, as measured (never assumed from the configured replication mode).
 *
 * @param delay           time the standby's replayed data is behind the primary's writes
 * @param bytes           WAL bytes written by the primary (or received) but not yet replayed
 * @param synchronous     the standby was a streaming synchronous standby when measured
 * @param measuredAtPrimary true when the primary answered; false when only the standby's own view was available
 */
public record ReplicationLag(Duration delay, long bytes, boolean synchronous, boolean measuredAtPrimary) {
    public ReplicationLag {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            delay = Duration.ZERO;
        }
        if (bytes < 0) {
            bytes = 0;
        }
    }

    /** A standby that has replayed everything. */
    public static ReplicationLag none(boolean synchronous, boolean measuredAtPrimary) {
        return new ReplicationLag(Duration.ZERO, 0, synchronous, measuredAtPrimary);
    }

    /** One line for logs and the status table. */
    public String describe() {
        return delay.toMillis() + " ms, " + bytes + " bytes" + (synchronous ? ", synchronous" : "")
                + (measuredAtPrimary ? "" : " (standby's own view: the primary did not answer)");
    }
}
