package dev.paymentsdr.bench;

import dev.paymentsdr.service.console.PhaseProgress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code drctl bench}: measures the payment API against pgbench and records the figures. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the payment API at saturation against pgbench with the same SQL on the same server, "
                + "with a sync or async standby or none; write bench/results (and the README figures with --update-readme).")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--replication", defaultValue = "sync,async,none", paramLabel = "MODES",
            description = "What stands behind the primary: sync (a synchronous streaming standby), async, none, or a "
                    + "comma-separated list run one after the other (default ${DEFAULT-VALUE}).")
    private String replication;

    @Option(names = "--rounds", defaultValue = "3", description = "Times each phase runs; the figures are the median and range, 1..20 (default ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--duration", defaultValue = "15", description = "Seconds of each measured phase, 5..600 (default ${DEFAULT-VALUE}).")
    private int durationSeconds;

    @Option(names = "--warmup", defaultValue = "20", description = "Seconds of unmeasured load before the first round (JIT, pool), 1..600 (default ${DEFAULT-VALUE}).")
    private int warmupSeconds;

    @Option(names = "--connections", defaultValue = "16", description = "wrk connections, 1..512 (default ${DEFAULT-VALUE}).")
    private int connections;

    @Option(names = "--pgbench-clients", defaultValue = "8", description = "pgbench clients, 1..256 (default ${DEFAULT-VALUE}).")
    private int pgbenchClients;

    @Option(names = "--pool-size", defaultValue = "10", description = "Service connection pool size, 1..200 (default ${DEFAULT-VALUE}, the service's own default).")
    private int poolSize;

    @Option(names = "--results-dir", description = "Where result files go (default: bench/results in the repository).")
    private Path resultsDir;

    @Option(names = "--update-readme", description = "Also write the figures into README.md (a checkout stays clean without it).")
    private boolean updateReadme;

    @Override
    public Integer call() throws Exception {
        List<ReplicationMode> modes;
        try {
            modes = ReplicationMode.parseList(replication);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        requireRange("--rounds", rounds, 1, 20);
        requireRange("--duration", durationSeconds, 5, 600);
        requireRange("--warmup", warmupSeconds, 1, 600);
        requireRange("--connections", connections, 1, 512);
        requireRange("--pgbench-clients", pgbenchClients, 1, 256);
        requireRange("--pool-size", poolSize, 1, 200);
        if (!WrkLoad.available()) {
            throw new ParameterException(spec.commandLine(),
                    "wrk not found on PATH: install it with `apt-get install -y wrk` (or scripts/install-deps bench)");
        }
        Path home = Path.of(System.getProperty("drctl.home", ".")).toAbsolutePath();
        Path dir = resultsDir != null ? resultsDir : home.resolve("bench/results");
        ApiBenchmarkResult result;
        // phases on stderr: stdout carries the figures and the Markdown table
        try (PhaseProgress progress = PhaseProgress.on("bench", spec.commandLine().getErr())) {
            result = new ApiBenchmark(new ApiBenchmark.Options(modes, rounds, Duration.ofSeconds(durationSeconds),
                    Duration.ofSeconds(warmupSeconds), connections, pgbenchClients, poolSize), System.out, progress).run();
        }
        System.out.println();
        System.out.print(result.toMarkdown());
        ResultsWriter writer = new ResultsWriter();
        Path file = writer.write(result, dir);
        System.out.println("\nresults: " + file);
        if (updateReadme && writer.updateReadme(home.resolve("README.md"), result, "./drctl bench")) {
            System.out.println("README.md: figures updated");
        }
        return 0;
    }

    private void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(), name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
