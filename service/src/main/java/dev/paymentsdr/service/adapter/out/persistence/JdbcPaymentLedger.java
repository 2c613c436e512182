package dev.paymentsdr.service.adapter.out.persistence;

import dev.paymentsdr.payments.domain.model.CustomerId;
import dev.paymentsdr.payments.domain.model.IdempotencyKey;
import dev.paymentsdr.payments.domain.model.PageCursor;
import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.domain.model.PaymentEvent;
import dev.paymentsdr.payments.domain.model.PaymentId;
import dev.paymentsdr.payments.domain.model.RequestFingerprint;
import dev.paymentsdr.payments.port.out.LedgerLookupPort;
import dev.paymentsdr.payments.port.out.LedgerUnavailableException;
import dev.paymentsdr.payments.port.out.ListPaymentsPort;
import dev.paymentsdr.payments.port.out.LoadPaymentPort;
import dev.paymentsdr.payments.port.out.RecordOutcome;
import dev.paymentsdr.payments.port.out.RecordPaymentPort;
import dev.paymentsdr.service.adapter.out.events.PaymentEventJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntConsumer;
import javax.sql.DataSource;

/**
 * The payment ledger in a SQL database (PostgreSQL or MySQL, see {@link SqlDialect}): payment, idempotency record
 * and the payment.created outbox event in one transaction. On PostgreSQL concurrent payments share transactions
 * ({@link GroupCommit}): each is acknowledged only after the commit of the transaction that holds it.
 */
public final class JdbcPaymentLedger implements RecordPaymentPort, LoadPaymentPort, ListPaymentsPort, LedgerLookupPort {
    /** The PostgreSQL insert (payment, idempotency record, outbox event): the statement a pgbench comparison runs. */
    public static final String INSERT_SQL = PostgresDialect.INSERT_SQL;
    /** Attempts of one insert that meets a deadlock (MySQL may choose a waiting same-key insert as its victim). */
    private static final int ATTEMPTS = 3;
    /** Payments in one transaction at most: pgjdbc sends a batch of this size in one round trip. */
    static final int MAX_BATCH = 64;

    private final DataSource dataSource;
    private final SchemaMigrator migrator;
    private final Function<Payment, String> responseBody;
    private final SqlDialect dialect;
    private final String selectById;
    private final String selectFirstPage;
    private final String selectNextPage;
    private final GroupCommit<PaymentRow, RecordOutcome> groupCommit;
    private final IntConsumer batchSizes;

    /** @param responseBody renders the 201 response stored with the idempotency record */
    public JdbcPaymentLedger(DataSource dataSource, SchemaMigrator migrator, Function<Payment, String> responseBody) {
        this(dataSource, migrator, responseBody, 1, size -> { });
    }

    /**
     * @param responseBody renders the 201 response stored with the idempotency record
     * @param writers      transactions that write payments at the same time, each on a connection of its own
     * @param batchSizes   told the number of payments of every transaction that commits payments
     */
    public JdbcPaymentLedger(DataSource dataSource, SchemaMigrator migrator, Function<Payment, String> responseBody,
                             int writers, IntConsumer batchSizes) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.migrator = Objects.requireNonNull(migrator, "migrator");
        this.responseBody = Objects.requireNonNull(responseBody, "responseBody");
        this.dialect = migrator.dialect();
        String columns = dialect.paymentColumns();
        this.selectById = "SELECT " + columns + " FROM payments p WHERE p.id = ?";
        this.selectFirstPage = "SELECT " + columns + " FROM payments p WHERE p.customer_id = ?"
                + " ORDER BY p.created_at DESC, p.id DESC LIMIT ?";
        this.selectNextPage = "SELECT " + columns + " FROM payments p WHERE p.customer_id = ?"
                + " AND (p.created_at, p.id) < (?, ?) ORDER BY p.created_at DESC, p.id DESC LIMIT ?";
        this.batchSizes = Objects.requireNonNull(batchSizes, "batchSizes");
        this.groupCommit = dialect.groupCommits() ? new GroupCommit<>(this::recordBatch, writers, MAX_BATCH) : null;
    }

    /**
     * Writer transactions for a pool of the given size: two, so that one batch runs its statements while the other
     * waits for its commit (WAL flush, synchronous standby); more only make the batches smaller (measured with
     * drctl bench, see the README). The rest of the pool serves reads and the outbox relay.
     */
    public static int writersFor(int poolSize) {
        return Math.max(1, Math.min(2, poolSize - 1));
    }

    @Override
    public RecordOutcome recordIfAbsent(Payment payment, RequestFingerprint fingerprint) {
        migrator.ensureUsable(true);
        PaymentEvent event = PaymentEvent.created(payment);
        PaymentRow row = new PaymentRow(payment, fingerprint, responseBody.apply(payment), event, PaymentEventJson.render(event));
        return groupCommit != null ? groupCommit.submit(row) : recordOne(row);
    }

    /** One payment in a transaction of its own (retried on a deadlock). */
    private RecordOutcome recordOne(PaymentRow row) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                if (dialect.insert(connection, row)) {
                    batchSizes.accept(1);
                    return new RecordOutcome.Recorded(row.payment());
                }
                return existing(connection, row);
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && dialect.isRetryable(e)) {
                    continue;
                }
                throw SqlFailures.translate(e, "recording a payment", dialect);
            }
        }
    }

    /**
     * Several payments in one transaction, committed before any of them is answered. When the batch fails for one
     * payment's sake (or a deadlock), each payment is written again on its own, so only that one gets the failure.
     */
    private List<GroupCommit.Result<RecordOutcome>> recordBatch(List<PaymentRow> rows) {
        if (rows.size() == 1) {
            return List.of(GroupCommit.Result.of(recordOne(rows.get(0))));
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean[] inserted;
            try {
                connection.setAutoCommit(false);
                inserted = dialect.insertBatch(connection, rows);
                connection.commit();
                batchSizes.accept(rows.size());
            } catch (SQLException e) {
                MySqlDialect.rollbackQuietly(connection, e);
                Optional<LedgerUnavailableException> unavailable = SqlFailures.unavailable(e, dialect)
                        .or(() -> SqlFailures.unavailable(e.getNextException(), dialect));
                if (unavailable.isPresent()) {
                    return List.copyOf(Collections.nCopies(rows.size(), GroupCommit.Result.failed(unavailable.get())));
                }
                inserted = null;
            } finally {
                restoreAutoCommit(connection);
            }
            if (inserted != null) {
                List<GroupCommit.Result<RecordOutcome>> results = new ArrayList<>(rows.size());
                for (int i = 0; i < rows.size(); i++) {
                    results.add(inserted[i] ? GroupCommit.Result.of(new RecordOutcome.Recorded(rows.get(i).payment()))
                            : existingResult(connection, rows.get(i)));
                }
                return results;
            }
        } catch (SQLException e) {
            RuntimeException failure = SqlFailures.translate(e, "recording payments", dialect);
            return List.copyOf(Collections.nCopies(rows.size(), GroupCommit.Result.failed(failure)));
        }
        // The batch was rolled back: nothing of it is written, so each payment may be written again on its own.
        List<GroupCommit.Result<RecordOutcome>> results = new ArrayList<>(rows.size());
        for (PaymentRow row : rows) {
            try {
                results.add(GroupCommit.Result.of(recordOne(row)));
            } catch (RuntimeException e) {
                results.add(GroupCommit.Result.failed(e));
            }
        }
        return results;
    }

    private static void restoreAutoCommit(Connection connection) throws SQLException {
        if (!connection.isClosed()) {
            connection.setAutoCommit(true);
        }
    }

    /** The payment recorded earlier under a row's key, read after the batch committed; a failure is this row's alone. */
    private GroupCommit.Result<RecordOutcome> existingResult(Connection connection, PaymentRow row) {
        try {
            return GroupCommit.Result.of(existing(connection, row));
        } catch (SQLException e) {
            return GroupCommit.Result.failed(SqlFailures.translate(e, "reading a recorded payment", dialect));
        } catch (RuntimeException e) {
            return GroupCommit.Result.failed(e);
        }
    }

    private RecordOutcome existing(Connection connection, PaymentRow row) throws SQLException {
        return findByKey(connection, row.payment().idempotencyKey())
                .orElseThrow(() -> new IllegalStateException("idempotency key " + row.payment().idempotencyKey()
                        + " conflicted but its record is missing"));
    }

    @Override
    public Optional<Payment> load(PaymentId id) {
        migrator.ensureUsable(false);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(selectById)) {
            dialect.setUuid(statement, 1, id.value());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(PaymentRows.payment(rows, 1, dialect)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlFailures.translate(e, "loading a payment", dialect);
        }
    }

    @Override
    public List<Payment> listNewestFirst(CustomerId customerId, Optional<PageCursor> after, int limit) {
        migrator.ensureUsable(false);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(after.isPresent() ? selectNextPage : selectFirstPage)) {
            int index = 1;
            statement.setString(index++, customerId.value());
            if (after.isPresent()) {
                dialect.setInstant(statement, index++, after.get().createdAt());
                dialect.setUuid(statement, index++, after.get().id().value());
            }
            statement.setInt(index, limit);
            List<Payment> payments = new ArrayList<>(limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    payments.add(PaymentRows.payment(rows, 1, dialect));
                }
            }
            return payments;
        } catch (SQLException e) {
            throw SqlFailures.translate(e, "listing payments", dialect);
        }
    }

    @Override
    public Set<PaymentId> presentIds(Collection<PaymentId> ids) {
        Set<PaymentId> present = new HashSet<>();
        if (ids.isEmpty()) {
            return present;
        }
        migrator.ensureUsable(false);
        List<PaymentId> list = List.copyOf(ids);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT p.id FROM payments p WHERE p.id IN (" + placeholders(list.size()) + ")")) {
            for (int i = 0; i < list.size(); i++) {
                dialect.setUuid(statement, i + 1, list.get(i).value());
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    present.add(new PaymentId(dialect.getUuid(rows, 1)));
                }
            }
            return present;
        } catch (SQLException e) {
            throw SqlFailures.translate(e, "looking payments up", dialect);
        }
    }

    @Override
    public Map<IdempotencyKey, PaymentId> paymentIdsByKey(Collection<IdempotencyKey> keys) {
        Map<IdempotencyKey, PaymentId> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        migrator.ensureUsable(false);
        List<IdempotencyKey> list = List.copyOf(new HashSet<>(keys));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT p.idempotency_key, p.id FROM payments p WHERE p.idempotency_key IN ("
                             + placeholders(list.size()) + ")")) {
            for (int i = 0; i < list.size(); i++) {
                statement.setString(i + 1, list.get(i).value());
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.put(new IdempotencyKey(rows.getString(1)), new PaymentId(dialect.getUuid(rows, 2)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw SqlFailures.translate(e, "looking idempotency keys up", dialect);
        }
    }

    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private Optional<RecordOutcome> findByKey(Connection connection, IdempotencyKey key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(dialect.selectByKeySql())) {
            statement.setString(1, key.value());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RecordOutcome.AlreadyRecorded(PaymentRows.payment(rows, 2, dialect),
                        new RequestFingerprint(rows.getString(1))));
            }
        }
    }
}
