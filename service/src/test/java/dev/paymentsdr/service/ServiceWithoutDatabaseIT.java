package dev.paymentsdr.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.localpg.FreePorts;
import java.math.BigDecimal;
import dev.paymentsdr.service.contract.CheckedHttp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The service starts and answers even when its database cannot be reached; it only refuses to take payments. */
class ServiceWithoutDatabaseIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PaymentHttpServer server;
    private static CheckedHttp http;
    private static int nothingListens;

    @BeforeAll
    static void startWithAnUnreachableDatabase() {
        nothingListens = FreePorts.pick();
        server = PaymentHttpServer.start(new ServiceConfig("eu-west-1", "127.0.0.1", 0,
                "jdbc:postgresql://127.0.0.1:" + nothingListens + "/postgres", "postgres", "secret-pw-123", 2,
                new BigDecimal("1000000")));
        http = new CheckedHttp(server.port());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void givenAnUnreachableDatabase_thenLivenessIsUpAndReadinessIs503WithTheReason() throws Exception {
        HttpResponse<String> live = get("/health");
        HttpResponse<String> ready = get("/health/ready");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(live.body()).get("region").asText()).isEqualTo("eu-west-1");
        assertThat(ready.statusCode()).isEqualTo(503);
        JsonNode body = JSON.readTree(ready.body());
        assertThat(body.get("status").asText()).isEqualTo("not_ready");
        assertThat(body.get("role").asText()).isEqualTo("unknown");
        assertThat(body.get("reason").asText()).startsWith("database unreachable");
        // Anyone who can reach /health/ready reads this: the kind of failure, never where the database is or who logs in.
        assertThat(ready.body()).doesNotContain("secret-pw-123").doesNotContain("127.0.0.1")
                .doesNotContain(Integer.toString(nothingListens)).doesNotContain("postgres");
    }

    @Test
    void givenAnUnreachableDatabase_whenAPaymentIsPosted_thenItGets503DatabaseUnavailable() throws Exception {
        HttpResponse<String> response = http.postJson("/v1/payments", "k-down", "{\"customerId\":\"c\",\"amount\":\"1\",\"currency\":\"USD\"}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(response.body()).get("error").get("code").asText()).isEqualTo("database_unavailable");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).doesNotContain("secret-pw-123");
    }

    @Test
    void givenAnUnreachableDatabase_validationErrorsAreStillReportedFirst() throws Exception {
        HttpResponse<String> response = http.postJson("/v1/payments", "k-down", "{\"customerId\":\"c\",\"amount\":\"0\",\"currency\":\"USD\"}");

        assertThat(response.statusCode()).isEqualTo(422);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.get(path);
    }
}
