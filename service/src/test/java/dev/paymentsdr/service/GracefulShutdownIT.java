package dev.paymentsdr.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.paymentsdr.localpg.TemporaryPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping the server refuses new connections but lets a payment already in flight finish and be acknowledged. */
class GracefulShutdownIT {

    @Test
    void givenAPaymentInFlight_whenTheServerStops_thenNewRequestsAreRefusedAndThePaymentStillCompletes() throws Exception {
        try (TemporaryPostgres pg = TemporaryPostgres.start()) {
            PaymentHttpServer server = PaymentHttpServer.start(new ServiceConfig("us-east-1", "127.0.0.1", 0, pg.jdbcUrl(),
                    pg.username(), pg.password(), 2, new BigDecimal("1000000")));
            URI base = URI.create("http://127.0.0.1:" + server.port());
            HttpClient http = HttpClient.newHttpClient();
            try (Connection blocker = pg.server().connect("postgres"); Statement sql = blocker.createStatement();
                 Connection observer = pg.server().connect("postgres"); Statement watch = observer.createStatement()) {
                // Hold the inserts back so the request is provably in flight while the server stops.
                blocker.setAutoCommit(false);
                sql.execute("LOCK TABLE payments IN EXCLUSIVE MODE");
                CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(HttpRequest.newBuilder(base.resolve("/v1/payments"))
                        .header("Content-Type", "application/json").header("Idempotency-Key", "in-flight-1")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"c\",\"amount\":\"9.99\",\"currency\":\"USD\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                await().atMost(Duration.ofSeconds(20)).until(() -> waitingOnLock(watch));

                CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);

                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThatThrownBy(() -> HttpClient.newHttpClient()
                        .send(HttpRequest.newBuilder(base.resolve("/health")).build(), HttpResponse.BodyHandlers.discarding()))
                        .isInstanceOf(IOException.class));
                assertThat(inFlight).isNotDone();
                blocker.rollback(); // releases the lock

                assertThat(inFlight.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
                stopping.get(20, TimeUnit.SECONDS);
                try (ResultSet rows = sql.executeQuery("SELECT count(*) FROM payments WHERE idempotency_key = 'in-flight-1'")) {
                    rows.next();
                    assertThat(rows.getLong(1)).isEqualTo(1);
                }
            } finally {
                server.close();
            }
        }
    }

    private static boolean waitingOnLock(Statement sql) throws Exception {
        // Its own autocommit connection: pg_stat_activity is a snapshot per transaction.
        try (ResultSet rows = sql.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO payments%'")) {
            rows.next();
            return rows.getLong(1) > 0;
        }
    }
}
