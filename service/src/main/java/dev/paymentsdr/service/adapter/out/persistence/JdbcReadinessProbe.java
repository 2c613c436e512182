package dev.paymentsdr.service.adapter.out.persistence;

import dev.paymentsdr.service.health.DatabaseRole;
import dev.paymentsdr.service.health.ReadinessProbe;
import dev.paymentsdr.service.health.ReadinessReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness from one short query ({@link SqlDialect#readState}): role (PostgreSQL recovery, MySQL innodb_read_only),
 * read-only fence, and replication facts where the database offers them; migrates once the database is writable.
 */
public final class JdbcReadinessProbe implements ReadinessProbe {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcReadinessProbe.class);
    private final DataSource dataSource;
    private final SchemaMigrator migrator;
    private final SqlDialect dialect;

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
            LOG.debug("readiness query failed", e);
            return ReadinessReport.notReady(DatabaseRole.UNKNOWN, "database unreachable: " + describe(e), Map.of());
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
                LOG.warn("schema migration failed: {}", describe(e));
                return ReadinessReport.notReady(DatabaseRole.PRIMARY, "schema migration failed: " + describe(e),
                        state.replication());
            }
        }
        return ReadinessReport.ready(state.replication());
    }

    /**
     * A short cause without credentials: the SQLState and first message line of the innermost SQL failure
     * (the driver's "connection refused" says more than the pool's "timed out").
     */
    private static String describe(Throwable e) {
        SQLException innermost = null;
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                innermost = sql;
            }
        }
        return innermost == null ? firstLine(e.getMessage())
                : "SQLState " + innermost.getSQLState() + " " + firstLine(innermost.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
