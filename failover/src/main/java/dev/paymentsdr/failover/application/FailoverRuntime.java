package dev.paymentsdr.failover.application;

import dev.paymentsdr.failover.domain.model.ExecutionResult;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.Plan;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.port.in.TriggerFailover;
import dev.paymentsdr.failover.port.out.ExecutionLog;
import dev.paymentsdr.failover.port.out.FailoverPorts;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The target-neutral failover runtime: the ports of one target (lab or AWS), the orchestrator's limits, the
 * clock and the sleeper, and from them the orchestrator and the monitor. A target only supplies adapters.
 */
public final class FailoverRuntime {
    private final FailoverPorts ports;
    private final FailoverSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;

    public FailoverRuntime(FailoverPorts ports, FailoverSettings settings, Clock clock, Sleeper sleeper) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    public FailoverPorts ports() {
        return ports;
    }

    public FailoverSettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    /** The same runtime with the execution log wrapped (for example to print or time each record). */
    public FailoverRuntime withExecutionLog(UnaryOperator<ExecutionLog> wrap) {
        return new FailoverRuntime(new FailoverPorts(ports.database(), ports.traffic(), ports.capacity(), ports.probe(),
                ports.notifier(), wrap.apply(ports.log()), ports.lease()), settings, clock, sleeper);
    }

    /** An orchestrator acting through these ports, identified as {@code owner} to a refused trigger. */
    public FailoverOrchestrator orchestrator(String owner) {
        return new FailoverOrchestrator(ports, settings, clock, sleeper, owner);
    }

    /**
     * A monitor that triggers {@link #orchestrator(String)}, handing it the failed probes as evidence
     * ({@link FailoverOrchestrator#runAfterFailedProbes}).
     */
    public HealthMonitor monitor(HealthMonitor.Settings monitorSettings, HealthMonitor.Listener listener, String owner) {
        FailoverOrchestrator orchestrator = orchestrator(owner);
        TriggerFailover afterFailedProbes = new TriggerFailover() {
            @Override
            public ExecutionResult run(FailoverRequest request, boolean joinIfBusy) {
                return orchestrator.runAfterFailedProbes(request, joinIfBusy);
            }

            @Override
            public ExecutionResult runOnMonitorEvidence(FailoverRequest request, boolean joinIfBusy, boolean databaseSilent) {
                return orchestrator.runAfterFailedProbes(request, joinIfBusy, databaseSilent);
            }

            @Override
            public Plan plan(FailoverRequest request) {
                return orchestrator.plan(request);
            }
        };
        return new HealthMonitor(ports.traffic(), ports.capacity(), ports.database(), afterFailedProbes, monitorSettings,
                clock, sleeper, listener);
    }

    /** What the ports see of two regions now, in one line, for dry runs; reads only. */
    public String snapshot(RegionId from, RegionId to) {
        return region(from) + "; " + region(to) + "; lag of " + to + ": "
                + ports.database().lag(to, from).map(l -> l.describe()).orElse("not measurable");
    }

    private String region(RegionId region) {
        return region + " database " + ports.database().role(region).name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + ", service " + (ports.capacity().isReady(region) ? "ready" : "not ready");
    }

    /** Who this process is, as the lease shows it to a refused trigger. */
    public static String processOwner() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        return "pid " + ProcessHandle.current().pid() + " on " + host;
    }
}
