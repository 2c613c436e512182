package dev.paymentsdr.aws.failover.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.aws.failover.Waiter;
import dev.paymentsdr.aws.failover.Waiter.Check;
import dev.paymentsdr.aws.failover.config.FailoverResources.Probe;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.port.out.PaymentProbe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Validates a failover the way a client sees it: a real payment, read back by id, through the global endpoint (the
 * Route 53 name) or, without one, through the active region's own endpoint; SigV4-signed for an IAM-authorized API
 * Gateway. The same idempotency key on every attempt, so retries never pay twice. A deployment without any payment
 * endpoint (a database-only design) has nothing to pay through: there the active region's database must be the writer.
 */
public final class HttpPaymentProbe implements PaymentProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    private static final String BODY = "{\"customerId\":\"failover-probe\",\"amount\":\"0.01\",\"currency\":\"USD\","
            + "\"description\":\"failover validation\"}";

    private final Probe probe;
    private final Map<RegionId, URI> regionalEndpoints;
    private final Supplier<Optional<RegionId>> activeRegion;
    private final Predicate<RegionId> writer;
    private final Optional<ExecuteApiSigner> signer;
    private final Waiter waiter;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param regionalEndpoints each region's own endpoint (its base URL), used without a global endpoint
     * @param activeRegion      where the global entry sends requests now (the region a signature is for)
     * @param writer            whether a region's database is the writer (checked where there is no endpoint)
     * @param signer            present when {@link Probe#signed()}
     */
    public HttpPaymentProbe(Probe probe, Map<RegionId, URI> regionalEndpoints, Supplier<Optional<RegionId>> activeRegion,
                            Predicate<RegionId> writer, Optional<ExecuteApiSigner> signer, Waiter waiter) {
        this.probe = probe;
        this.regionalEndpoints = Map.copyOf(regionalEndpoints);
        this.activeRegion = activeRegion;
        this.writer = writer;
        this.signer = signer;
        this.waiter = waiter;
    }

    /** The endpoint a region's readiness URL belongs to: {@code https://alb/health/ready} is {@code https://alb/}. */
    public static URI endpointOf(URI readinessUrl) {
        String path = readinessUrl.getPath() == null ? "" : readinessUrl.getPath();
        for (String suffix : new String[] {"health/ready", "health"}) {
            if (path.endsWith(suffix)) {
                return readinessUrl.resolve(path.substring(0, path.length() - suffix.length()));
            }
        }
        return readinessUrl.resolve("/");
    }

    @Override
    public String roundTrip(String idempotencyKey, Duration timeout) {
        return waiter.until("a payment round trip through " + probe.globalUrl().map(URI::toString)
                .orElse("the active region's endpoint"), timeout, () -> attempt(idempotencyKey));
    }

    private Check<String> attempt(String idempotencyKey) {
        Optional<RegionId> region = active();
        if (region.isEmpty() && (probe.globalUrl().isEmpty() || probe.signed())) {
            return Check.notYet("the global entry names no active region");
        }
        if (probe.globalUrl().isEmpty() && !regionalEndpoints.containsKey(region.get())) {
            return writer.test(region.get()) ? Check.done(region.get() + " (active at the global entry) is the database writer;"
                    + " the deployment has no payment endpoint to send a payment through")
                    : Check.notYet(region.get() + " is active at the global entry but its database is not the writer");
        }
        URI base = probe.globalUrl().orElseGet(() -> regionalEndpoints.get(region.get()));
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        URI payments = URI.create(root + probe.paymentsPath());
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("Idempotency-Key", idempotencyKey);
            HttpResponse<String> posted = send("POST", payments, headers, BODY, region);
            if (posted.statusCode() != 200 && posted.statusCode() != 201) {
                return Check.notYet("POST " + payments + " answered " + posted.statusCode());
            }
            String id = JSON.readTree(posted.body()).path("id").asText("");
            if (id.isEmpty()) {
                return Check.notYet("POST answered without a payment id");
            }
            HttpResponse<String> read = send("GET", URI.create(payments + "/" + id), Map.of(), "", region);
            if (read.statusCode() != 200) {
                return Check.notYet("GET of payment " + id + " answered " + read.statusCode());
            }
            JsonNode payment = JSON.readTree(read.body());
            return Check.done("payment " + id + " posted and read back through " + root
                    + (payment.hasNonNull("region") ? " (written in " + payment.get("region").asText() + ")" : ""));
        } catch (IOException e) {
            return Check.notYet("no answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while validating through " + root, e);
        }
    }

    private Optional<RegionId> active() {
        try {
            return activeRegion.get();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private HttpResponse<String> send(String method, URI uri, Map<String, String> headers, String body, Optional<RegionId> region)
            throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (probe.signed()) {
            all.putAll(signer.orElseThrow().sign(method, uri, headers, body, region.orElseThrow()));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        all.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
