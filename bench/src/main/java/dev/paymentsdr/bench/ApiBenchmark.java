package dev.paymentsdr.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.paymentsdr.localpg.FreePorts;
import dev.paymentsdr.localpg.PostgresServer;
import dev.paymentsdr.localpg.TemporaryPostgres;
import dev.paymentsdr.service.adapter.out.persistence.DataSources;
import dev.paymentsdr.service.adapter.out.persistence.SchemaMigrator;
import dev.paymentsdr.service.adapter.out.persistence.SqlDialect;
import dev.paymentsdr.service.console.PhaseProgress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The payment API benchmark, per replication mode: a fresh durable primary (with a sync or async standby, or none),
 * the service in its own JVM, then rounds of wrk at saturation each followed by pgbench running the service's own
 * transaction on the same server, then rounds at half of the median saturation.
 */
public final class ApiBenchmark {
    /** pgbench writes into a database of its own on the same server, so that the service's outbox relay never sees its rows. */
    static final String PGBENCH_DATABASE = "bench_pgbench";
    private static final List<String> JIT_THREADS = List.of("C1 CompilerThre", "C2 CompilerThre");
    private static final Duration SETTLE = Duration.ofMillis(500);

    /** How a run is shaped; validated by the command. */
    public record Options(List<ReplicationMode> modes, int rounds, Duration duration, Duration warmup, int connections,
                          int pgbenchClients, int poolSize) {
    }

    private final Options options;
    private final PrintStream out;
    private final PhaseProgress progress;

    /** Figures go to {@code out}; the phases to {@code progress}, so the figures stay apart from the progress lines. */
    public ApiBenchmark(Options options, PrintStream out, PhaseProgress progress) {
        this.options = options;
        this.out = out;
        this.progress = progress;
    }

    public ApiBenchmarkResult run() throws IOException, SQLException {
        List<ModeResult> results = new ArrayList<>();
        String version = "unknown";
        for (ReplicationMode mode : options.modes()) {
            Path work = Files.createTempDirectory("payments-bench-");
            progress.start(mode.wireName() + ": start PostgreSQL" + (mode == ReplicationMode.NONE ? "" : " and its "
                    + mode.wireName() + " standby"));
            try (BenchDatabase database = BenchDatabase.start(mode)) {
                version = serverVersion(database.primary());
                results.add(runMode(database, work));
                progress.done("");
            } finally {
                TemporaryPostgres.deleteTree(work);
            }
        }
        return new ApiBenchmarkResult(Instant.now(), Runtime.getRuntime().availableProcessors(), version,
                options.connections(), options.pgbenchClients(), options.poolSize(), options.rounds(),
                options.duration().toSeconds(), List.copyOf(results));
    }

    private ModeResult runMode(BenchDatabase database, Path work) throws SQLException {
        ReplicationMode mode = database.mode();
        TemporaryPostgres pg = database.primary();
        phase(mode, "PostgreSQL primary" + (mode == ReplicationMode.NONE ? " alone" : " with a streaming " + mode.wireName()
                + " standby") + " is up; preparing the pgbench database");
        createPgbenchDatabase(pg);
        List<Round> rounds = new ArrayList<>();
        List<ModeResult.HalfLoadRound> halfLoad = new ArrayList<>();
        double target;
        try (ServiceProcess service = ServiceProcess.start(FreePorts.pick(), pg.jdbcUrl(), pg.username(), pg.password(),
                options.poolSize(), work.resolve("service.log"))) {
            WrkLoad wrk = new WrkLoad(work);
            PgbenchLoad pgbench = new PgbenchLoad(work, PaymentTransactionScript.text());
            phase(mode, "warm-up at saturation for " + options.warmup().toSeconds() + " s (JIT, pool)");
            wrk.run(service.baseUri(), options.connections(), options.warmup(), 0, "warmup");
            awaitOutboxRelayed(pg, Instant.now());
            for (int round = 1; round <= options.rounds(); round++) {
                phase(mode, "round " + round + "/" + options.rounds() + ": service at saturation, " + options.connections()
                        + " connections, " + options.duration().toSeconds() + " s");
                int roundNumber = round;
                Measured<LoadFigures> saturation = measure(service, database,
                        () -> wrk.run(service.baseUri(), options.connections(), options.duration(), 0, "sat" + roundNumber),
                        f -> f.requests() - f.errors());
                report("saturation", saturation.figures(), saturation.cost());
                Instant ended = Instant.now();
                long backlog = pendingOutboxEvents(pg);
                double drained = awaitOutboxRelayed(pg, ended);
                phase(mode, "round " + round + "/" + options.rounds() + ": pgbench, " + options.pgbenchClients()
                        + " clients, the service's transaction, " + options.duration().toSeconds() + " s");
                Measured<PgbenchLoad.Figures> pgFigures = measure(service, database,
                        () -> pgbench.run(pg.server().port(), pg.username(), pg.password(), PGBENCH_DATABASE,
                                options.pgbenchClients(), options.duration()),
                        PgbenchLoad.Figures::transactions);
                out.printf("  pgbench: %.0f tps, latency average %.2f ms, failed %d, PostgreSQL %s µs/tx%n",
                        pgFigures.figures().tps(), pgFigures.figures().latencyAverageMs(),
                        pgFigures.figures().failedTransactions(), micros(pgFigures.cost().databaseMicros()));
                rounds.add(new Round(saturation.figures(), saturation.cost(), backlog, drained, pgFigures.figures(),
                        pgFigures.cost()));
            }
            target = Spread.of(rounds.stream().map(r -> r.saturation().successesPerSecond()).toList()).median() / 2;
            phase(mode, "half load: calibrating the pacing for " + Math.round(target) + " payments/s");
            int pause = pacingFor(target, 0, rounds.get(rounds.size() - 1).saturation());
            LoadFigures probe = wrk.run(service.baseUri(), options.connections(), Duration.ofSeconds(5), pause, "probe");
            pause = pacingFor(target, pause, probe);
            for (int round = 1; round <= options.rounds(); round++) {
                phase(mode, "round " + round + "/" + options.rounds() + ": half load, " + options.duration().toSeconds()
                        + " s at a pause of " + pause + " ms per connection");
                int roundNumber = round;
                int roundPause = pause;
                Measured<LoadFigures> half = measure(service, database,
                        () -> wrk.run(service.baseUri(), options.connections(), options.duration(), roundPause, "half" + roundNumber),
                        f -> f.requests() - f.errors());
                report("half load", half.figures(), half.cost());
                halfLoad.add(new ModeResult.HalfLoadRound(half.figures(), half.cost()));
            }
        }
        return new ModeResult(mode, List.copyOf(rounds), target, List.copyOf(halfLoad), countRows(pg));
    }

    /** A phase's figures with what it cost. */
    private record Measured<T>(T figures, PhaseCost cost) {
    }

    private <T> Measured<T> measure(ServiceProcess service, BenchDatabase database, Supplier<T> phase,
                                    java.util.function.ToLongFunction<T> payments) {
        if (!ProcessCpu.supported()) {
            return new Measured<>(phase.get(), PhaseCost.UNMEASURED);
        }
        double loadBefore = ProcessCpu.loadAverage();
        long serviceBefore = ProcessCpu.ofProcess(service.pid()).orElse(-1L);
        long jitBefore = ProcessCpu.ofThreads(service.pid(), JIT_THREADS).orElse(-1L);
        long databaseBefore = databaseCpu(database);
        T figures = phase.get();
        // A load tool's sessions end with it; their backends' time counts once the postmaster has reaped them.
        pause(SETTLE);
        long serviceAfter = ProcessCpu.ofProcess(service.pid()).orElse(-1L);
        long jitAfter = ProcessCpu.ofThreads(service.pid(), JIT_THREADS).orElse(-1L);
        long databaseAfter = databaseCpu(database);
        double load = (loadBefore + ProcessCpu.loadAverage()) / 2;
        long count = payments.applyAsLong(figures);
        return new Measured<>(figures, new PhaseCost(perPayment(serviceBefore, serviceAfter, count),
                perPayment(jitBefore, jitAfter, count), perPayment(databaseBefore, databaseAfter, count), load));
    }

    private static long databaseCpu(BenchDatabase database) {
        long total = 0;
        for (PostgresServer server : database.servers()) {
            long cpu = server.pid().flatMap(ProcessCpu::ofTree).orElse(-1L);
            if (cpu < 0) {
                return -1;
            }
            total += cpu;
        }
        return total;
    }

    private static double perPayment(long before, long after, long count) {
        return before < 0 || after < 0 || count <= 0 ? -1 : (after - before) / 1000.0 / count;
    }

    /** The same schema as the service's, by the service's own migrations, in a database of its own. */
    private static void createPgbenchDatabase(TemporaryPostgres pg) {
        pg.server().execute("postgres", "CREATE DATABASE " + PGBENCH_DATABASE);
        String url = pg.server().jdbcUrl(PGBENCH_DATABASE);
        try (HikariDataSource pool = DataSources.pool(url, pg.username(), pg.password(), 2, "bench-schema")) {
            new SchemaMigrator(pool, SqlDialect.forUrl(url).orElseThrow()).ensureMigrated();
        }
    }

    /**
     * Waits until the service's outbox relay has relayed every event (bounded), so that its catching up never runs
     * during the next phase; returns the seconds since {@code since}.
     */
    private double awaitOutboxRelayed(TemporaryPostgres pg, Instant since) throws SQLException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(Math.max(60, 6 * options.duration().toSeconds())));
        long pending;
        while ((pending = pendingOutboxEvents(pg)) > 0 && Instant.now().isBefore(deadline)) {
            pause(Duration.ofMillis(250));
        }
        if (pending > 0) {
            out.println("  (the outbox relay still had " + pending + " events to relay at the deadline; going on)");
        }
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    private static long pendingOutboxEvents(TemporaryPostgres pg) throws SQLException {
        return count(pg, "select count(*) from payment_outbox where relayed_at is null");
    }

    /** Pause per request per connection so that the connections together send {@code target} requests per second. */
    private int pacingFor(double target, int currentPause, LoadFigures observed) {
        double perRequestMs = options.connections() * 1000.0 / Math.max(1.0, observed.requests() / observed.seconds());
        double serviceTimeMs = Math.max(0, perRequestMs - currentPause);
        double wantedMs = options.connections() * 1000.0 / target;
        return (int) Math.max(1, Math.round(wantedMs - serviceTimeMs));
    }

    private static long countRows(TemporaryPostgres pg) throws SQLException {
        return count(pg, "select count(*) from payments");
    }

    private static long count(TemporaryPostgres pg, String sql) throws SQLException {
        try (Connection c = pg.server().connect("postgres");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
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

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the benchmark waited", e);
        }
    }

    private void phase(ReplicationMode mode, String text) {
        progress.start(mode.wireName() + ": " + text);
    }

    private void report(String name, LoadFigures f, PhaseCost cost) {
        out.printf("  %s: %.0f payments/s, p50 %.1f ms, p99 %.1f ms, errors %d; CPU µs/payment: service %s (JIT %s),"
                        + " PostgreSQL %s; load %.1f%n", name, f.successesPerSecond(), f.p50Ms(), f.p99Ms(), f.errors(),
                micros(cost.serviceMicros()), micros(cost.serviceJitMicros()), micros(cost.databaseMicros()), cost.loadAverage());
    }

    private static String micros(double value) {
        return value < 0 ? "n/a" : Long.toString(Math.round(value));
    }
}
