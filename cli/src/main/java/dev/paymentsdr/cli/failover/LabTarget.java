package dev.paymentsdr.cli.failover;

import dev.paymentsdr.failover.application.FailoverRuntime;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.port.out.ExecutionHistory;
import dev.paymentsdr.lab.Lab;
import dev.paymentsdr.lab.LabStatus;
import dev.paymentsdr.lab.failover.LabFailover;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The local lab as a failover target: PostgreSQL, HAProxy and the service processes. */
final class LabTarget implements FailoverTarget {
    private final LabFailover failover;

    LabTarget(Lab lab) {
        this.failover = LabFailover.of(lab);
    }

    @Override
    public String name() {
        return "lab";
    }

    @Override
    public FailoverRuntime runtime() {
        return failover.runtime();
    }

    @Override
    public Optional<RegionId> recordedPrimary() {
        return Optional.of(RegionId.of(failover.lab().primary().name()));
    }

    @Override
    public String logLocation() {
        return failover.executionLog().file().toString();
    }

    @Override
    public ExecutionHistory history() {
        return failover.executionLog();
    }

    @Override
    public List<String> describeNow(RegionId from, RegionId to) {
        return List.of("lab " + failover.lab().dir(), "Now: " + runtime().snapshot(from, to));
    }

    @Override
    public Map<String, Object> status() {
        LabStatus status = failover.lab().status();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("active_region", status.routesTo());
        out.put("front_door", status.frontDoorUrl());
        out.put("replication", status.replication());
        for (LabStatus.RegionStatus r : status.regions()) {
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("role", r.role());
            region.put("database", r.dbRunning() ? StatusCommand.describe(runtime().ports().database().role(RegionId.of(r.name())))
                    : "stopped");
            region.put("synchronous_standby_names", r.synchronousStandbyNames());
            region.put("replication_state", r.replicationState());
            region.put("sync_state", r.syncState());
            region.put("lag_bytes", r.lagBytes());
            region.put("lag_seconds", r.lagSeconds());
            region.put("service_ready", r.serviceReady());
            if (r.dbRunning() && Boolean.FALSE.equals(r.pgIsInRecovery()) && "".equals(r.synchronousStandbyNames())
                    && "sync".equals(status.replication())) {
                region.put("note", "running without a synchronous standby");
            }
            out.put("region " + r.name(), region);
        }
        return out;
    }
}
