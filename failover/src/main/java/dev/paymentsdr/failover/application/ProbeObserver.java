package dev.paymentsdr.failover.application;

import dev.paymentsdr.failover.domain.model.RegionId;
import java.time.Duration;

/** Hears each readiness probe of the active region with how long it took (for metrics); must not block. */
@FunctionalInterface
public interface ProbeObserver {
    /** Hears nothing. */
    ProbeObserver NONE = (region, ready, latency, consecutiveFailures) -> { };

    void probed(RegionId region, boolean ready, Duration latency, int consecutiveFailures);
}
