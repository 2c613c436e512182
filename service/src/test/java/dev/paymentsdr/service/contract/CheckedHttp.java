package dev.paymentsdr.service.contract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The integration tests' HTTP client: sends a request, then checks the exchange against the OpenAPI contract, so
 * every request a test sends and every answer it gets keeps the contract true.
 */
public final class CheckedHttp {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public CheckedHttp(URI base) {
        this.base = base;
    }

    public CheckedHttp(int port) {
        this(URI.create("http://127.0.0.1:" + port));
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, Map.of(), null);
    }

    /** POST of a JSON body with an Idempotency-Key. */
    public HttpResponse<String> postJson(String path, String idempotencyKey, String json) throws IOException, InterruptedException {
        return send("POST", path, Map.of("Content-Type", "application/json", "Idempotency-Key", idempotencyKey),
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A request with the given headers (name to value) and body (null: none). */
    public HttpResponse<String> send(String method, String pathAndQuery, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        Map<String, List<String>> sentHeaders = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            request.header(name, value);
            sentHeaders.put(name, List.of(value));
        });
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        OpenApiContract.get().check(new OpenApiContract.Exchange(method, pathAndQuery, sentHeaders, body,
                response.statusCode(), response.headers().map(), response.body()));
        return response;
    }
}
