package dev.paymentsdr.aws.failover.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.aws.failover.Waiter;
import dev.paymentsdr.aws.failover.Waiter.Check;
import dev.paymentsdr.failover.port.out.PaymentProbe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Validates a failover the way a client sees it: a real payment through the global endpoint (the Route 53
 * name), read back by id. The same idempotency key on every attempt, so retries never pay twice.
 */
public final class GlobalEndpointPaymentProbe implements PaymentProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    private static final String BODY = "{\"customerId\":\"failover-probe\",\"amount\":\"0.01\",\"currency\":\"USD\","
            + "\"description\":\"failover validation\"}";

    private final URI endpoint;
    private final Waiter waiter;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    public GlobalEndpointPaymentProbe(URI endpoint, Waiter waiter) {
        this.endpoint = endpoint;
        this.waiter = waiter;
    }

    @Override
    public String roundTrip(String idempotencyKey, Duration timeout) {
        return waiter.until("a payment round trip through " + endpoint, timeout, () -> attempt(idempotencyKey));
    }

    private Check<String> attempt(String idempotencyKey) {
        try {
            HttpResponse<String> posted = client.send(HttpRequest.newBuilder(endpoint.resolve("/v1/payments"))
                    .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofString());
            if (posted.statusCode() != 200 && posted.statusCode() != 201) {
                return Check.notYet("POST answered " + posted.statusCode());
            }
            String id = JSON.readTree(posted.body()).path("id").asText("");
            if (id.isEmpty()) {
                return Check.notYet("POST answered without a payment id");
            }
            HttpResponse<String> read = client.send(HttpRequest.newBuilder(endpoint.resolve("/v1/payments/" + id))
                    .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (read.statusCode() != 200) {
                return Check.notYet("GET of payment " + id + " answered " + read.statusCode());
            }
            JsonNode payment = JSON.readTree(read.body());
            return Check.done("payment " + id + " posted and read back through " + endpoint
                    + (payment.hasNonNull("region") ? " (written in " + payment.get("region").asText() + ")" : ""));
        } catch (IOException e) {
            return Check.notYet("no answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while validating through " + endpoint, e);
        }
    }
}
