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
                    + " replication-lag, orchestrator-crash or failback.")
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

    @Option(names = "--work-dir", defaultValue = "/tmp", paramLabel = "DIR",
            description = "Where each run's temporary lab is created and deleted again (default: ${DEFAULT-VALUE}).")
    private Path workDir;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the figures of every run and the summary as JSON.")
    private Path json;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Write a self-contained HTML report with the timeline chart.")
    private Path report;

    @Override
    public Integer call() throws InterruptedException {
        DrillSettings settings;
        try {
            Scenario chosen = Scenario.parse(scenario);
            settings = new DrillSettings(chosen, runs, rate, ReplicationMode.parse(replication), probeInterval, failures,
                    warmup, tail, Duration.ofSeconds(90), workDir.toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (report != null && !report.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--report must name an .html file, was " + report);
        }
        List<String> args = new java.util.ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (!args.isEmpty() && args.get(0).equals("drill")) {
            args.remove(0);
        }
        String command = "drctl drill " + String.join(" ", args);
        System.out.println("Drill " + settings.scenario().label() + ": " + settings.scenario().description() + "; "
                + runs + " run(s) at " + rate + " payments/s, " + settings.replication().label() + " replication");
        Instant started = Instant.now();
        List<RunResult> results;
        try (DrillProgress progress = new DrillProgress(System.out)) {
            results = new DrillRunner(settings, progress).runAll();
        }
        DrillReport drill = new DrillReport(settings, started, command, results);
        System.out.println(summary(drill));
        if (json != null) {
            drill.writeJson(json);
            System.out.println("JSON report: " + json.toAbsolutePath());
        }
        if (report != null) {
            HtmlReport.write(drill, report);
            System.out.println("HTML report: " + report.toAbsolutePath());
        }
        return drill.everyRunRecovered() ? 0 : 1;
    }

    static String summary(DrillReport drill) {
        return String.format(Locale.ROOT, "%s, %s replication, %d run(s): RTO p50 %s ms, p95 %s ms, max %s ms;"
                        + " acknowledged payments lost %d (per run %s); acked %d, failed requests %d",
                drill.settings().scenario().label(), drill.settings().replication().label(), drill.runs().size(),
                ms(drill.rtoPercentile(50)), ms(drill.rtoPercentile(95)), ms(drill.rtoPercentile(100)),
                drill.totalLostAcked(), drill.runs().stream().map(RunResult::rpoLostAcked).toList(), drill.acked(),
                drill.failedRequests());
    }

    private static String ms(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.0f", value);
    }
}
