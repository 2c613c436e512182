package dev.paymentsdr.service.adapter.out.persistence;

import dev.paymentsdr.payments.port.out.LedgerUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * MySQL 8 and Aurora MySQL 3 (tested on MariaDB 10.11, which accepts the same SQL): three inserts in one
 * transaction, since MySQL has neither INSERT ... RETURNING nor data-modifying WITH. A second request with the
 * same key waits on the unique index until the first commits, then fails with a duplicate key and reads its payment.
 * Times are DATETIME(6) in UTC, ids CHAR(36).
 */
final class MySqlDialect implements SqlDialect {
    static final MySqlDialect INSTANCE = new MySqlDialect();
    static final String URL_PREFIX = "jdbc:mysql://";
    static final String WRAPPER_PREFIX = "jdbc:aws-wrapper:mysql://";

    static final String INSERT_PAYMENT = """
            INSERT INTO payments (id, idempotency_key, customer_id, amount_minor, currency, description, metadata,
                                  status, region, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    static final String INSERT_RECORD = """
            INSERT INTO idempotency_records (idempotency_key, request_hash, payment_id, response_status, response_body,
                                             created_at)
            VALUES (?, ?, ?, 201, ?, ?)""";
    static final String INSERT_EVENT = """
            INSERT INTO payment_outbox (event_id, event_type, payment_id, payload, created_at)
            VALUES (?, ?, ?, ?, ?)""";
    private static final java.time.format.DateTimeFormatter DATETIME =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    /** ER_DUP_ENTRY. */
    private static final int DUPLICATE_KEY = 1062;
    /**
     * --read-only (also Aurora readers), read-only transaction, read-only mode, table opened read-only and InnoDB
     * read-only (innodb_read_only: Aurora global database secondaries).
     */
    private static final Set<Integer> READ_ONLY = Set.of(1290, 1792, 1836, 1036, 1874);
    /** ER_NO_SUCH_TABLE. */
    private static final int NO_SUCH_TABLE = 1146;
    /** Server shutdown in progress, too many connections, connection killed (MariaDB). */
    private static final Set<Integer> GOING_AWAY = Set.of(1053, 1040, 1927);
    /** Deadlock, lock wait timeout: the transaction was rolled back and may run again. */
    private static final Set<Integer> RETRYABLE = Set.of(1213, 1205);

    private MySqlDialect() {
    }

    @Override
    public String name() {
        return "MySQL";
    }

    @Override
    public String migrationLocation() {
        return "classpath:db/migration/mysql";
    }

    @Override
    public String driverClass() {
        return "com.mysql.cj.jdbc.Driver";
    }

    @Override
    public String wrapperPrefix() {
        return WRAPPER_PREFIX;
    }

    /**
     * Connector/J counts in milliseconds; a request waiting behind another with the same key gives up (lock wait)
     * well before the socket timeout.
     */
    @Override
    public Map<String, String> driverProperties(String poolName) {
        return Map.of("connectTimeout", "2000", "socketTimeout", "30000", "tcpKeepAlive", "true",
                "sessionVariables", "innodb_lock_wait_timeout=10",
                "connectionAttributes", "program_name:payments-service-" + poolName);
    }

    @Override
    public String readOnlySql() {
        return "SELECT @@global.read_only <> 0 OR @@global.innodb_read_only <> 0";
    }

    @Override
    public boolean insert(Connection connection, PaymentRow row) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            var payment = row.payment();
            try (PreparedStatement statement = connection.prepareStatement(INSERT_PAYMENT)) {
                PaymentRows.bindPayment(statement, payment, this);
                statement.executeUpdate();
            } catch (SQLException e) {
                if (e.getErrorCode() == DUPLICATE_KEY) {
                    connection.rollback();
                    return false;
                }
                throw e;
            }
            try (PreparedStatement statement = connection.prepareStatement(INSERT_RECORD)) {
                statement.setString(1, payment.idempotencyKey().value());
                statement.setString(2, row.fingerprint().sha256Hex());
                setUuid(statement, 3, payment.id().value());
                statement.setString(4, row.responseBody());
                setInstant(statement, 5, payment.createdAt());
                statement.executeUpdate();
            }
            try (PreparedStatement statement = connection.prepareStatement(INSERT_EVENT)) {
                setUuid(statement, 1, row.event().eventId());
                statement.setString(2, row.event().type().wireName());
                setUuid(statement, 3, payment.id().value());
                statement.setString(4, row.eventJson());
                setInstant(statement, 5, payment.createdAt());
                statement.executeUpdate();
            }
            connection.commit();
            return true;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection, e);
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    @Override
    public String paymentColumns() {
        return "p.id, p.idempotency_key, p.customer_id, p.amount_minor, p.currency, p.description, p.metadata, "
                + "p.status, p.region, p.created_at";
    }

    @Override
    public String selectByKeySql() {
        return "SELECT r.request_hash, " + paymentColumns()
                + " FROM idempotency_records r JOIN payments p ON p.id = r.payment_id WHERE r.idempotency_key = ?";
    }

    @Override
    public void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        statement.setString(index, value.toString());
    }

    @Override
    public UUID getUuid(ResultSet rows, int index) throws SQLException {
        return UUID.fromString(rows.getString(index));
    }

    /**
     * As text: MariaDB 10.11 announces itself as "5.5.5-10.11..." and Connector/J then drops the fractional seconds
     * of temporal parameters (5.5 had none); a string is converted by the server itself on MySQL and MariaDB alike.
     */
    @Override
    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setString(index, DATETIME.format(LocalDateTime.ofInstant(value, ZoneOffset.UTC)));
    }

    @Override
    public Instant getInstant(ResultSet rows, int index) throws SQLException {
        return rows.getObject(index, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }

    @Override
    public Optional<LedgerUnavailableException> unavailable(SQLException failure) {
        int code = failure.getErrorCode();
        if (READ_ONLY.contains(code)) {
            return Optional.of(new LedgerUnavailableException(LedgerUnavailableException.Reason.NOT_PRIMARY,
                    "the database is read-only (read_only or innodb_read_only: a reader, a replica or a fenced primary)",
                    failure));
        }
        if (code == NO_SUCH_TABLE) {
            return Optional.of(SqlFailures.notMigrated(failure));
        }
        if (GOING_AWAY.contains(code)) {
            return Optional.of(SqlFailures.unreachable(failure, "MySQL error " + code));
        }
        return Optional.empty();
    }

    @Override
    public boolean isRetryable(SQLException failure) {
        return RETRYABLE.contains(failure.getErrorCode());
    }

    @Override
    public DatabaseState readState(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            try (ResultSet row = statement.executeQuery("SELECT @@global.read_only, @@global.innodb_read_only")) {
                row.next();
                boolean readOnly = row.getInt(1) != 0;
                boolean innodbReadOnly = row.getInt(2) != 0;
                Map<String, Object> replication = new LinkedHashMap<>();
                replication.put("readOnly", readOnly);
                replication.put("innodbReadOnly", innodbReadOnly);
                // innodb_read_only marks an Aurora reader or a global database secondary; read_only alone a fence.
                return new DatabaseState(innodbReadOnly, readOnly || innodbReadOnly,
                        innodbReadOnly ? "database is a reader (innodb_read_only is on: an Aurora reader or secondary cluster)"
                                : "database is read-only (read_only is on: a replica or a fenced primary)",
                        replication);
            }
        }
    }
}
