package dev.paymentsdr.service.contract;

import dev.paymentsdr.localpg.TemporaryPostgres;
import dev.paymentsdr.service.PaymentServiceWiring;
import dev.paymentsdr.service.backend.LedgerKind;
import dev.paymentsdr.service.testing.Closeables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The ledger contract on PostgreSQL (one server for the class). */
class PostgresLedgerApiIT extends LedgerApiContract {
    private static TemporaryPostgres pg;
    private static Path archive;
    private static PaymentServiceWiring wiring;

    @BeforeAll
    static void start() {
        pg = TemporaryPostgres.start();
        archive = newArchive();
        wiring = PaymentServiceWiring.create(config(pg.jdbcUrl(), pg.username(), pg.password(), LedgerKind.JDBC,
                Optional.empty(), archive));
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(wiring, pg);
        TemporaryPostgres.deleteTree(archive);
    }

    @Override
    protected PaymentServiceWiring wiring() {
        return wiring;
    }

    @Override
    protected Path archiveDirectory() {
        return archive;
    }

    @Override
    protected long count(Stored what) {
        try (Connection connection = pg.server().connect("postgres")) {
            return scalar(connection, SqlCounts.of(what));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void emptyLedger() {
        pg.server().execute("postgres", "TRUNCATE payment_outbox, idempotency_records, payments");
    }
}
