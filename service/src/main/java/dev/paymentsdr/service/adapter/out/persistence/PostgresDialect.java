package dev.paymentsdr.service.adapter.out.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.payments.port.out.LedgerUnavailableException;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** PostgreSQL 15+ and Aurora PostgreSQL: one statement writes payment, idempotency record and outbox event. */
final class PostgresDialect implements SqlDialect {
    static final PostgresDialect INSTANCE = new PostgresDialect();
    static final String URL_PREFIX = "jdbc:postgresql://";
    static final String WRAPPER_PREFIX = "jdbc:aws-wrapper:postgresql://";

    /**
     * One statement, one round trip: the payment row is inserted unless its idempotency key exists (a concurrent
     * insert of the same key waits for the first transaction), and the outbox event and the idempotency record only
     * when the payment was inserted (PostgreSQL runs every data-modifying WITH part exactly once). Its update count
     * is 1 when the payment was inserted and 0 when the key existed, so a JDBC batch of it reports every payment.
     */
    static final String INSERT_SQL = """
            WITH inserted AS (
                INSERT INTO payments (id, idempotency_key, customer_id, amount_minor, currency, description, metadata,
                                      status, region, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                ON CONFLICT (idempotency_key) DO NOTHING
                RETURNING id, idempotency_key, created_at
            ), queued AS (
                INSERT INTO payment_outbox (event_id, event_type, payment_id, payload, created_at)
                SELECT ?, ?, id, ?, created_at FROM inserted
            )
            INSERT INTO idempotency_records (key, request_hash, payment_id, response_status, response_body, created_at)
            SELECT idempotency_key, ?, id, 201, ?, created_at FROM inserted""";

    /** pg_current_wal_lsn() fails during recovery, so each branch only runs on the role it belongs to. */
    private static final String STATE_SQL = """
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
    /** read_only_sql_transaction: a standby, or a primary fenced with default_transaction_read_only. */
    private static final String READ_ONLY_SQL_TRANSACTION = "25006";
    /** undefined_table: the schema is not migrated yet (the database was never writable since startup). */
    private static final String UNDEFINED_TABLE = "42P01";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PostgresDialect() {
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public String migrationLocation() {
        return "classpath:db/migration/postgresql";
    }

    @Override
    public String driverClass() {
        return "org.postgresql.Driver";
    }

    @Override
    public String wrapperPrefix() {
        return WRAPPER_PREFIX;
    }

    /** pgJDBC counts in seconds. */
    @Override
    public Map<String, String> driverProperties(String poolName) {
        return Map.of("connectTimeout", "2", "socketTimeout", "30", "tcpKeepAlive", "true",
                "ApplicationName", "payments-service-" + poolName);
    }

    @Override
    public String readOnlySql() {
        return "SELECT pg_is_in_recovery() OR current_setting('transaction_read_only') = 'on'";
    }

    @Override
    public boolean insert(Connection connection, PaymentRow row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_SQL)) {
            bind(statement, row);
            return statement.executeUpdate() == 1;
        }
    }

    @Override
    public boolean groupCommits() {
        return true;
    }

    /** The statements go to the server together and are answered together: one round trip for the batch. */
    @Override
    public boolean[] insertBatch(Connection connection, List<PaymentRow> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_SQL)) {
            for (PaymentRow row : rows) {
                bind(statement, row);
                statement.addBatch();
            }
            int[] counts = statement.executeBatch();
            boolean[] inserted = new boolean[rows.size()];
            for (int i = 0; i < counts.length; i++) {
                inserted[i] = counts[i] == 1;
            }
            return inserted;
        }
    }

    private void bind(PreparedStatement statement, PaymentRow row) throws SQLException {
        PaymentRows.bindPayment(statement, row.payment(), this);
        statement.setObject(11, row.event().eventId());
        statement.setString(12, row.event().type().wireName());
        statement.setString(13, row.eventJson());
        statement.setString(14, row.fingerprint().sha256Hex());
        statement.setString(15, row.responseBody());
    }

    @Override
    public String paymentColumns() {
        return "p.id, p.idempotency_key, p.customer_id, p.amount_minor, p.currency, p.description, p.metadata::text, "
                + "p.status, p.region, p.created_at";
    }

    @Override
    public String selectByKeySql() {
        return "SELECT r.request_hash, " + paymentColumns()
                + " FROM idempotency_records r JOIN payments p ON p.id = r.payment_id WHERE r.key = ?";
    }

    @Override
    public void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        statement.setObject(index, value);
    }

    @Override
    public UUID getUuid(ResultSet rows, int index) throws SQLException {
        return rows.getObject(index, UUID.class);
    }

    @Override
    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    @Override
    public Instant getInstant(ResultSet rows, int index) throws SQLException {
        return rows.getObject(index, OffsetDateTime.class).toInstant();
    }

    @Override
    public Optional<LedgerUnavailableException> unavailable(SQLException failure) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        if (state.equals(READ_ONLY_SQL_TRANSACTION)) {
            return Optional.of(new LedgerUnavailableException(LedgerUnavailableException.Reason.NOT_PRIMARY,
                    "the database is read-only (standby or fenced primary)", failure));
        }
        if (state.equals(UNDEFINED_TABLE)) {
            return Optional.of(SqlFailures.notMigrated(failure));
        }
        if (state.equals("57P01") || state.equals("57P02") || state.equals("57P03") || state.equals("53300")) {
            // admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections
            return Optional.of(SqlFailures.unreachable(failure, state));
        }
        return Optional.empty();
    }

    @Override
    public boolean isRetryable(SQLException failure) {
        return "40001".equals(failure.getSQLState()) || "40P01".equals(failure.getSQLState());
    }

    @Override
    public DatabaseState readState(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            try (ResultSet row = statement.executeQuery(STATE_SQL)) {
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
                return new DatabaseState(inRecovery, inRecovery || readOnly,
                        inRecovery ? "database is a standby (in recovery); it takes no writes until promoted"
                                : "database is read-only (transaction_read_only is on: fenced primary)",
                        replication);
            }
        }
    }

    private static List<Map<String, Object>> standbys(String json) {
        try {
            return JSON.readValue(json == null ? "[]" : json, new TypeReference<List<Map<String, Object>>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("pg_stat_replication summary is not JSON", e);
        }
    }
}
