package dev.paymentsdr.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.localpg.FreePorts;
import dev.paymentsdr.localpg.TemporaryPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** ServiceMain as a real process: JSON logs with request ids, no password in them, clean stop on SIGTERM. */
class ServiceMainProcessIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void givenARunningServiceProcess_whenItServesAndIsTerminated_thenLogsAreJsonWithRequestIdsAndItStopsCleanly() throws Exception {
        Path log = Files.createTempFile("service-main-", ".log");
        try (TemporaryPostgres pg = TemporaryPostgres.start()) {
            int port = FreePorts.pick();
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-Dlogback.configurationFile=logback.xml",
                    "-cp", System.getProperty("java.class.path"), ServiceMain.class.getName(),
                    "--region", "us-east-1", "--port", Integer.toString(port), "--db-url", pg.jdbcUrl(),
                    "--db-user", pg.username(), "--db-pool-size", "2")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("PAYMENTS_DB_PASSWORD", pg.password());
            Process process = builder.start();
            try {
                HttpClient http = HttpClient.newHttpClient();
                URI base = URI.create("http://127.0.0.1:" + port);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() ->
                        http.send(HttpRequest.newBuilder(base.resolve("/health/ready")).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
                HttpResponse<String> created = http.send(HttpRequest.newBuilder(base.resolve("/v1/payments"))
                        .header("Content-Type", "application/json").header("Idempotency-Key", "proc-1")
                        .header("X-Request-Id", "proc-request-1")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"c\",\"amount\":\"3.10\",\"currency\":\"USD\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).isEqualTo(201);

                process.destroy(); // SIGTERM
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("process stopped after SIGTERM").isTrue();
                assertThat(process.exitValue()).isEqualTo(143); // 128 + SIGTERM: the JVM ran its shutdown hooks
            } finally {
                process.destroyForcibly();
            }

            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(log)) {
                assertThat(line).as("every log line is JSON").startsWith("{");
                assertThat(line).doesNotContain(pg.password());
                lines.add(JSON.readTree(line));
            }
            assertThat(lines).anySatisfy(line -> {
                assertThat(line.path("requestId").asText()).isEqualTo("proc-request-1");
                assertThat(line.path("message").asText()).contains("POST /v1/payments -> 201");
                assertThat(line.path("status").asInt()).isEqualTo(201);
                assertThat(line.path("method").asText()).isEqualTo("POST");
            });
            assertThat(lines).anySatisfy(line -> assertThat(line.path("message").asText()).contains("shutdown requested"));
            assertThat(lines).anySatisfy(line -> assertThat(line.path("message").asText())
                    .contains("starting the payment service").contains("dbPassword=(set)"));
            assertThat(lines).allSatisfy(line -> assertThat(line.has("@timestamp") && line.has("level")).isTrue());
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
