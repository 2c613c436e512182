package dev.paymentsdr.aws.failover.capacity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One readiness probe: GET the region's readiness URL; only 200 within the time limit counts. */
public final class HttpReadiness {
    /** A slower answer counts as a failed probe, so a hung region is detected as fast as a dead one. */
    public static final Duration PROBE_TIMEOUT = Duration.ofMillis(800);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(PROBE_TIMEOUT).build();

    /** The status the URL answered, or -1 when it did not answer in time. */
    public int status(URI url) {
        return answer(url).status();
    }

    public boolean isReady(URI url) {
        return status(url) == 200;
    }

    /** The status and body the URL answered within the time limit; status -1 and an empty body when it did not. */
    public Answer answer(URI url) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(url).timeout(PROBE_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException | RuntimeException e) {
            return new Answer(-1, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "");
        }
    }

    /** What a URL answered. */
    public record Answer(int status, String body) {
    }
}
