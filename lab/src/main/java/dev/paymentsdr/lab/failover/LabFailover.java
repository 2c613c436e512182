package dev.paymentsdr.lab.failover;

import dev.paymentsdr.failover.application.FailoverOrchestrator;
import dev.paymentsdr.failover.application.FailoverRuntime;
import dev.paymentsdr.failover.application.FailoverSettings;
import dev.paymentsdr.failover.application.HealthMonitor;
import dev.paymentsdr.failover.application.Sleeper;
import dev.paymentsdr.failover.port.out.FailoverPorts;
import dev.paymentsdr.lab.Lab;
import java.nio.file.Path;
import java.time.Clock;

/** Wires the failover core to a running lab: its adapters, handed to the target-neutral {@link FailoverRuntime}. */
public final class LabFailover {
    /** Where the execution log and the lease live, inside the lab directory. */
    public static final String DIR = "failover";

    private final Lab lab;
    private final FailoverPorts ports;
    private final FileExecutionLog log;
    private final Clock clock;

    private LabFailover(Lab lab, FailoverPorts ports, FileExecutionLog log, Clock clock) {
        this.lab = lab;
        this.ports = ports;
        this.log = log;
        this.clock = clock;
    }

    /** The adapters of the lab in {@code lab}. */
    public static LabFailover of(Lab lab) {
        Clock clock = Clock.systemUTC();
        Path dir = lab.dir().resolve(DIR);
        FileExecutionLog log = new FileExecutionLog(dir.resolve("executions.jsonl"));
        FailoverPorts ports = new FailoverPorts(new LabDatabaseControl(lab), new LabTraffic(lab), new LabCapacity(lab),
                new FrontDoorPaymentProbe(lab.haproxy().frontDoorUrl()), new LogNotifier(), log,
                new FileLease(dir.resolve("lease"), clock));
        return new LabFailover(lab, ports, log, clock);
    }

    /** The same wiring with the execution log wrapped (for example to print or time each record). */
    public LabFailover withExecutionLog(java.util.function.UnaryOperator<dev.paymentsdr.failover.port.out.ExecutionLog> wrap) {
        FailoverPorts wrapped = new FailoverPorts(ports.database(), ports.traffic(), ports.capacity(), ports.probe(),
                ports.notifier(), wrap.apply(ports.log()), ports.lease());
        return new LabFailover(lab, wrapped, log, clock);
    }

    public Lab lab() {
        return lab;
    }

    public FailoverPorts ports() {
        return ports;
    }

    public FileExecutionLog executionLog() {
        return log;
    }

    public Clock clock() {
        return clock;
    }

    /** The target-neutral runtime (orchestrator, monitor) over the lab's adapters, with the lab's limits. */
    public FailoverRuntime runtime() {
        return new FailoverRuntime(ports, FailoverSettings.defaults(), clock, Sleeper.system());
    }

    /** An orchestrator acting on this lab, identified by this process. */
    public FailoverOrchestrator orchestrator() {
        return runtime().orchestrator(owner());
    }

    /** A monitor of this lab that triggers {@link #orchestrator()}. */
    public HealthMonitor monitor(HealthMonitor.Settings settings, HealthMonitor.Listener listener) {
        return runtime().monitor(settings, listener, owner());
    }

    /** Who this process is, as the lease shows it to a refused trigger. */
    public static String owner() {
        return FailoverRuntime.processOwner();
    }
}
