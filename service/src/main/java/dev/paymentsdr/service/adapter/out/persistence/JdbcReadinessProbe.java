package dev.paymentsdr.service.adapter.out.persistence;

import dev.paymentsdr.service.health.DatabaseRole;
import dev.paymentsdr.service.health.ReadinessProbe;
import dev.paymentsdr.service.health.ReadinessReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Readiness from one short query ({@link SqlDialect#readState}): role (PostgreSQL recovery, MySQL innodb_read_only),
 * read-only fence, and replication facts where the database offers them; migrates once the database is writable.
 */
public final class JdbcReadinessProbe implements ReadinessProbe {
    private final DataSource dataSource;
    private final SchemaMigrator migrator;
    private final SqlDialect dialect;
    private final ReadinessFailures failureLog = new ReadinessFailures();

    public JdbcReadinessProbe(DataSource dataSource, SchemaMigrator migrator) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.migrator = Objects.requireNonNull(migrator, "migrator");
        this.dialect = migrator.dialect();
    }

    @Override
    public ReadinessReport check() {
        SqlDialect.DatabaseState state;
        try (Connection connection = dataSource.getConnection()) {
            state = dialect.readState(connection);
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
}
