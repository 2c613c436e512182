package dev.paymentsdr.service.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.payments.domain.model.CurrencyCode;
import dev.paymentsdr.payments.domain.model.CustomerId;
import dev.paymentsdr.payments.domain.model.Description;
import dev.paymentsdr.payments.domain.model.IdempotencyKey;
import dev.paymentsdr.payments.domain.model.Metadata;
import dev.paymentsdr.payments.domain.model.Money;
import dev.paymentsdr.payments.domain.model.PageCursor;
import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.domain.model.PaymentId;
import dev.paymentsdr.payments.domain.model.PaymentStatus;
import dev.paymentsdr.payments.domain.model.RequestFingerprint;
import dev.paymentsdr.payments.port.out.LedgerUnavailableException;
import dev.paymentsdr.payments.port.out.ListPaymentsPort;
import dev.paymentsdr.payments.port.out.LoadPaymentPort;
import dev.paymentsdr.payments.port.out.RecordOutcome;
import dev.paymentsdr.payments.port.out.RecordPaymentPort;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/** The payment ledger in PostgreSQL: payment and idempotency record in one statement, so in one transaction. */
public final class JdbcPaymentLedger implements RecordPaymentPort, LoadPaymentPort, ListPaymentsPort {
    /**
     * One round trip: the payment row is inserted unless its idempotency key exists (a concurrent insert of the
     * same key waits for the first transaction), and the idempotency record only when the payment was inserted.
     */
    public static final String INSERT_SQL = """
            WITH inserted AS (
                INSERT INTO payments (id, idempotency_key, customer_id, amount_minor, currency, description, metadata,
                                      status, region, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                ON CONFLICT (idempotency_key) DO NOTHING
                RETURNING id, idempotency_key, created_at
            ), recorded AS (
                INSERT INTO idempotency_records (key, request_hash, payment_id, response_status, response_body, created_at)
                SELECT idempotency_key, ?, id, 201, ?, created_at FROM inserted
                RETURNING key
            )
            SELECT count(*) FROM recorded""";
    private static final String COLUMNS =
            "p.id, p.idempotency_key, p.customer_id, p.amount_minor, p.currency, p.description, p.metadata::text, "
                    + "p.status, p.region, p.created_at";
    private static final String SELECT_BY_KEY = "SELECT r.request_hash, " + COLUMNS
            + " FROM idempotency_records r JOIN payments p ON p.id = r.payment_id WHERE r.key = ?";
    private static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM payments p WHERE p.id = ?";
    private static final String SELECT_FIRST_PAGE = "SELECT " + COLUMNS + " FROM payments p WHERE p.customer_id = ?"
            + " ORDER BY p.created_at DESC, p.id DESC LIMIT ?";
    private static final String SELECT_NEXT_PAGE = "SELECT " + COLUMNS + " FROM payments p WHERE p.customer_id = ?"
            + " AND (p.created_at, p.id) < (?, ?) ORDER BY p.created_at DESC, p.id DESC LIMIT ?";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final SchemaMigrator migrator;
    private final Function<Payment, String> responseBody;

    /** @param responseBody renders the 201 response stored with the idempotency record */
    public JdbcPaymentLedger(DataSource dataSource, SchemaMigrator migrator, Function<Payment, String> responseBody) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.migrator = Objects.requireNonNull(migrator, "migrator");
        this.responseBody = Objects.requireNonNull(responseBody, "responseBody");
    }

    @Override
    public RecordOutcome recordIfAbsent(Payment payment, RequestFingerprint fingerprint) {
        ensureSchema(true);
        try (Connection connection = dataSource.getConnection()) {
            if (insert(connection, payment, fingerprint)) {
                return new RecordOutcome.Recorded(payment);
            }
            return findByKey(connection, payment.idempotencyKey())
                    .orElseThrow(() -> new IllegalStateException("idempotency key " + payment.idempotencyKey()
                            + " conflicted but its record is missing"));
        } catch (SQLException e) {
            throw SqlFailures.translate(e, "recording a payment");
        }
    }

    @Override
    public Optional<Payment> load(PaymentId id) {
        ensureSchema(false);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SELECT_BY_ID)) {
            statement.setObject(1, id.value());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(payment(rows, 1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw SqlFailures.translate(e, "loading a payment");
        }
    }

    @Override
    public List<Payment> listNewestFirst(CustomerId customerId, Optional<PageCursor> after, int limit) {
        ensureSchema(false);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(after.isPresent() ? SELECT_NEXT_PAGE : SELECT_FIRST_PAGE)) {
            int index = 1;
            statement.setString(index++, customerId.value());
            if (after.isPresent()) {
                statement.setObject(index++, OffsetDateTime.ofInstant(after.get().createdAt(), ZoneOffset.UTC));
                statement.setObject(index++, after.get().id().value());
            }
            statement.setInt(index, limit);
            List<Payment> payments = new ArrayList<>(limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    payments.add(payment(rows, 1));
                }
            }
            return payments;
        } catch (SQLException e) {
            throw SqlFailures.translate(e, "listing payments");
        }
    }

    /** Migrates lazily; a read-only database refuses the write here already, but may still serve reads. */
    private void ensureSchema(boolean forWrite) {
        if (migrator.isMigrated()) {
            return;
        }
        try {
            migrator.tryMigrateOccasionally();
        } catch (RuntimeException e) {
            Optional<LedgerUnavailableException> unavailable = SqlFailures.unavailable(e);
            if (unavailable.isEmpty()) {
                throw e;
            }
            if (forWrite || unavailable.get().reason() == LedgerUnavailableException.Reason.UNREACHABLE) {
                throw unavailable.get();
            }
            // Read-only: a standby already has the schema by replication, so reads go on.
        }
    }

    private boolean insert(Connection connection, Payment payment, RequestFingerprint fingerprint) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_SQL)) {
            statement.setObject(1, payment.id().value());
            statement.setString(2, payment.idempotencyKey().value());
            statement.setString(3, payment.customerId().value());
            statement.setLong(4, payment.amount().amountMinor());
            statement.setString(5, payment.amount().currency().code());
            statement.setString(6, payment.description().map(Description::value).orElse(null));
            if (payment.metadata().isEmpty()) {
                statement.setNull(7, Types.VARCHAR);
            } else {
                statement.setString(7, json(payment.metadata().entries()));
            }
            statement.setString(8, payment.status().wireName());
            statement.setString(9, payment.region());
            statement.setObject(10, OffsetDateTime.ofInstant(payment.createdAt(), ZoneOffset.UTC));
            statement.setString(11, fingerprint.sha256Hex());
            statement.setString(12, responseBody.apply(payment));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1) == 1;
            }
        }
    }

    private Optional<RecordOutcome> findByKey(Connection connection, IdempotencyKey key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT_BY_KEY)) {
            statement.setString(1, key.value());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RecordOutcome.AlreadyRecorded(payment(rows, 2), new RequestFingerprint(rows.getString(1))));
            }
        }
    }

    private static Payment payment(ResultSet rows, int first) throws SQLException {
        CurrencyCode currency = CurrencyCode.of(rows.getString(first + 4).trim());
        String description = rows.getString(first + 5);
        String metadata = rows.getString(first + 6);
        return new Payment(
                new PaymentId(rows.getObject(first, UUID.class)),
                new IdempotencyKey(rows.getString(first + 1)),
                new CustomerId(rows.getString(first + 2)),
                new Money(rows.getLong(first + 3), currency),
                Optional.ofNullable(description).map(Description::new),
                metadata == null ? Metadata.empty() : Metadata.of(parseMap(metadata)),
                PaymentStatus.fromWireName(rows.getString(first + 7)),
                rows.getString(first + 8),
                rows.getObject(first + 9, OffsetDateTime.class).toInstant());
    }

    private static String json(Map<String, String> entries) {
        try {
            return JSON.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string map always serializes", e);
        }
    }

    private static Map<String, String> parseMap(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payments.metadata holds JSON that is not a string map", e);
        }
    }
}
