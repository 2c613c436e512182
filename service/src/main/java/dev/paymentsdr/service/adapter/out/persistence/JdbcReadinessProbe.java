package dev.paymentsdr.service.adapter.out.persistence;

import dev.paymentsdr.service.health.DatabaseRole;
import dev.paymentsdr.service.health.ReadinessProbe;
import dev.paymentsdr.service.health.ReadinessReport;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
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

    /** @param direct a data source without a pool ({@link DataSources#direct}), so that a refused connection shows at once */
    public JdbcReadinessProbe(DataSource direct, SchemaMigrator migrator) {
        this(direct, migrator, ReadinessConnection.WAIT);
    }

    /** As above, with the longest wait of one check for the database. */
    public JdbcReadinessProbe(DataSource direct, SchemaMigrator migrator, Duration wait) {
        this.connection = new ReadinessConnection(Objects.requireNonNull(direct, "direct"), wait);
        this.migrator = Objects.requireNonNull(migrator, "migrator");
        this.dialect = migrator.dialect();
    }

    @Override
    public ReadinessReport check() {
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
