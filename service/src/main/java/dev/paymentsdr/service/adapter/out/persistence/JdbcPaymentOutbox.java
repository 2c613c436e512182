package dev.paymentsdr.service.adapter.out.persistence;

import dev.paymentsdr.payments.domain.model.PaymentEvent;
import dev.paymentsdr.payments.port.out.PaymentOutboxPort;
import dev.paymentsdr.service.adapter.out.events.PaymentEventJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox table {@code payment_outbox}: the relay locks a batch of pending rows ({@code FOR UPDATE SKIP LOCKED},
 * so several service instances relay different rows), hands them on, and marks them relayed in the same
 * transaction. Relayed rows are kept for an hour, then deleted. On a failover the new primary has the outbox by
 * replication, so events its predecessor had not relayed yet are relayed by the new primary's service.
 */
public final class JdbcPaymentOutbox implements PaymentOutboxPort {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcPaymentOutbox.class);
    /** Relayed rows are kept this long (for inspection), then deleted. */
    static final Duration RETENTION = Duration.ofHours(1);
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);
    private static final int STATEMENT_TIMEOUT_SECONDS = 5;
    private static final String SELECT_PENDING = "SELECT o.seq, o.event_id, o.payload FROM payment_outbox o"
            + " WHERE o.relayed_at IS NULL ORDER BY o.seq LIMIT ? FOR UPDATE SKIP LOCKED";

    private final DataSource dataSource;
    private final SchemaMigrator migrator;
    private final SqlDialect dialect;
    private final Clock clock;
    private Instant nextPurge = Instant.MIN;

    public JdbcPaymentOutbox(DataSource dataSource, SchemaMigrator migrator, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.migrator = Objects.requireNonNull(migrator, "migrator");
        this.dialect = migrator.dialect();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized int relayPending(int max, Consumer<List<PaymentEvent>> relay) {
        migrator.ensureUsable(true);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                int relayed = relayLocked(connection, max, relay);
                connection.commit();
                purgeOccasionally(connection);
                return relayed;
            } catch (SQLException | RuntimeException e) {
                MySqlDialect.rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw SqlFailures.translate(e, "relaying payment events", dialect);
        }
    }

    private int relayLocked(Connection connection, int max, Consumer<List<PaymentEvent>> relay) throws SQLException {
        List<Long> sequence = new ArrayList<>();
        List<PaymentEvent> events = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SELECT_PENDING)) {
            statement.setQueryTimeout(STATEMENT_TIMEOUT_SECONDS);
            statement.setInt(1, max);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    try {
                        events.add(PaymentEventJson.parse(rows.getString(3)));
                        sequence.add(rows.getLong(1));
                    } catch (RuntimeException e) {
                        // Left pending (and reported every pass) rather than marked: an event is never dropped silently.
                        LOG.error("outbox event {} cannot be read and stays pending: {}", rows.getString(2), e.getMessage());
                    }
                }
            }
        }
        if (events.isEmpty()) {
            return 0;
        }
        relay.accept(List.copyOf(events));
        try (PreparedStatement statement = connection.prepareStatement("UPDATE payment_outbox SET relayed_at = ?"
                + " WHERE seq IN (" + JdbcPaymentLedger.placeholders(sequence.size()) + ")")) {
            statement.setQueryTimeout(STATEMENT_TIMEOUT_SECONDS);
            dialect.setInstant(statement, 1, clock.instant());
            for (int i = 0; i < sequence.size(); i++) {
                statement.setLong(i + 2, sequence.get(i));
            }
            statement.executeUpdate();
        }
        return events.size();
    }

    private void purgeOccasionally(Connection connection) throws SQLException {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(PURGE_INTERVAL);
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM payment_outbox WHERE relayed_at < ?")) {
            statement.setQueryTimeout(STATEMENT_TIMEOUT_SECONDS);
            dialect.setInstant(statement, 1, now.minus(RETENTION));
            int deleted = statement.executeUpdate();
            connection.commit();
            if (deleted > 0) {
                LOG.debug("deleted {} relayed outbox rows older than {}", deleted, RETENTION);
            }
        }
    }
}
