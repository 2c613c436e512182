package dev.paymentsdr.failover.port.out;

import dev.paymentsdr.failover.domain.model.RegionId;
import java.time.Duration;

/** The payment service of each region (lab: its process; AWS: the ECS service). */
public interface Capacity {
    /** True when the region's service answers its readiness check with success; never throws. */
    boolean isReady(RegionId region);

    /**
     * Starts or scales the region's service if it is not running, without waiting for readiness (a
     * standby region's service runs but reports not ready); returns what was done.
     */
    String ensureRunning(RegionId region, Duration timeout);

    /** Starts or scales the region's service if needed and waits until it is ready; returns what was done. */
    String ensureReady(RegionId region, Duration timeout);
}
