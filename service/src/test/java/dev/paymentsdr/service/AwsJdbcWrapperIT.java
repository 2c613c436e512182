package dev.paymentsdr.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.paymentsdr.localpg.TemporaryPostgres;
import dev.paymentsdr.service.adapter.in.api.ApiRequest;
import dev.paymentsdr.service.adapter.in.api.ApiResponse;
import dev.paymentsdr.service.adapter.out.persistence.DataSources;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A jdbc:aws-wrapper: URL goes through the AWS Advanced JDBC Wrapper (as on Aurora) and the service works the same. */
class AwsJdbcWrapperIT {

    @Test
    void givenAnAwsWrapperUrl_thenTheWrapperDriverIsUsedAndPaymentsAreTaken() throws Exception {
        try (TemporaryPostgres pg = TemporaryPostgres.start()) {
            String wrapperUrl = pg.jdbcUrl().replace("jdbc:postgresql://", DataSources.AWS_WRAPPER_PREFIX);
            try (HikariDataSource pool = DataSources.pool(wrapperUrl, pg.username(), pg.password(), 1, "wrapper-test");
                 Connection connection = pool.getConnection()) {
                assertThat(pool.getDriverClassName()).isEqualTo("software.amazon.jdbc.Driver");
                assertThat(connection.isWrapperFor(software.amazon.jdbc.wrapper.ConnectionWrapper.class)).isTrue();
            }

            ServiceConfig config = new ServiceConfig("us-east-1", "127.0.0.1", 0, wrapperUrl, pg.username(), pg.password(), 2,
                    new BigDecimal("1000000"));
            try (PaymentServiceWiring wiring = PaymentServiceWiring.create(config)) {
                ApiResponse ready = wiring.api().handle(new ApiRequest("GET", "/health/ready", Map.of(), Map.of(), null));
                ApiResponse created = wiring.api().handle(new ApiRequest("POST", "/v1/payments", Map.of(),
                        Map.of("content-type", "application/json", "idempotency-key", "wrapper-1"),
                        "{\"customerId\":\"c\",\"amount\":\"2.50\",\"currency\":\"USD\"}".getBytes(StandardCharsets.UTF_8)));

                assertThat(ready.status()).as(ready.body()).isEqualTo(200);
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                assertThat(created.headers()).containsKey("Location");
            }
        }
    }
}
