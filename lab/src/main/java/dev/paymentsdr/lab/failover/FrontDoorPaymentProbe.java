package dev.paymentsdr.lab.failover;

import dev.paymentsdr.failover.port.out.PaymentProbe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Validates a failover with a real payment through the front door: POST, then GET it back by id. */
public final class FrontDoorPaymentProbe implements PaymentProbe {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern REGION = Pattern.compile("\"region\"\\s*:\\s*\"([^\"]+)\"");
    private static final String BODY = "{\"customerId\":\"failover-probe\",\"amount\":\"0.01\",\"currency\":\"USD\","
            + "\"description\":\"failover validation\"}";

    private static final dev.paymentsdr.localpg.Poll POLL = dev.paymentsdr.localpg.Poll.system(Duration.ofMillis(100));

    private final URI frontDoor;
    private final HttpClient client;

    public FrontDoorPaymentProbe(URI frontDoor) {
        this.frontDoor = frontDoor;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public String roundTrip(String idempotencyKey, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no attempt";
        while (true) {
            try {
                HttpResponse<String> posted = client.send(HttpRequest.newBuilder(frontDoor.resolve("/v1/payments"))
                        .timeout(Duration.ofSeconds(3)).header("Content-Type", "application/json")
                        .header("Idempotency-Key", idempotencyKey)
                        .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofString());
                Matcher id = ID.matcher(posted.body());
                if ((posted.statusCode() == 200 || posted.statusCode() == 201) && id.find()) {
                    HttpResponse<String> read = client.send(HttpRequest.newBuilder(frontDoor.resolve("/v1/payments/" + id.group(1)))
                            .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (read.statusCode() == 200) {
                        Matcher region = REGION.matcher(read.body());
                        return "payment " + id.group(1) + " posted and read back through " + frontDoor
                                + (region.find() ? " (written in " + region.group(1) + ")" : "");
                    }
                    last = "GET of payment " + id.group(1) + " answered " + read.statusCode();
                } else {
                    last = "POST answered " + posted.statusCode();
                }
            } catch (IOException e) {
                last = "front door did not answer: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while validating through " + frontDoor, e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no payment round trip through " + frontDoor + " succeeded within "
                        + timeout.toSeconds() + " s (last: " + last + ")");
            }
            POLL.pause();
        }
    }
}
