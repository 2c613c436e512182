package dev.paymentsdr.service.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.paymentsdr.localmysql.TemporaryMariaDb;
import dev.paymentsdr.service.PaymentServiceWiring;
import dev.paymentsdr.service.ServiceConfig;
import dev.paymentsdr.service.adapter.in.api.ApiRequest;
import dev.paymentsdr.service.adapter.in.api.ApiResponse;
import dev.paymentsdr.service.adapter.out.persistence.DataSources;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MySQL ledger's readiness comes from the server's read-only state, a fenced server refuses payments with 503
 * and writes nothing, and jdbc:aws-wrapper:mysql: URLs go through the AWS Advanced JDBC Wrapper (on MariaDB 10.11).
 */
class MySqlReadinessIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TemporaryMariaDb mariadb;

    @BeforeAll
    static void start() {
        mariadb = TemporaryMariaDb.start();
    }

    @AfterAll
    static void stop() {
        if (mariadb != null) {
            mariadb.close();
        }
    }

    private static ServiceConfig config(String url) {
        return new ServiceConfig("us-east-1", "127.0.0.1", 0, url, mariadb.username(), mariadb.password(), 4,
                new BigDecimal("1000000"));
    }

    private static ApiResponse pay(PaymentServiceWiring wiring, String key) {
        return wiring.api().handle(new ApiRequest("POST", "/v1/payments", Map.of(),
                Map.of("Content-Type", "application/json", "Idempotency-Key", key),
                "{\"customerId\":\"c\",\"amount\":\"2.50\",\"currency\":\"USD\"}".getBytes(StandardCharsets.UTF_8)));
    }

    private static ApiResponse ready(PaymentServiceWiring wiring) {
        return wiring.api().handle(new ApiRequest("GET", "/health/ready", Map.of(), Map.of(), null));
    }

    @Test
    void givenTheServerIsMadeReadOnly_thenReadinessFailsAndPaymentsAreRefusedUntilItIsWritableAgain() throws Exception {
        try (PaymentServiceWiring wiring = PaymentServiceWiring.create(config(mariadb.jdbcUrl()))) {
            assertThat(ready(wiring).status()).as(ready(wiring).body()).isEqualTo(200);
            assertThat(pay(wiring, "before-fence").status()).isEqualTo(201);

            mariadb.execute("SET GLOBAL read_only = ON");
            try {
                ApiResponse notReady = ready(wiring);
                JsonNode body = JSON.readTree(notReady.body());
                assertThat(notReady.status()).isEqualTo(503);
                assertThat(body.get("reason").asText()).contains("read_only is on");
                assertThat(body.get("writable").asBoolean()).isFalse();
                ApiResponse refused = pay(wiring, "during-fence");
                assertThat(refused.status()).isEqualTo(503);
                assertThat(JSON.readTree(refused.body()).at("/error/code").asText()).isEqualTo("not_primary");
            } finally {
                mariadb.execute("SET GLOBAL read_only = OFF");
            }
            assertThat(ready(wiring).status()).isEqualTo(200);
            assertThat(mariadb.execute("SELECT count(*) FROM payments.payments WHERE idempotency_key = 'during-fence'"))
                    .isEqualTo("0");
            assertThat(pay(wiring, "during-fence").status()).isEqualTo(201);
        }
    }

    @Test
    void givenAnAwsWrapperMysqlUrl_thenTheWrapperDriverIsUsedAndPaymentsAreTaken() throws Exception {
        String wrapperUrl = mariadb.jdbcUrl().replace("jdbc:mysql://", DataSources.AWS_WRAPPER_MYSQL_PREFIX);
        try (HikariDataSource pool = DataSources.pool(wrapperUrl, mariadb.username(), mariadb.password(), 1, "wrapper-test");
             Connection connection = pool.getConnection()) {
            assertThat(pool.getDriverClassName()).isEqualTo("software.amazon.jdbc.Driver");
            assertThat(connection.isWrapperFor(software.amazon.jdbc.wrapper.ConnectionWrapper.class)).isTrue();
        }
        try (PaymentServiceWiring wiring = PaymentServiceWiring.create(config(wrapperUrl))) {
            assertThat(ready(wiring).status()).as(ready(wiring).body()).isEqualTo(200);
            ApiResponse created = pay(wiring, "through-the-wrapper");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(pay(wiring, "through-the-wrapper").status()).isEqualTo(200);
        }
    }
}
