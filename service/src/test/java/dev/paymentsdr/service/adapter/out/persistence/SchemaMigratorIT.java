package dev.paymentsdr.service.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.localpg.FreePorts;
import dev.paymentsdr.localpg.PostgresBinaries;
import dev.paymentsdr.localpg.PostgresServer;
import dev.paymentsdr.localpg.TemporaryPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** A standby recognizes the schema replication brought, so its promotion needs no migration; nothing is written. */
class SchemaMigratorIT {

    @Test
    void aStandbyOfAMigratedPrimaryIsRecognizedAsMigratedWithoutWriting() throws Exception {
        Path home = Files.createTempDirectory(Path.of("/tmp"), "migrator-standby-");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx--x--x"));
        try (TemporaryPostgres primary = TemporaryPostgres.start()) {
            new SchemaMigrator(dataSource(primary.jdbcUrl(), primary), PostgresDialect.INSTANCE).ensureMigrated();
            PostgresServer standby = new PostgresServer(PostgresBinaries.require(), home.resolve("pg"), FreePorts.pick(),
                    primary.password());
            standby.initStandbyFrom(primary.server(), "migrator_slot", Map.of("fsync", "off", "max_connections", "300"));
            standby.start();
            try {
                SchemaMigrator onStandby = new SchemaMigrator(dataSource(standby.jdbcUrl("postgres"), primary), PostgresDialect.INSTANCE);

                assertThat(onStandby.recognizeReplicatedSchema()).isTrue();
                assertThat(onStandby.isMigrated()).isTrue();
            } finally {
                standby.kill();
            }
        } finally {
            TemporaryPostgres.deleteTree(home);
        }
    }

    @Test
    void aReadOnlyDatabaseWithoutTheSchemaIsNotTakenForMigrated() {
        try (TemporaryPostgres fenced = TemporaryPostgres.start(Map.of("default_transaction_read_only", "on"))) {
            SchemaMigrator migrator = new SchemaMigrator(dataSource(fenced.jdbcUrl(), fenced), PostgresDialect.INSTANCE);

            assertThat(migrator.recognizeReplicatedSchema()).isFalse();
            assertThat(migrator.isMigrated()).isFalse();
        }
    }

    private static DataSource dataSource(String url, TemporaryPostgres credentials) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(credentials.username());
        dataSource.setPassword(credentials.password());
        return dataSource;
    }
}
