package dev.paymentsdr.service.contract;

import dev.paymentsdr.localpg.TemporaryPostgres;
import dev.paymentsdr.service.PaymentServiceWiring;
import dev.paymentsdr.service.ServiceConfig;
import dev.paymentsdr.service.backend.ArchiveLocation;
import dev.paymentsdr.service.backend.Backends;
import dev.paymentsdr.service.backend.LedgerKind;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The ledger contract on PostgreSQL (one server for the class). */
class PostgresLedgerApiIT extends LedgerApiContract {
    private static TemporaryPostgres pg;
    private static Path archive;
    private static PaymentServiceWiring wiring;

    @BeforeAll
    static void start() throws Exception {
        pg = TemporaryPostgres.start();
        archive = Files.createTempDirectory("pg-contract-archive-");
        wiring = PaymentServiceWiring.create(new ServiceConfig("us-east-1", "127.0.0.1", 0, pg.jdbcUrl(), pg.username(),
                pg.password(), 50, new BigDecimal("1000000"), new Backends(LedgerKind.JDBC, Optional.empty(),
                Optional.empty(), Optional.of(new ArchiveLocation.Directory(archive)), false)));
    }

    @AfterAll
    static void stop() {
        if (wiring != null) {
            wiring.close();
        }
        if (pg != null) {
            pg.close();
        }
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
        String sql = switch (what) {
            case PAYMENTS -> "SELECT count(*) FROM payments";
            case IDEMPOTENCY_RECORDS -> "SELECT count(*) FROM idempotency_records";
            case PENDING_EVENTS -> "SELECT count(*) FROM payment_outbox WHERE relayed_at IS NULL";
        };
        try (java.sql.Connection connection = pg.server().connect("postgres")) {
            return scalar(connection, sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void emptyLedger() {
        pg.server().execute("postgres", "TRUNCATE payment_outbox, idempotency_records, payments");
    }
}
