package dev.paymentsdr.service.adapter.out.persistence;

import dev.paymentsdr.payments.port.out.LedgerUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What differs between the SQL databases the JDBC ledger runs on (PostgreSQL / Aurora PostgreSQL, and MySQL 8 /
 * Aurora MySQL 3): driver and pool settings, migrations, the insert of a payment, value types, failure codes and
 * the readiness query. Everything else in the JDBC adapters is shared.
 */
public sealed interface SqlDialect permits PostgresDialect, MySqlDialect {
    /** URL prefixes the JDBC ledger accepts, for error messages. */
    String ACCEPTED_URLS = "jdbc:postgresql://, jdbc:aws-wrapper:postgresql:// (Aurora PostgreSQL), jdbc:mysql:// or "
            + "jdbc:aws-wrapper:mysql:// (Aurora MySQL)";

    /** The dialect of a JDBC URL, or empty when the ledger does not support its database. */
    static Optional<SqlDialect> forUrl(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith(PostgresDialect.URL_PREFIX) || url.startsWith(PostgresDialect.WRAPPER_PREFIX)) {
            return Optional.of(PostgresDialect.INSTANCE);
        }
        if (url.startsWith(MySqlDialect.URL_PREFIX) || url.startsWith(MySqlDialect.WRAPPER_PREFIX)) {
            return Optional.of(MySqlDialect.INSTANCE);
        }
        return Optional.empty();
    }

    /** Product name for messages, e.g. "PostgreSQL". */
    String name();

    /** Flyway location of this database's migrations. */
    String migrationLocation();

    /** The JDBC driver of plain URLs (wrapper URLs use the AWS Advanced JDBC Wrapper over it). */
    String driverClass();

    /** The URL prefix of this database through the AWS Advanced JDBC Wrapper. */
    String wrapperPrefix();

    /** Driver properties: bounded connect and socket timeouts, keep-alive, the application name. */
    Map<String, String> driverProperties(String poolName);

    /** One row, one boolean: true when the database refuses writes now (a standby, reader or fenced primary). */
    String readOnlySql();

    /**
     * Inserts the payment, its idempotency record and its outbox event in one transaction, unless the payment's
     * idempotency key is already recorded.
     *
     * @return true when inserted, false when the key existed (nothing was written)
     */
    boolean insert(Connection connection, PaymentRow row) throws SQLException;

    /** Whether concurrent payments may share one transaction ({@link #insertBatch}); otherwise one each. */
    default boolean groupCommits() {
        return false;
    }

    /**
     * Inserts several payments, each as {@link #insert} would, in the connection's current transaction; the caller
     * commits. A key that is already recorded (also by an earlier row of the same batch) writes nothing.
     *
     * @return per row, true when inserted and false when its key existed
     */
    default boolean[] insertBatch(Connection connection, List<PaymentRow> rows) throws SQLException {
        throw new UnsupportedOperationException(name() + " writes one payment per transaction");
    }

    /** The payment columns read by {@link PaymentRows#payment}, qualified with the alias {@code p}. */
    String paymentColumns();

    /** The request hash and payment columns of the record under one key (one parameter: the key). */
    String selectByKeySql();

    void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException;

    UUID getUuid(ResultSet rows, int index) throws SQLException;

    void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException;

    Instant getInstant(ResultSet rows, int index) throws SQLException;

    /** A failure that means "not now" (read-only, schema not there yet), by this database's codes. */
    Optional<LedgerUnavailableException> unavailable(SQLException failure);

    /** A failure that a retry of the same transaction may not meet again (deadlock, serialization). */
    boolean isRetryable(SQLException failure);

    /** Role, writability and replication facts for the readiness report, from one short query. */
    DatabaseState readState(Connection connection) throws SQLException;

    /** What the readiness query saw. */
    record DatabaseState(boolean standby, boolean readOnly, String readOnlyReason, Map<String, Object> replication) {
    }
}
