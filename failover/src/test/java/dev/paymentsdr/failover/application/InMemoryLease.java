package dev.paymentsdr.failover.application;

import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.LeaseHolder;
import dev.paymentsdr.failover.port.out.Lease;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** A lease in memory; {@link #processDied()} drops it as the OS drops a dead process's file lock. */
final class InMemoryLease implements Lease {
    private final Clock clock;
    private LeaseHolder holder;

    InMemoryLease(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Attempt tryAcquire(ExecutionId executionId, String owner, Duration ttl) {
        if (holder != null) {
            return Attempt.refused(holder);
        }
        holder = new LeaseHolder(executionId, owner, clock.instant().plus(ttl));
        return Attempt.granted();
    }

    @Override
    public synchronized void renew(ExecutionId executionId, Duration ttl) {
        if (holder == null || !holder.executionId().equals(executionId)) {
            throw new IllegalStateException("lease lost");
        }
        holder = new LeaseHolder(executionId, holder.owner(), clock.instant().plus(ttl));
    }

    @Override
    public synchronized void release(ExecutionId executionId) {
        if (holder != null && holder.executionId().equals(executionId)) {
            holder = null;
        }
    }

    @Override
    public synchronized Optional<LeaseHolder> holder() {
        return Optional.ofNullable(holder);
    }

    synchronized void processDied() {
        holder = null;
    }

    synchronized void heldBy(LeaseHolder other) {
        holder = other;
    }
}
