package dev.paymentsdr.lab.cli;

import dev.paymentsdr.lab.Lab;
import dev.paymentsdr.lab.LabConfig;
import dev.paymentsdr.lab.LabConfigFile;
import dev.paymentsdr.lab.LabException;
import dev.paymentsdr.lab.ReplicationMode;
import dev.paymentsdr.service.console.PhaseProgress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drctl lab up}: starts the lab, or reports the one already running. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start the lab (idempotent: starts only what is not running) and print its status.")
public final class LabUpCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "Lab directory (default: <repo>/.lab; overrides the config file).")
    private Path dir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Lab config file (key=value: dir, replication, health.interval, health.fall, health.rise,"
                    + " front-door.port, primary.region, primary.db-port, primary.service-port, standby.region,"
                    + " standby.db-port, standby.service-port, start-timeout, link.latency); flags override it.")
    private Path configFile;

    @Option(names = "--replication", paramLabel = "sync|async", description = "Replication mode (default: sync).")
    private String replication;

    @Option(names = "--check-interval", paramLabel = "DURATION", description = "HAProxy health-check interval (default: 1s).")
    private String checkInterval;

    @Option(names = "--fall", description = "Failed checks before a region is marked down (default: 3).")
    private Integer fall;

    @Option(names = "--rise", description = "Passed checks before a region is marked up (default: 2).")
    private Integer rise;

    @Option(names = "--primary-region", description = "Name of the primary region (default: us-east-1).")
    private String primaryRegion;

    @Option(names = "--standby-region", description = "Name of the standby region (default: us-east-2).")
    private String standbyRegion;

    @Option(names = "--front-door-port", description = "HAProxy front-door port (default: a free port, kept in the lab state).")
    private Integer frontDoorPort;

    @Option(names = "--primary-db-port", description = "PostgreSQL port of the primary region (default: free port).")
    private Integer primaryDbPort;

    @Option(names = "--primary-service-port", description = "Payment service port of the primary region (default: free port).")
    private Integer primaryServicePort;

    @Option(names = "--standby-db-port", description = "PostgreSQL port of the standby region (default: free port).")
    private Integer standbyDbPort;

    @Option(names = "--standby-service-port", description = "Payment service port of the standby region (default: free port).")
    private Integer standbyServicePort;

    @Option(names = "--link-latency", paramLabel = "DURATION",
            description = "Round trip of the region->region links (default: the region pair's typical one, e.g. 12ms for"
                    + " us-east-1/us-east-2, 65ms for us-east-1/us-west-2; required for a pair the lab does not know).")
    private String linkLatency;

    @Option(names = "--start-timeout", paramLabel = "DURATION", description = "How long each component may take to start (default: 120s).")
    private String startTimeout;

    @Option(names = "--no-install", description = "Never install missing Debian packages; fail naming them instead.")
    private boolean noInstall;

    @Override
    public Integer call() {
        LabConfig config = config();
        // phases on stderr, the status table on stdout
        try (PhaseProgress progress = PhaseProgress.on("lab up", spec.commandLine().getErr())) {
            return up(config, progress);
        }
    }

    private int up(LabConfig config, PhaseProgress progress) {
        progress.start("start the lab in " + config.dir());
        Lab lab;
        try {
            lab = Lab.up(config, progress::note);
        } catch (LabException e) {
            progress.failed(e.getMessage());
            spec.commandLine().getErr().println("drctl lab up: " + e.getMessage());
            return 1;
        }
        String started = lab.startedByLastUp().isEmpty() ? "already running" : "started " + String.join(", ", lab.startedByLastUp());
        progress.done(started);
        progress.start("read the lab's status");
        String status = StatusTable.render(lab.status());
        progress.done("");
        if (lab.startedByLastUp().isEmpty()) {
            spec.commandLine().getOut().println("The lab in " + lab.dir() + " is already running.");
        } else {
            spec.commandLine().getOut().println("Started: " + String.join(", ", lab.startedByLastUp()) + ".");
        }
        spec.commandLine().getOut().print(status);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private LabConfig config() {
        try {
            LabConfig.Builder b = LabConfig.builder();
            if (configFile != null) {
                LabConfigFile.applyTo(b, configFile);
            }
            if (dir != null) {
                b.dir(dir);
            }
            if (replication != null) {
                b.replication(ReplicationMode.parse(replication));
            }
            if (checkInterval != null) {
                b.checkInterval(LabConfig.parseDuration("--check-interval", checkInterval));
            }
            if (linkLatency != null) {
                b.linkRoundTrip(LabConfig.parseDuration("--link-latency", linkLatency));
            }
            if (startTimeout != null) {
                b.startTimeout(LabConfig.parseDuration("--start-timeout", startTimeout));
            }
            if (fall != null) {
                b.fall(fall);
            }
            if (rise != null) {
                b.rise(rise);
            }
            if (primaryRegion != null) {
                b.primaryRegion(primaryRegion);
            }
            if (standbyRegion != null) {
                b.standbyRegion(standbyRegion);
            }
            if (frontDoorPort != null) {
                b.frontDoorPort(frontDoorPort);
            }
            if (primaryDbPort != null) {
                b.primaryDbPort(primaryDbPort);
            }
            if (primaryServicePort != null) {
                b.primaryServicePort(primaryServicePort);
            }
            if (standbyDbPort != null) {
                b.standbyDbPort(standbyDbPort);
            }
            if (standbyServicePort != null) {
                b.standbyServicePort(standbyServicePort);
            }
            return b.installMissing(!noInstall).build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
