package dev.paymentsdr.cli.failover;

import dev.paymentsdr.failover.application.HealthMonitor;
import dev.paymentsdr.failover.domain.model.DatabaseRole;
import dev.paymentsdr.failover.domain.model.ExecutionResult;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.application.FailoverRuntime;
import dev.paymentsdr.lab.failover.cli.DurationConverter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drctl monitor}: automatic mode, as Route 53 health checks with a failure threshold. */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = "Probe the active region's readiness and fail over automatically after N consecutive failures.")
public final class MonitorCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private TargetOptions target;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
            description = "Time between probes (default: ${DEFAULT-VALUE}).")
    private Duration interval;

    @Option(names = "--failures", paramLabel = "N", defaultValue = "3",
            description = "Consecutive failed probes that start a failover, 1..100 (default: ${DEFAULT-VALUE}).")
    private int failures;

    @Option(names = "--max-lag", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "Lag gate of the failovers it starts (default: ${DEFAULT-VALUE}).")
    private Duration maxLag;

    @Option(names = "--allow-data-loss", description = "Let automatic failovers promote a standby beyond --max-lag.")
    private boolean allowDataLoss;

    @Override
    public Integer call() throws InterruptedException {
        HealthMonitor.Settings settings;
        try {
            settings = new HealthMonitor.Settings(interval, failures, maxLag, allowDataLoss);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try (FailoverTarget opened = target.open(spec.commandLine())) {
            System.out.println("Monitoring the " + opened.name() + " every " + interval.toMillis() + " ms; failover after "
                    + failures + " consecutive failures. Ctrl-C stops.");
            HealthMonitor monitor = opened.runtime().monitor(settings, new TerminalListener(), FailoverRuntime.processOwner());
            Optional<ExecutionResult> stopped = monitor.run(() -> Thread.currentThread().isInterrupted());
            if (stopped.isPresent()) {
                System.err.println("monitor stopped: the failover it started ended " + stopped.get().outcome() + ": "
                        + stopped.get().message());
                FailoverCommand.hint(opened, stopped.get()).ifPresent(System.err::println);
                return 1;
            }
            return 0;
        }
    }

    /** Prints a line when readiness changes and every failed probe; quiet while all is well. */
    private static final class TerminalListener implements HealthMonitor.Listener {
        private Boolean lastReady;
        private DatabaseRole lastPassiveRole;

        @Override
        public void onPassiveProbe(RegionId region, DatabaseRole role) {
            if (role != lastPassiveRole) {
                System.out.println(LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + "  " + region + "  passive region's database: "
                        + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + (role == DatabaseRole.STANDBY ? "" : " (a failover would have no healthy standby to promote)"));
            }
            lastPassiveRole = role;
        }

        @Override
        public void onProbe(RegionId region, boolean ready, int consecutiveFailures, String detail) {
            if (!ready || lastReady == null || !lastReady) {
                System.out.println(LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + "  " + (region == null ? "-" : region)
                        + "  " + detail + (ready ? "" : " (" + consecutiveFailures + " in a row)"));
            }
            lastReady = ready;
        }

        @Override
        public void onFailoverStarted(FailoverRequest request) {
            System.out.println("starting " + request.mode().title() + " " + request.executionId() + " from "
                    + request.from() + " to " + request.to());
        }

        @Override
        public void onFailoverFinished(ExecutionResult result) {
            System.out.println(result.outcome() + ": " + result.message());
            lastReady = null;
        }
    }
}
