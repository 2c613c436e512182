package dev.paymentsdr.bench;

import dev.paymentsdr.localpg.PostgresBinaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs pgbench with a custom script (the service's own SQL) and reads its transactions per second. */
final class PgbenchLoad {
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: ([0-9]+)");
    private static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: ([0-9]+)");

    /** What pgbench measured. */
    record Figures(double tps, double latencyAverageMs, long failedTransactions, long transactions) {
    }

    private final Path script;

    PgbenchLoad(Path workDir, String scriptText) {
        try {
            script = workDir.resolve("payment-transaction.sql");
            Files.writeString(script, scriptText);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the pgbench script: " + e.getMessage(), e);
        }
    }

    Figures run(int port, String user, String password, String database, int clients, Duration duration) {
        List<String> command = List.of(executable(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", user,
                "-n", "-M", "prepared", "-c", Integer.toString(clients), "-j", "2",
                "-T", Long.toString(duration.toSeconds()), "-f", script.toString(), database);
        // The password goes through the environment, never the command line.
        String output = ExternalCommand.run(command, Map.of("PGPASSWORD", password), duration.plusSeconds(60));
        return new Figures(number(TPS, output, "tps"), number(LATENCY, output, "latency average"),
                (long) optionalNumber(FAILED, output), (long) number(PROCESSED, output, "transaction count"));
    }

    private static String executable() {
        return PostgresBinaries.find().map(b -> b.tool("pgbench")).filter(Files::isExecutable)
                .map(Path::toString).orElse("pgbench");
    }

    private static double number(Pattern pattern, String output, String what) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("pgbench printed no " + what + ": " + output);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double optionalNumber(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
