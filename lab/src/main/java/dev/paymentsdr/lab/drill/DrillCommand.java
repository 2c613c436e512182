package dev.paymentsdr.lab.drill;

import dev.paymentsdr.lab.ReplicationMode;
import dev.paymentsdr.lab.failover.cli.DurationConverter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drctl drill}: inject a fault into a fresh lab under load and measure RTO and RPO. */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = "Inject a fault into a fresh lab under load; measure RTO and acknowledged payments lost (RPO).")
public final class DrillCommand implements Callable<Integer> {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "S",
            description = "region-outage, planned-switchover, service-crash, db-crash, db-hang, region-hang,"
                    + " replication-lag, orchestrator-crash, failback, network-partition or failback-after-outage.")
    private String scenario;

    @Option(names = "--runs", defaultValue = "1", paramLabel = "N", description = "Runs, each on a fresh lab, 1..100 (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--rate", defaultValue = "200", paramLabel = "R", description = "Payments per second through the front door, 1..2000 (default: ${DEFAULT-VALUE}).")
    private int rate;

    @Option(names = "--replication", defaultValue = "sync", paramLabel = "MODE", description = "sync or async (default: ${DEFAULT-VALUE}).")
    private String replication;

    @Option(names = "--probe-interval", defaultValue = "1s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Monitor and HAProxy health-check interval (default: ${DEFAULT-VALUE}).")
    private Duration probeInterval;

    @Option(names = "--failures", defaultValue = "3", paramLabel = "N", description = "Consecutive failed probes before failover (default: ${DEFAULT-VALUE}).")
    private int failures;

    @Option(names = "--warmup", defaultValue = "3s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Load before the fault (default: ${DEFAULT-VALUE}).")
    private Duration warmup;

    @Option(names = "--tail", defaultValue = "2s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Load after traffic is back (default: ${DEFAULT-VALUE}).")
    private Duration tail;

    @Option(names = "--clients", defaultValue = "4", paramLabel = "N",
            description = "Closed-loop clients besides the open-loop rate: each sends its next payment once the previous"
                    + " one answered or timed out at 2 s, 0..64 (default: ${DEFAULT-VALUE}).")
    private int clients;

    @Option(names = "--primary-region", defaultValue = "us-east-1", paramLabel = "REGION",
            description = "The primary region (default: ${DEFAULT-VALUE}).")
    private String primaryRegion;

    @Option(names = "--standby-region", defaultValue = "us-east-2", paramLabel = "REGION",
            description = "The standby (DR) region (default: ${DEFAULT-VALUE}).")
    private String standbyRegion;

    @Option(names = "--link-latency", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Round trip of the region->region links (default: the region pair's typical one: 12ms for"
                    + " us-east-1/us-east-2, 65ms for us-east-1/us-west-2).")
    private Duration linkLatency;

    @Option(names = "--work-dir", defaultValue = "/tmp", paramLabel = "DIR",
            description = "Where each run's temporary lab is created and deleted again (default: ${DEFAULT-VALUE}).")
    private Path workDir;

    @Option(names = "--results-dir", paramLabel = "DIR",
            description = "Where each drill makes its own folder <scenario>-<UTC start>/ with drill.json and report.html"
                    + " (default: drill-results under the current directory).")
    private Path resultsDir;

    @Option(names = "--json", paramLabel = "FILE.json",
            description = "Write the figures of every run and the summary as JSON here instead of the results folder.")
    private Path json;

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "Write the self-contained HTML report with the timeline charts here instead of the results folder.")
    private Path report;

    @Override
    public Integer call() throws InterruptedException {
        DrillSettings settings;
        Instant started = Instant.now();
        DrillOutputs outputs;
        try {
            Scenario chosen = Scenario.parse(scenario);
            settings = new DrillSettings(chosen, runs, rate, ReplicationMode.parse(replication), probeInterval, failures,
                    warmup, tail, Duration.ofSeconds(90), workDir.toAbsolutePath().normalize(),
                    new DrillSettings.Regions(primaryRegion, standbyRegion, linkLatency), clients);
            outputs = DrillOutputs.resolve(resultsDir, json, report, chosen, started);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        List<String> args = new java.util.ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (!args.isEmpty() && args.get(0).equals("drill")) {
            args.remove(0);
        }
        String command = "drctl drill " + String.join(" ", args);
        System.out.println("Drill " + settings.scenario().label() + ": " + settings.scenario().description() + "; "
                + runs + " run(s) at " + rate + " payments/s open loop and " + clients + " closed-loop client(s), "
                + settings.replication().label() + " replication");
        System.out.println("Regions " + primaryRegion + " (primary) and " + standbyRegion + " (standby), links round trip "
                + settings.regions().roundTrip().toMillis()
                + " ms (" + (linkLatency == null ? "typical for the pair" : "set with --link-latency") + ")");
        List<RunResult> results;
        try (DrillProgress progress = new DrillProgress(System.out)) {
            results = new DrillRunner(settings, progress).runAll();
        }
        DrillReport drill = new DrillReport(settings, started, command, results);
        System.out.println(summary(drill));
        DrillOutputs.Written written = outputs.write(drill);
        System.out.println("JSON: " + written.json());
        System.out.println("HTML report: " + written.report());
        if (written.folder() != null) {
            System.out.println("Results folder: " + written.folder());
        }
        return drill.everyRunHeld() ? 0 : 1;
    }

    static String summary(DrillReport drill) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s, %s replication, %d run(s): RTO p50 %s ms,"
                        + " p95 %s ms, max %s ms (closed loop: p50 %s ms, p95 %s ms, max %s ms); acknowledged payments lost"
                        + " %d (per run %s); acked %d, failed requests %d; writes acknowledged by a fenced region %d",
                drill.settings().scenario().label(), drill.settings().replication().label(), drill.runs().size(),
                ms(drill.rtoPercentile(50)), ms(drill.rtoPercentile(95)), ms(drill.rtoPercentile(100)),
                ms(drill.closedLoopRtoPercentile(50)), ms(drill.closedLoopRtoPercentile(95)),
                ms(drill.closedLoopRtoPercentile(100)), drill.totalLostAcked(),
                drill.runs().stream().map(RunResult::rpoLostAcked).toList(), drill.acked(), drill.failedRequests(),
                drill.fencedRegionAcked()));
        if (drill.runs().stream().anyMatch(r -> r.standby() != null)) {
            text.append("; runs ending without a streaming standby ").append(drill.runsWithoutStreamingStandby());
        }
        if (drill.unmeasuredFailureWindows() > 0) {
            text.append("; stretches of failing answers outside the measured outages ").append(drill.unmeasuredFailureWindows());
        }
        if (drill.outageNames().size() > 1) {
            text.append("\n  RTO by outage:");
            for (String name : drill.outageNames()) {
                text.append(String.format(Locale.ROOT, " %s p50 %s ms, p95 %s ms, max %s ms;", name,
                        ms(drill.outageRtoPercentile(name, 50)), ms(drill.outageRtoPercentile(name, 95)),
                        ms(drill.outageRtoPercentile(name, 100))));
            }
            text.setLength(text.length() - 1);
        }
        List<DrillReport.StepSummary> steps = drill.stepSummaries();
        if (!steps.isEmpty()) {
            String slowest = drill.slowestStep().map(DrillReport.StepSummary::step).orElse("");
            text.append(String.format(Locale.ROOT, "%nFailover steps over %d run(s), ms:%n  %-28s %8s %8s %8s %5s",
                    drill.runs().size(), "step", "p50", "p95", "max", "runs"));
            for (DrillReport.StepSummary step : steps) {
                text.append(String.format(Locale.ROOT, "%n  %-28s %8.0f %8.0f %8.0f %5d%s", step.step(), step.p50(),
                        step.p95(), step.max(), step.runs(), step.step().equals(slowest) ? "  <- slowest" : ""));
            }
        }
        for (RunResult r : drill.runs()) {
            if (!r.lostAckedKeys().isEmpty()) {
                text.append(String.format(Locale.ROOT, "%n  run %d lost %d acknowledged payment(s) over %.0f ms: %s",
                        r.run(), r.rpoLostAcked(), r.lostSpanMs(), String.join(", ", r.lostAckedKeys())));
            }
        }
        return text.toString();
    }

    private static String ms(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.0f", value);
    }
}
