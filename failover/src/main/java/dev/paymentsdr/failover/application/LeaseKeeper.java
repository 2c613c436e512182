package dev.paymentsdr.failover.application;

import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.port.out.Lease;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Holds the lease for the whole execution: renews it every third of its TTL, also while a step waits, and
 * when a renewal fails (the lease was lost) interrupts the acting thread, which then stops acting (Patroni's
 * rule: a leader that cannot renew its lease steps down).
 */
final class LeaseKeeper implements AutoCloseable {
    private final Lease lease;
    private final ExecutionId id;
    private final Duration ttl;
    private final Thread actor;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "failover-lease-keeper");
        t.setDaemon(true);
        return t;
    });
    private volatile String lost;

    LeaseKeeper(Lease lease, ExecutionId id, Duration ttl, Thread actor) {
        this.lease = lease;
        this.id = id;
        this.ttl = ttl;
        this.actor = actor;
        long period = Math.max(1, ttl.toMillis() / 3);
        timer.scheduleAtFixedRate(this::renewInBackground, period, period, TimeUnit.MILLISECONDS);
    }

    private void renewInBackground() {
        try {
            renew();
        } catch (LeaseLostException e) {
            actor.interrupt();
            timer.shutdown();
        }
    }

    /** Renews now; throws when the lease is lost (then, and forever after, this execution must not act). */
    synchronized void renew() {
        if (lost != null) {
            throw new LeaseLostException(lost);
        }
        try {
            lease.renew(id, ttl);
        } catch (RuntimeException e) {
            lost = "the failover lease was lost (" + e.getMessage() + "); execution " + id
                    + " stopped acting so that two orchestrators never act at once";
            throw new LeaseLostException(lost);
        }
    }

    /** The reason the lease was lost, or null while it is held. */
    String lostReason() {
        return lost;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** The lease could not be renewed: the holder must stop acting. */
    static final class LeaseLostException extends RuntimeException {
        LeaseLostException(String message) {
            super(message);
        }
    }
}
