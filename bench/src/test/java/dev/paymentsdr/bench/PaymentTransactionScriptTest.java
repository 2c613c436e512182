package dev.paymentsdr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.localpg.TemporaryPostgres;
import dev.paymentsdr.service.PaymentServiceWiring;
import dev.paymentsdr.service.ServiceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaymentTransactionScriptTest {
    @TempDir
    Path dir;

    @Test
    void theScriptIsTheServicesInsertWithEveryParameterFilled() {
        String script = PaymentTransactionScript.text();

        assertThat(script).doesNotContain("?").contains("ON CONFLICT (idempotency_key) DO NOTHING")
                .contains("INSERT INTO idempotency_records").startsWith("\\set amount");
    }

    @Test
    void pgbenchRunsTheScriptAgainstTheServicesSchemaAndWritesBothRowsPerTransaction() throws Exception {
        try (TemporaryPostgres pg = TemporaryPostgres.start();
             PaymentServiceWiring wiring = PaymentServiceWiring.create(ServiceConfig.fromEnvironment(Map.of(
                     "PAYMENTS_REGION", "bench-1", "PAYMENTS_DB_URL", pg.jdbcUrl(),
                     "PAYMENTS_DB_USER", pg.username(), "PAYMENTS_DB_PASSWORD", pg.password())))) {
            assertThat(wiring.api()).isNotNull();
            Files.createDirectories(dir);
            PgbenchLoad.Figures figures = new PgbenchLoad(dir, PaymentTransactionScript.text())
                    .run(pg.server().port(), pg.username(), pg.password(), "postgres", 2, Duration.ofSeconds(1));

            assertThat(figures.tps()).isPositive();
            assertThat(figures.failedTransactions()).isZero();
            try (Connection c = pg.server().connect("postgres");
                 ResultSet rs = c.createStatement().executeQuery(
                         "select (select count(*) from payments), (select count(*) from idempotency_records)")) {
                rs.next();
                assertThat(rs.getLong(1)).isPositive().isEqualTo(rs.getLong(2));
            }
        }
    }
}
