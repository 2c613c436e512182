package dev.paymentsdr.failover.application;

import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.port.out.Capacity;
import java.time.Duration;

/** A capacity port that only answers readiness, for the monitor's tests: the monitor never starts a service. */
@FunctionalInterface
interface ReadinessOnly extends Capacity {
    @Override
    default String ensureRunning(RegionId region, Duration timeout) {
        throw new UnsupportedOperationException("the monitor does not start services");
    }

    @Override
    default String ensureReady(RegionId region, Duration timeout) {
        throw new UnsupportedOperationException("the monitor does not start services");
    }
}
