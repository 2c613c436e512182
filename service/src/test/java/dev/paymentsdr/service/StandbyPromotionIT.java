package dev.paymentsdr.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.localpg.FreePorts;
import dev.paymentsdr.localpg.PostgresBinaries;
import dev.paymentsdr.localpg.PostgresServer;
import dev.paymentsdr.localpg.TemporaryPostgres;
import java.math.BigDecimal;
import dev.paymentsdr.service.contract.CheckedHttp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A service on a streaming standby is not ready and takes no payment; once the standby is promoted it takes them. */
class StandbyPromotionIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAYMENT = "{\"customerId\":\"c\",\"amount\":\"7.00\",\"currency\":\"EUR\"}";
    private static TemporaryPostgres primary;
    private static Path standbyHome;
    private static PostgresServer standby;
    private static PaymentHttpServer server;
    private static CheckedHttp http;

    @BeforeAll
    static void startPrimaryStandbyAndAServiceOnTheStandby() throws Exception {
        primary = TemporaryPostgres.start();
        // Migrate the primary first: the standby gets the schema by physical replication, as in a real region.
        PaymentServiceWiring.create(config(primary.jdbcUrl())).close();
        standbyHome = Files.createTempDirectory(Path.of("/tmp"), "service-standby-");
        Files.setPosixFilePermissions(standbyHome, PosixFilePermissions.fromString("rwx--x--x"));
        standby = new PostgresServer(PostgresBinaries.require(), standbyHome.resolve("pg"), FreePorts.pick(), primary.password());
        // A hot standby needs at least the primary's max_connections (TemporaryPostgres uses 300).
        standby.initStandbyFrom(primary.server(), "service_test_slot", Map.of("fsync", "off", "max_connections", "300"));
        standby.start();
        server = PaymentHttpServer.start(config(standby.jdbcUrl("postgres")));
        http = new CheckedHttp(server.port());
    }

    private static ServiceConfig config(String jdbcUrl) {
        return new ServiceConfig("us-east-2", "127.0.0.1", 0, jdbcUrl, primary.username(), primary.password(), 4,
                new BigDecimal("1000000"));
    }

    @AfterAll
    static void stopEverything() {
        if (server != null) {
            server.close();
        }
        if (standby != null) {
            try {
                standby.stop();
            } catch (RuntimeException e) {
                standby.kill();
            }
        }
        if (standbyHome != null) {
            TemporaryPostgres.deleteTree(standbyHome);
        }
        if (primary != null) {
            primary.close();
        }
    }

    @Test
    void givenAStandby_thenNotReadyAndPaymentsRefused_andAfterPromotionReadyAndPaymentsTaken() throws Exception {
        // The primary's service sees its standby's lag; the standby's service its own replay position.
        try (PaymentServiceWiring onPrimary = PaymentServiceWiring.create(config(primary.jdbcUrl()))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> onPrimary.api().handle(new dev.paymentsdr.service.adapter.in.api.ApiRequest("GET", "/health/ready",
                            java.util.Map.of(), java.util.Map.of(), null)).body().contains("\"lagBytes\""));
            assertThat(onPrimary.metrics().scrape()).containsPattern("payments_replication_lag_bytes\\{[^}]*standby=\"[^\"]+\"");
        }
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
        assertThat(PaymentHttpServerIT.metric(get("/metrics").body(), "payments_database_role", "role=\"standby\"")).isEqualTo(1);
        assertThat(PaymentHttpServerIT.metric(get("/metrics").body(), "payments_standby_received_not_replayed_bytes")).isNotNegative();
        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        JsonNode report = JSON.readTree(ready.body());
        assertThat(report.get("role").asText()).isEqualTo("standby");
        assertThat(report.get("reason").asText()).contains("standby");
        assertThat(report.get("replication").has("receivedNotReplayedBytes")).isTrue();

        HttpResponse<String> refused = post("k-standby");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(refused.body()).get("error").get("code").asText()).isEqualTo("not_primary");
        assertThat(countOnPrimary()).isZero();

        standby.promote();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get("/health/ready").statusCode()).isEqualTo(200));
        assertThat(JSON.readTree(get("/health/ready").body()).get("role").asText()).isEqualTo("primary");
        assertThat(post("k-standby").statusCode()).isEqualTo(201);
    }

    private static long countOnPrimary() throws Exception {
        try (Connection c = primary.server().connect("postgres");
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM payments")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static HttpResponse<String> post(String key) throws Exception {
        return http.postJson("/v1/payments", key, PAYMENT);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.get(path);
    }
}
