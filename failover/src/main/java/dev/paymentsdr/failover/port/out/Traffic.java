package dev.paymentsdr.failover.port.out;

import dev.paymentsdr.failover.domain.model.RegionId;
import java.util.List;
import java.util.Optional;

/** Decides which region receives client requests (lab: HAProxy runtime API; AWS: Route 53 / Global Accelerator). */
public interface Traffic {
    /** Every region the global entry knows, in configured order. */
    List<RegionId> regions();

    /** The region the global entry sends requests to, when one is selected. */
    Optional<RegionId> activeRegion();

    /** Stops sending requests to the region (maintenance); returns what was done. */
    String block(RegionId region);

    /** Sends requests to {@code target} and keeps {@code previous} blocked; returns what was done. */
    String routeTo(RegionId target, RegionId previous);
}
