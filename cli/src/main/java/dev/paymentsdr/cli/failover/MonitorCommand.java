package dev.paymentsdr.cli.failover;

import dev.paymentsdr.failover.application.HealthMonitor;
import dev.paymentsdr.failover.domain.model.DatabaseRole;
import dev.paymentsdr.failover.domain.model.ExecutionResult;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.application.FailoverRuntime;
import dev.paymentsdr.lab.failover.cli.DurationConverter;
import java.io.PrintWriter;
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
    /** IPv4 dotted quads and IPv6 literals: the address is bound as given, never looked up in DNS. */
    private static final java.util.regex.Pattern IP_LITERAL = java.util.regex.Pattern.compile(
            "(\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

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

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve Prometheus metrics (probe results, the last failover) at http://ADDRESS:PORT/metrics;"
                    + " 0 picks a free port and prints it (default: no metrics server).")
    private Integer metricsPort;

    @Option(names = "--metrics-address", paramLabel = "ADDRESS",
            description = "IP address the metrics server binds to, with --metrics-port (default: 127.0.0.1;"
                    + " 0.0.0.0 for every interface).")
    private String metricsAddress;

    @Override
    public Integer call() throws InterruptedException {
        HealthMonitor.Settings settings;
        try {
            settings = new HealthMonitor.Settings(interval, failures, maxLag, allowDataLoss);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        checkMetricsFlags();
        PrintWriter out = spec.commandLine().getOut();
        try (FailoverTarget opened = target.open(spec.commandLine())) {
            MonitorMetrics metrics = new MonitorMetrics(opened.name(), opened.executions(), opened.runtime().clock());
            try (MetricsServer server = metricsPort == null ? null : serveMetrics(metrics)) {
                if (server != null) {
                    out.println("Metrics for Prometheus: http://" + hostInUrl(metricsAddress) + ":" + server.port() + "/metrics");
                }
                out.println("Monitoring the " + opened.name() + " every " + interval.toMillis() + " ms; failover after "
                        + failures + " consecutive failures. Ctrl-C stops.");
                out.flush();
                HealthMonitor monitor = opened.runtime().monitor(settings, new TerminalListener(out), FailoverRuntime.processOwner())
                        .observeProbes(metrics);
                Optional<ExecutionResult> stopped = monitor.run(() -> Thread.currentThread().isInterrupted());
                if (stopped.isPresent()) {
                    spec.commandLine().getErr().println("monitor stopped: the failover it started ended "
                            + stopped.get().outcome() + ": " + stopped.get().message());
                    FailoverCommand.hint(opened, stopped.get()).ifPresent(spec.commandLine().getErr()::println);
                    spec.commandLine().getErr().flush();
                    return 1;
                }
                return 0;
            }
        }
    }

    /** Port and address are checked before anything is opened or probed: a typo changes nothing. */
    private void checkMetricsFlags() {
        if (metricsAddress != null && metricsPort == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--metrics-address needs --metrics-port PORT");
        }
        metricsAddress = metricsAddress == null ? "127.0.0.1" : metricsAddress;
        if (metricsPort != null && (metricsPort < 0 || metricsPort > 65_535)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--metrics-port: must be 0 (a free port) to 65535,"
                    + " was " + metricsPort);
        }
        if (!IP_LITERAL.matcher(metricsAddress).matches()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--metrics-address: expected an IP address such as"
                    + " 127.0.0.1, 0.0.0.0 or ::1, was '" + metricsAddress + "'");
        }
    }

    private MetricsServer serveMetrics(MonitorMetrics metrics) {
        try {
            return MetricsServer.start(metricsAddress, metricsPort, metrics::scrape);
        } catch (RuntimeException e) {
            // a taken port or an address this machine does not have: say which, before any probe runs
            throw new CommandLine.ParameterException(spec.commandLine(), "--metrics-port: cannot listen on " + metricsAddress
                    + ":" + metricsPort + " (" + rootMessage(e) + "); choose another port or address");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String hostInUrl(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }

    /** Prints a line when readiness changes and every failed probe; quiet while all is well. */
    private static final class TerminalListener implements HealthMonitor.Listener {
        private final PrintWriter out;
        private Boolean lastReady;
        private DatabaseRole lastPassiveRole;

        TerminalListener(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void onPassiveProbe(RegionId region, DatabaseRole role) {
            if (role != lastPassiveRole) {
                out.println(LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + "  " + region + "  passive region's database: "
                        + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + (role == DatabaseRole.STANDBY ? "" : " (a failover would have no healthy standby to promote)"));
            }
            lastPassiveRole = role;
        }

        @Override
        public void onProbe(RegionId region, boolean ready, int consecutiveFailures, String detail) {
            if (!ready || lastReady == null || !lastReady) {
                out.println(LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + "  " + (region == null ? "-" : region)
                        + "  " + detail + (ready ? "" : " (" + consecutiveFailures + " in a row)"));
            }
            lastReady = ready;
        }

        @Override
        public void onFailoverStarted(FailoverRequest request) {
            out.println("starting " + request.mode().title() + " " + request.executionId() + " from "
                    + request.from() + " to " + request.to());
        }

        @Override
        public void onFailoverFinished(ExecutionResult result) {
            out.println(result.outcome() + ": " + result.message());
            lastReady = null;
        }
    }
}
