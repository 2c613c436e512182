package dev.paymentsdr.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.localpg.TemporaryPostgres;
import java.math.BigDecimal;
import dev.paymentsdr.service.contract.CheckedHttp;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A service started on a read-only, empty database migrates the schema once the database becomes writable. */
class LazyMigrationIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void givenAFencedEmptyDatabaseAtStartup_whenItIsUnfenced_thenTheSchemaIsMigratedAndPaymentsAreTaken() throws Exception {
        try (TemporaryPostgres pg = TemporaryPostgres.start()) {
            pg.server().execute("postgres", "ALTER SYSTEM SET default_transaction_read_only = on", "SELECT pg_reload_conf()");
            try (PaymentHttpServer server = PaymentHttpServer.start(new ServiceConfig("us-east-1", "127.0.0.1", 0,
                    pg.jdbcUrl(), pg.username(), pg.password(), 2, new BigDecimal("1000000")))) {
                CheckedHttp http = new CheckedHttp(server.port());

                HttpResponse<String> ready = http.get("/health/ready");
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(JSON.readTree(ready.body()).get("reason").asText()).contains("read-only");
                HttpResponse<String> refused = post(http);
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(JSON.readTree(refused.body()).get("error").get("code").asText()).isEqualTo("not_primary");
                assertThat(http.get("/v1/payments?customerId=c").statusCode()).isEqualTo(503);
                assertThat(tableExists(pg)).isFalse();

                pg.server().execute("postgres", "SET default_transaction_read_only = off",
                        "ALTER SYSTEM RESET default_transaction_read_only", "SELECT pg_reload_conf()");

                await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                        assertThat(http.get("/health/ready").statusCode()).isEqualTo(200));
                assertThat(tableExists(pg)).isTrue();
                assertThat(post(http).statusCode()).isEqualTo(201);
            }
        }
    }

    private static boolean tableExists(TemporaryPostgres pg) throws Exception {
        try (Connection c = pg.server().connect("postgres");
             ResultSet rs = c.createStatement().executeQuery("SELECT to_regclass('public.payments') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static HttpResponse<String> post(CheckedHttp http) throws Exception {
        return http.postJson("/v1/payments", "lazy-1", "{\"customerId\":\"c\",\"amount\":\"1\",\"currency\":\"USD\"}");
    }
}
