package dev.paymentsdr.service.adapter.out.persistence;

import dev.paymentsdr.payments.domain.model.CustomerId;
import dev.paymentsdr.payments.domain.model.IdempotencyKey;
import dev.paymentsdr.payments.domain.model.PageCursor;
import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.domain.model.PaymentEvent;
import dev.paymentsdr.payments.domain.model.PaymentId;
import dev.paymentsdr.payments.domain.model.RequestFingerprint;
import dev.paymentsdr.payments.port.out.LedgerLookupPort;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The payment ledger in a SQL database (PostgreSQL or MySQL, see {@link SqlDialect}): payment, idempotency record
 * and the payment.created outbox event in one transaction.
 */
public final class JdbcPaymentLedger implements RecordPaymentPort, LoadPaymentPort, ListPaymentsPort, LedgerLookupPort {
    /** The PostgreSQL insert (payment, idempotency record, outbox event): the statement a pgbench comparison runs. */
    public static final String INSERT_SQL = PostgresDialect.INSERT_SQL;
    /** Attempts of one insert that meets a deadlock (MySQL may choose a waiting same-key insert as its victim). */
    private static final int ATTEMPTS = 3;

    private final DataSource dataSource;
    private final SchemaMigrator migrator;
    private final Function<Payment, String> responseBody;
    private final SqlDialect dialect;
    private final String selectById;
    private final String selectFirstPage;
    private final String selectNextPage;

    /** @param responseBody renders the 201 response stored with the idempotency record */
    public JdbcPaymentLedger(DataSource dataSource, SchemaMigrator migrator, Function<Payment, String> responseBody) {
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
    }

    @Override
    public RecordOutcome recordIfAbsent(Payment payment, RequestFingerprint fingerprint) {
        migrator.ensureUsable(true);
        PaymentEvent event = PaymentEvent.created(payment);
        PaymentRow row = new PaymentRow(payment, fingerprint, responseBody.apply(payment), event, PaymentEventJson.render(event));
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                if (dialect.insert(connection, row)) {
                    return new RecordOutcome.Recorded(payment);
                }
                return findByKey(connection, payment.idempotencyKey())
                        .orElseThrow(() -> new IllegalStateException("idempotency key " + payment.idempotencyKey()
                                + " conflicted but its record is missing"));
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && dialect.isRetryable(e)) {
                    continue;
                }
                throw SqlFailures.translate(e, "recording a payment", dialect);
            }
        }
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
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
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
