package dev.paymentsdr.lab.drill;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open-loop load through the front door: one payment every 1/R seconds whether or not earlier ones
 * answered (a closed loop would slow down during the outage and hide it), each with a unique key.
 */
public final class LoadGenerator implements AutoCloseable {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final URI payments;
    private final String keyPrefix;
    private final long originNanos;
    private final HttpClient client;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "drill-load");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedQueue<RequestRecord> records = new ConcurrentLinkedQueue<>();
    private final AtomicLong seq = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger ok = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    /**
     * @param originNanos the drill's time origin ({@link System#nanoTime()}), so records and events share a clock
     */
    public LoadGenerator(URI frontDoor, String keyPrefix, long originNanos) {
        this.payments = frontDoor.resolve("/v1/payments");
        this.keyPrefix = keyPrefix;
        this.originNanos = originNanos;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
    }

    /** Starts sending {@code ratePerSecond} payments per second. */
    public void start(int ratePerSecond) {
        long periodNanos = 1_000_000_000L / ratePerSecond;
        ticker.scheduleAtFixedRate(this::sendOne, 0, periodNanos, TimeUnit.NANOSECONDS);
    }

    private void sendOne() {
        long n = seq.incrementAndGet();
        String key = keyPrefix + n;
        String body = "{\"customerId\":\"drill\",\"amount\":\"" + (1 + n % 100) + ".00\",\"currency\":\"USD\"}";
        HttpRequest request = HttpRequest.newBuilder(payments).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long sent = now();
        inFlight.incrementAndGet();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            long end = now();
            int status = error == null ? response.statusCode() : 0;
            String id = null;
            if (status >= 200 && status < 300) {
                Matcher m = ID.matcher(response.body());
                id = m.find() ? m.group(1) : null;
                ok.incrementAndGet();
            } else {
                failed.incrementAndGet();
            }
            records.add(new RequestRecord(n, key, sent, end, status, id));
            inFlight.decrementAndGet();
        });
    }

    private long now() {
        return System.nanoTime() - originNanos;
    }

    /** Stops sending and waits (at most the request timeout) for the answers still on their way. */
    public List<RequestRecord> stop() throws InterruptedException {
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + REQUEST_TIMEOUT.plusSeconds(1).toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return List.copyOf(records);
    }

    public int ok() {
        return ok.get();
    }

    public int failed() {
        return failed.get();
    }

    /** The records of answers received so far (for finding the first acknowledgement after the fault). */
    public List<RequestRecord> snapshot() {
        return List.copyOf(records);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
