package dev.paymentsdr.failover.port.out;

import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionState;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.RegionId;

/** Tells people what happened (lab: a structured log line; AWS: SNS). */
public interface Notifier {
    /** Announces the state an execution reached; must not throw. */
    void notify(Notification notification);

    /** What is announced. */
    record Notification(ExecutionId executionId, FailoverMode mode, RegionId from, RegionId to,
                        ExecutionState state, String message) {
    }
}
