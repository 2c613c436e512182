package dev.paymentsdr.failover.port.out;

import java.util.Objects;

/** Everything the orchestrator acts through, in one place for wiring. */
public record FailoverPorts(DatabaseControl database, Traffic traffic, Capacity capacity, PaymentProbe probe,
                            Notifier notifier, ExecutionLog log, Lease lease) {
    public FailoverPorts {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(traffic, "traffic");
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(notifier, "notifier");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(lease, "lease");
    }
}
