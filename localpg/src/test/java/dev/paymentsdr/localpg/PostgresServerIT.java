package dev.paymentsdr.localpg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PostgresServerIT {
    private Path root;
    private PostgresServer primary;
    private PostgresServer standby;

    @AfterEach
    void tearDown() {
        for (PostgresServer server : new PostgresServer[] {standby, primary}) {
            if (server != null) {
                server.kill();
            }
        }
        if (root != null) {
            TemporaryPostgres.deleteTree(root);
        }
    }

    @Test
    void givenAPrimary_whenAStandbyIsBuiltFromIt_thenRowsStreamAndThePromotedStandbyTakesWrites() throws Exception {
        root = Files.createTempDirectory(Path.of("/tmp"), "localpg-it-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
        PostgresBinaries binaries = PostgresBinaries.require();
        primary = new PostgresServer(binaries, root.resolve("a"), FreePorts.pick(), "secret-a");
        primary.initPrimary(Map.of("fsync", "off"));
        primary.start();
        primary.execute("postgres", "create table t (id int primary key)", "insert into t values (1)");

        standby = new PostgresServer(binaries, root.resolve("b"), FreePorts.pick(), "secret-a");
        standby.initStandbyFrom(primary, "standby_b", Map.of("fsync", "off"));
        standby.start();
        primary.execute("postgres", "insert into t values (2)");

        await().atMost(Duration.ofSeconds(30)).until(() -> count(standby) == 2);
        assertThat(inRecovery(standby)).isTrue();

        standby.promote();
        assertThat(inRecovery(standby)).isFalse();
        standby.execute("postgres", "insert into t values (3)");
        assertThat(count(standby)).isEqualTo(3);

        primary.kill();
        assertThat(primary.isRunning()).isFalse();
    }

    private static long count(PostgresServer server) throws SQLException {
        try (Connection c = server.connect("postgres"); ResultSet rs = c.createStatement().executeQuery("select count(*) from t")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean inRecovery(PostgresServer server) throws SQLException {
        try (Connection c = server.connect("postgres"); ResultSet rs = c.createStatement().executeQuery("select pg_is_in_recovery()")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
