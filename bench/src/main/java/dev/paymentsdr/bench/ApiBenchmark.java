package dev.paymentsdr.bench;

import dev.paymentsdr.localpg.FreePorts;
import dev.paymentsdr.localpg.TemporaryPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The payment API benchmark: a fresh PostgreSQL, the service in its own JVM, wrk at saturation and at half of
 * it, then pgbench running the service's own transaction on the same server with the service stopped.
 */
public final class ApiBenchmark {
    /** How a run is shaped; validated by the command. */
    public record Options(Duration duration, int connections, int pgbenchClients, int poolSize) {
    }

    private final Options options;
    private final PrintStream out;

    public ApiBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public ApiBenchmarkResult run() throws IOException, SQLException {
        Path work = Files.createTempDirectory("payments-bench-");
        // Durable commits, as in production: the ratio compares like with like either way.
        try (TemporaryPostgres pg = TemporaryPostgres.start(Map.of("fsync", "on", "max_connections", "200"))) {
            LoadFigures saturation;
            LoadFigures halfLoad;
            double target;
            int port = FreePorts.pick();
            try (ServiceProcess service = ServiceProcess.start(port, pg.jdbcUrl(), pg.username(), pg.password(),
                    options.poolSize(), work.resolve("service.log"))) {
                WrkLoad wrk = new WrkLoad(work);
                phase("warm-up (JIT, pool)");
                wrk.run(service.baseUri(), options.connections(), Duration.ofSeconds(8), 0, "warmup");
                phase("saturation: " + options.connections() + " connections for " + options.duration().toSeconds() + " s");
                saturation = wrk.run(service.baseUri(), options.connections(), options.duration(), 0, "sat");
                report("saturation", saturation);
                target = saturation.successesPerSecond() / 2;
                phase("half load: calibrating the pacing for " + Math.round(target) + " payments/s");
                int pause = pacingFor(target, 0, saturation);
                LoadFigures probe = wrk.run(service.baseUri(), options.connections(), Duration.ofSeconds(5), pause, "probe");
                pause = pacingFor(target, pause, probe);
                phase("half load: " + options.duration().toSeconds() + " s at a pause of " + pause + " ms per connection");
                halfLoad = wrk.run(service.baseUri(), options.connections(), options.duration(), pause, "half");
                report("half load", halfLoad);
            }
            long rows = countRows(pg);
            phase("pgbench: " + options.pgbenchClients() + " clients, the service's transaction, " + options.duration().toSeconds() + " s");
            PgbenchLoad pgbench = new PgbenchLoad(work, PaymentTransactionScript.text());
            PgbenchLoad.Figures pgFigures = pgbench.run(pg.server().port(), pg.username(), pg.password(), "postgres",
                    options.pgbenchClients(), options.duration());
            out.printf("  pgbench: %.0f tps, latency average %.2f ms, failed %d%n", pgFigures.tps(),
                    pgFigures.latencyAverageMs(), pgFigures.failedTransactions());
            return new ApiBenchmarkResult(Instant.now(), Runtime.getRuntime().availableProcessors(),
                    serverVersion(pg), options.connections(), saturation, target, halfLoad, pgFigures, rows);
        } finally {
            TemporaryPostgres.deleteTree(work);
        }
    }

    /** Pause per request per connection so that the connections together send {@code target} requests per second. */
    private int pacingFor(double target, int currentPause, LoadFigures observed) {
        double perRequestMs = options.connections() * 1000.0 / Math.max(1.0, observed.requests() / observed.seconds());
        double serviceTimeMs = Math.max(0, perRequestMs - currentPause);
        double wantedMs = options.connections() * 1000.0 / target;
        return (int) Math.max(1, Math.round(wantedMs - serviceTimeMs));
    }

    private static long countRows(TemporaryPostgres pg) throws SQLException {
        try (Connection c = pg.server().connect("postgres");
             ResultSet rs = c.createStatement().executeQuery("select count(*) from payments")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String serverVersion(TemporaryPostgres pg) throws SQLException {
        try (Connection c = pg.server().connect("postgres");
             ResultSet rs = c.createStatement().executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1).split(" ")[0];
        }
    }

    private void phase(String text) {
        out.println("bench: " + text);
    }

    private void report(String name, LoadFigures f) {
        out.printf("  %s: %.0f payments/s, p50 %.1f ms, p99 %.1f ms, errors %d%n", name, f.successesPerSecond(),
                f.p50Ms(), f.p99Ms(), f.errors());
    }
}
