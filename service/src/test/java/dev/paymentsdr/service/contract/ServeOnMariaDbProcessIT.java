package dev.paymentsdr.service.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.localmysql.TemporaryMariaDb;
import dev.paymentsdr.localpg.TemporaryPostgres;
import dev.paymentsdr.service.testing.ServeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code serve --ledger jdbc} as a process against MariaDB: accepts, replays and rejects as on PostgreSQL, and archives. */
class ServeOnMariaDbProcessIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theServiceProcessTakesReplaysAndRejectsPaymentsOnMariaDbAndArchivesThem() throws Exception {
        Path archive = Files.createTempDirectory("serve-mariadb-archive-");
        try (TemporaryMariaDb mariadb = TemporaryMariaDb.start();
             ServeProcess serve = ServeProcess.start(Map.of("PAYMENTS_DB_PASSWORD", mariadb.password()),
                     "--region", "us-east-1", "--ledger", "jdbc", "--db-url", mariadb.jdbcUrl(),
                     "--db-user", mariadb.username(), "--db-pool-size", "4", "--archive", archive.toString())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> serve.get("/health/ready").statusCode() == 200);
            String body = "{\"transactionId\":\"maria-1\",\"customerId\":\"c1\",\"amount\":99.99,\"currency\":\"USD\"}";

            var created = serve.pay(null, body);
            var replayed = serve.pay(null, body);
            var conflict = serve.pay("maria-1", "{\"customerId\":\"c1\",\"amount\":\"5.00\",\"currency\":\"USD\"}");
            var rejected = serve.pay("maria-2", "{\"customerId\":\"c1\",\"amount\":\"-5.00\",\"currency\":\"USD\"}");

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(replayed.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(replayed.body()).get("id")).isEqualTo(JSON.readTree(created.body()).get("id"));
            assertThat(conflict.statusCode()).isEqualTo(409);
            assertThat(rejected.statusCode()).isEqualTo(422);
            assertThat(mariadb.execute("SELECT count(*) FROM payments.payments")).isEqualTo("1");
            // The background relay archives the payment within a few passes.
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                try (Stream<Path> files = Files.walk(archive)) {
                    return files.anyMatch(p -> p.toString().endsWith(".jsonl"));
                }
            });
            assertThat(serve.log()).doesNotContain(mariadb.password());
        } finally {
            TemporaryPostgres.deleteTree(archive);
        }
    }
}
