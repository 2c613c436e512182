package dev.paymentsdr.service.adapter.out.persistence;

import dev.paymentsdr.service.health.DatabaseRole;
import dev.paymentsdr.service.health.ReadinessProbe;
import dev.paymentsdr.service.health.ReadinessReport;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Readiness from one short query ({@link SqlDialect#readState}): role (PostgreSQL recovery, MySQL innodb_read_only),
 * read-only fence, and replication facts where the database offers them; migrates once the database is writable.
 * The query runs on a connection of its own ({@link ReadinessConnection}): a saturated payment pool does not make
 * the region look down, and a database that refuses connections makes it look down at once.
 */
public final class JdbcReadinessProbe implements ReadinessProbe, AutoCloseable {
    private final ReadinessConnection connection;
    private final SchemaMigrator migrator;
    private final SqlDialect dialect;
    private final ReadinessFailures failureLog = new ReadinessFailures();
    private final Duration wait;
    private CompletableFuture<ReadinessReport> inFlight;

    /** @param direct a data source without a pool ({@link DataSources#direct}), so that a refused connection shows at once */
    public JdbcReadinessProbe(DataSource direct, SchemaMigrator migrator) {
        this(direct, migrator, ReadinessConnection.WAIT);
    }

    /** As above, with the longest wait of one check for the database. */
    public JdbcReadinessProbe(DataSource direct, SchemaMigrator migrator, Duration wait) {
        this.connection = new ReadinessConnection(Objects.requireNonNull(direct, "direct"), wait);
        this.wait = wait;
        this.migrator = Objects.requireNonNull(migrator, "migrator");
        this.dialect = migrator.dialect();
    }

    /**
     * Checks now, or, while a check is already running, shares its report: load balancers and the monitor probe
     * side by side (the monitor more often while answers are slow), and queueing each probe behind the one before
     * would turn one slow answer into a row of time-outs, the very thing that makes a monitor fail over.
     */
    @Override
    public ReadinessReport check() {
        CompletableFuture<ReadinessReport> running;
        boolean mine = false;
        synchronized (this) {
            if (inFlight == null) {
                inFlight = new CompletableFuture<>();
                mine = true;
            }
            running = inFlight;
        }
        if (!mine) {
            return shared(running);
        }
        ReadinessReport report = null;
        try {
            report = checkNow();
            return report;
        } finally {
            synchronized (this) {
                inFlight = null;
            }
            running.complete(report != null ? report : ReadinessReport.notReady(DatabaseRole.UNKNOWN,
                    "readiness check failed; details in the service log", Map.of()));
        }
    }

    private ReadinessReport shared(CompletableFuture<ReadinessReport> running) {
        try {
            return running.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return ReadinessReport.notReady(DatabaseRole.UNKNOWN, "database did not answer the readiness check within "
                    + wait.toMillis() + " ms", Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReadinessReport.notReady(DatabaseRole.UNKNOWN, "readiness check interrupted", Map.of());
        } catch (ExecutionException e) {
            return ReadinessReport.notReady(DatabaseRole.UNKNOWN, failureLog.reasonFor(e.getCause()), Map.of());
        }
    }

    private ReadinessReport checkNow() {
        SqlDialect.DatabaseState state;
        try {
            state = connection.use(dialect::readState);
        } catch (SQLException | RuntimeException e) {
            return ReadinessReport.notReady(DatabaseRole.UNKNOWN, failureLog.reasonFor(e), Map.of());
        }
        if (state.standby()) {
            migrator.recognizeReplicatedSchema();
            return ReadinessReport.notReady(DatabaseRole.STANDBY, state.readOnlyReason(), state.replication());
        }
        if (state.readOnly()) {
            return ReadinessReport.notReady(DatabaseRole.PRIMARY, state.readOnlyReason(), state.replication());
        }
        if (!migrator.isMigrated()) {
            try {
                migrator.ensureMigrated(); // the query just showed a writable primary
            } catch (RuntimeException e) {
                return ReadinessReport.notReady(DatabaseRole.PRIMARY, "schema migration failed: "
                        + failureLog.reasonFor(e), state.replication());
            }
        }
        failureLog.recovered();
        return ReadinessReport.ready(state.replication());
    }

    @Override
    public void close() {
        connection.close();
    }
}
