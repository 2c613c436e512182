package dev.paymentsdr.failover.port.out;

import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.LeaseHolder;
import java.time.Duration;
import java.util.Optional;

/** One orchestrator at a time (lab: a file with an exclusive lock; AWS: a DynamoDB conditional write). */
public interface Lease {
    /** Takes the lease for the execution, or reports who holds it. */
    Attempt tryAcquire(ExecutionId executionId, String owner, Duration ttl);

    /** Extends the lease; fails when it was lost, so the holder stops acting. */
    void renew(ExecutionId executionId, Duration ttl);

    /** Gives the lease up; harmless when not held. */
    void release(ExecutionId executionId);

    /** Who holds the lease now, if anyone. */
    Optional<LeaseHolder> holder();

    /** The result of {@link #tryAcquire}: acquired, or the current holder. */
    record Attempt(boolean acquired, Optional<LeaseHolder> heldBy) {
        public static Attempt granted() {
            return new Attempt(true, Optional.empty());
        }

        public static Attempt refused(LeaseHolder holder) {
            return new Attempt(false, Optional.of(holder));
        }
    }
}
