package dev.paymentsdr.lab.failover.cli;

import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.port.out.FailoverPorts;
import dev.paymentsdr.lab.failover.LabFailover;
import java.util.Locale;

/** What the failover ports see of two regions now, in one line, for dry runs. */
final class LabSnapshot {
    private final FailoverPorts ports;

    LabSnapshot(LabFailover failover) {
        this.ports = failover.ports();
    }

    String describe(RegionId from, RegionId to) {
        return region(from) + "; " + region(to) + "; lag of " + to + ": "
                + ports.database().lag(to, from).map(l -> l.describe()).orElse("not measurable");
    }

    private String region(RegionId region) {
        return region + " database " + ports.database().role(region).name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + ", service " + (ports.capacity().isReady(region) ? "ready" : "not ready");
    }
}
