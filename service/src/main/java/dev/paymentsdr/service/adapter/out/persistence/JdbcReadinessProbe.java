package dev.paymentsdr.service.adapter.out.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.service.health.DatabaseRole;
import dev.paymentsdr.service.health.ReadinessProbe;
import dev.paymentsdr.service.health.ReadinessReport;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/** Readiness from one short query: role (pg_is_in_recovery), read-only fence, and replication lag where known. */
public final class JdbcReadinessProbe implements ReadinessProbe {
    /**
     * pg_current_wal_lsn() fails during recovery, so each branch only runs on the role it belongs to.
     * Lag per standby on a primary; receive-vs-replay bytes and seconds since the last replayed commit on a standby.
     */
    static final String QUERY = """
            SELECT pg_is_in_recovery(),
                   current_setting('transaction_read_only'),
                   CASE WHEN pg_is_in_recovery()
                        THEN pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()) END,
                   CASE WHEN pg_is_in_recovery()
                        THEN extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END,
                   CASE WHEN pg_is_in_recovery() THEN NULL ELSE (
                       SELECT coalesce(json_agg(json_build_object(
                                  'applicationName', application_name,
                                  'state', state,
                                  'syncState', sync_state,
                                  'lagBytes', pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn),
                                  'replayLagSeconds', extract(epoch FROM replay_lag))
                                  ORDER BY application_name), '[]')::text
                       FROM pg_stat_replication) END""";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final SchemaMigrator migrator;
    private final ReadinessFailures failureLog = new ReadinessFailures();

    public JdbcReadinessProbe(DataSource dataSource, SchemaMigrator migrator) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.migrator = Objects.requireNonNull(migrator, "migrator");
    }

    @Override
    public ReadinessReport check() {
        DatabaseState state;
        try {
            state = query();
        } catch (SQLException | RuntimeException e) {
            return ReadinessReport.notReady(DatabaseRole.UNKNOWN, failureLog.reasonFor(e), Map.of());
        }
        if (state.inRecovery()) {
            migrator.recognizeReplicatedSchema();
            return ReadinessReport.notReady(DatabaseRole.STANDBY,
                    "database is a standby (in recovery); it takes no writes until promoted", state.replication());
        }
        if (state.readOnly()) {
            return ReadinessReport.notReady(DatabaseRole.PRIMARY,
                    "database is read-only (transaction_read_only is on: fenced primary)", state.replication());
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

    private record DatabaseState(boolean inRecovery, boolean readOnly, Map<String, Object> replication) {
    }

    private DatabaseState query() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            try (ResultSet row = statement.executeQuery(QUERY)) {
                row.next();
                boolean inRecovery = row.getBoolean(1);
                boolean readOnly = "on".equals(row.getString(2));
                Map<String, Object> replication = new LinkedHashMap<>();
                if (inRecovery) {
                    replication.put("receivedNotReplayedBytes", row.getBigDecimal(3));
                    BigDecimal seconds = row.getBigDecimal(4);
                    replication.put("secondsSinceLastReplayedCommit", seconds);
                } else {
                    replication.put("standbys", standbys(row.getString(5)));
                }
                return new DatabaseState(inRecovery, readOnly, replication);
            }
        }
    }

    private static List<Map<String, Object>> standbys(String json) {
        try {
            return JSON.readValue(json == null ? "[]" : json, new TypeReference<List<Map<String, Object>>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("pg_stat_replication summary is not JSON", e);
        }
    }
}
