package dev.paymentsdr.service.contract;

import dev.paymentsdr.localmysql.TemporaryMariaDb;
import dev.paymentsdr.localpg.TemporaryPostgres;
import dev.paymentsdr.service.PaymentServiceWiring;
import dev.paymentsdr.service.ServiceConfig;
import dev.paymentsdr.service.backend.ArchiveLocation;
import dev.paymentsdr.service.backend.Backends;
import dev.paymentsdr.service.backend.LedgerKind;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The ledger contract on the MySQL dialect, against a real MariaDB 10.11 (one server for the class). */
class MySqlLedgerApiIT extends LedgerApiContract {
    private static TemporaryMariaDb mariadb;
    private static Path archive;
    private static PaymentServiceWiring wiring;

    @BeforeAll
    static void start() throws Exception {
        mariadb = TemporaryMariaDb.start();
        archive = Files.createTempDirectory("mysql-contract-archive-");
        wiring = PaymentServiceWiring.create(new ServiceConfig("us-east-1", "127.0.0.1", 0, mariadb.jdbcUrl(),
                mariadb.username(), mariadb.password(), 50, new BigDecimal("1000000"), new Backends(LedgerKind.JDBC,
                Optional.empty(), Optional.empty(), Optional.of(new ArchiveLocation.Directory(archive)), false)));
    }

    @AfterAll
    static void stop() {
        if (wiring != null) {
            wiring.close();
        }
        if (mariadb != null) {
            mariadb.close();
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
        try (Connection connection = connect()) {
            return scalar(connection, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void emptyLedger() {
        try (Connection connection = connect(); var statement = connection.createStatement()) {
            statement.execute("DELETE FROM payment_outbox");
            statement.execute("DELETE FROM idempotency_records");
            statement.execute("DELETE FROM payments");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(mariadb.jdbcUrl(), mariadb.username(), mariadb.password());
    }
}
