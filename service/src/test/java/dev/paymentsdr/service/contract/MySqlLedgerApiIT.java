package dev.paymentsdr.service.contract;

import dev.paymentsdr.localmysql.TemporaryMariaDb;
import dev.paymentsdr.localpg.TemporaryPostgres;
import dev.paymentsdr.service.PaymentServiceWiring;
import dev.paymentsdr.service.backend.LedgerKind;
import dev.paymentsdr.service.testing.Closeables;
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
    static void start() {
        mariadb = TemporaryMariaDb.start();
        archive = newArchive();
        wiring = PaymentServiceWiring.create(config(mariadb.jdbcUrl(), mariadb.username(), mariadb.password(),
                LedgerKind.JDBC, Optional.empty(), archive));
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(wiring, mariadb);
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
        try (Connection connection = connect()) {
            return scalar(connection, SqlCounts.of(what));
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
