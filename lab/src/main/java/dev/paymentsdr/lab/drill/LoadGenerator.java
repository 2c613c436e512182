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
 * Load through the front door, each payment with a unique key. Open loop: one payment every 1/R seconds whether
 * or not earlier ones answered (it shows the outage as the system sees it). Closed loop: N clients that each send
 * their next payment only once the previous one answered or timed out at 2 s (the outage as a user feels it: a
 * request parked on a dead region holds its client until it is cut or times out).
 */
public final class LoadGenerator implements AutoCloseable {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** A closed-loop client gives up on an answer after this long and sends its next payment. */
    public static final Duration CLOSED_LOOP_TIMEOUT = Duration.ofSeconds(2);
    /** A closed-loop client's think time between an answer and its next payment (20 payments/s at most each). */
    public static final Duration CLOSED_LOOP_THINK = Duration.ofMillis(50);

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
    private final java.util.List<Thread> closedLoop = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean stopping;

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

    /** Starts sending {@code ratePerSecond} payments per second (open loop). */
    public void start(int ratePerSecond) {
        start(ratePerSecond, 0);
    }

    /** Starts the open loop at {@code ratePerSecond} and {@code closedLoopClients} closed-loop clients. */
    public void start(int ratePerSecond, int closedLoopClients) {
        long periodNanos = 1_000_000_000L / ratePerSecond;
        ticker.scheduleAtFixedRate(this::sendOne, 0, periodNanos, TimeUnit.NANOSECONDS);
        for (int i = 0; i < closedLoopClients; i++) {
            Thread client = new Thread(this::closedLoop, "drill-client-" + i);
            client.setDaemon(true);
            closedLoop.add(client);
            client.start();
        }
    }

    private HttpRequest request(String key, long n, Duration timeout) {
        String body = "{\"customerId\":\"drill\",\"amount\":\"" + (1 + n % 100) + ".00\",\"currency\":\"USD\"}";
        return HttpRequest.newBuilder(payments).timeout(timeout)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private void sendOne() {
        long n = seq.incrementAndGet();
        String key = keyPrefix + n;
        HttpRequest request = request(key, n, REQUEST_TIMEOUT);
        long sent = now();
        inFlight.incrementAndGet();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            record(n, key, sent, error == null ? response : null, false);
            inFlight.decrementAndGet();
        });
    }

    /** One closed-loop client: send, wait for the answer (at most 2 s), think, send the next. */
    private void closedLoop() {
        while (!stopping) {
            long n = seq.incrementAndGet();
            String key = keyPrefix + n;
            long sent = now();
            HttpResponse<String> response;
            try {
                response = client.send(request(key, n, CLOSED_LOOP_TIMEOUT), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                response = null;
            } catch (InterruptedException e) {
                return;
            }
            record(n, key, sent, response, true);
            try {
                Thread.sleep(CLOSED_LOOP_THINK.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void record(long n, String key, long sent, HttpResponse<String> response, boolean closed) {
        long end = now();
        int status = response == null ? 0 : response.statusCode();
        String id = null;
        if (status >= 200 && status < 300) {
            Matcher m = ID.matcher(response.body());
            id = m.find() ? m.group(1) : null;
            ok.incrementAndGet();
        } else {
            failed.incrementAndGet();
        }
        records.add(new RequestRecord(n, key, sent, end, status, id, closed));
    }

    private long now() {
        return System.nanoTime() - originNanos;
    }

    /** Stops sending and waits (at most the request timeout) for the answers still on their way. */
    public List<RequestRecord> stop() throws InterruptedException {
        ticker.shutdownNow();
        stopping = true;
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        for (Thread t : closedLoop) {
            t.join(CLOSED_LOOP_TIMEOUT.plusSeconds(1).toMillis());
        }
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
        stopping = true;
        ticker.shutdownNow();
    }
}
