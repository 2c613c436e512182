package dev.paymentsdr.lab.drill;

import dev.paymentsdr.lab.LabRegion;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * A client with a stale DNS answer: after the move it still sends payments straight to the region that lost the
 * primary role, through that region's client link. The split-brain guard holds when none is acknowledged.
 */
final class StaleClient {
    private static final int WRITES = 10;
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Duration SPACING = Duration.ofMillis(50);

    private StaleClient() {
    }

    /** Sends ten payments (50 ms apart, 3 s limit each) straight to the region's service; counts the answers. */
    static RunResult.FencedWrites writeTo(LabRegion region, String keyPrefix) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < WRITES; i++) {
            HttpRequest request = HttpRequest.newBuilder(region.clientUrl().resolve("/v1/payments")).timeout(TIMEOUT)
                    .header("Content-Type", "application/json").header("Idempotency-Key", keyPrefix + i)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"stale-dns\",\"amount\":\"1.00\",\"currency\":\"USD\"}"))
                    .build();
            answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(HttpResponse::statusCode).exceptionally(e -> 0));
            Thread.sleep(SPACING.toMillis());
        }
        Map<String, Integer> statuses = new TreeMap<>();
        int acked = 0;
        for (CompletableFuture<Integer> answer : answers) {
            int status = answer.join();
            acked += status >= 200 && status < 300 ? 1 : 0;
            statuses.merge(status == 0 ? "no answer" : Integer.toString(status), 1, Integer::sum);
        }
        return new RunResult.FencedWrites(region.name(), WRITES, acked, statuses.toString());
    }
}
