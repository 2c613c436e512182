package dev.paymentsdr.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.localpg.TemporaryPostgres;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
                HttpClient http = HttpClient.newHttpClient();
                URI base = URI.create("http://127.0.0.1:" + server.port());

                HttpResponse<String> ready = get(http, base, "/health/ready");
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(JSON.readTree(ready.body()).get("reason").asText()).contains("read-only");
                HttpResponse<String> refused = post(http, base);
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(JSON.readTree(refused.body()).get("error").get("code").asText()).isEqualTo("not_primary");
                assertThat(get(http, base, "/v1/payments?customerId=c").statusCode()).isEqualTo(503);
                assertThat(tableExists(pg)).isFalse();

                pg.server().execute("postgres", "SET default_transaction_read_only = off",
                        "ALTER SYSTEM RESET default_transaction_read_only", "SELECT pg_reload_conf()");

                await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                        assertThat(get(http, base, "/health/ready").statusCode()).isEqualTo(200));
                assertThat(tableExists(pg)).isTrue();
                assertThat(post(http, base).statusCode()).isEqualTo(201);
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

    private static HttpResponse<String> post(HttpClient http, URI base) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve("/v1/payments"))
                .header("Content-Type", "application/json").header("Idempotency-Key", "lazy-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"c\",\"amount\":\"1\",\"currency\":\"USD\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HttpClient http, URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
