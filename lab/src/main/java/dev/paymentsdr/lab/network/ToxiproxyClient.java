package dev.paymentsdr.lab.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Client of Toxiproxy's HTTP API (one toxiproxy-server on loopback): create links (proxies), add and remove
 * toxics (latency, cuts). Every call has a deadline and fails with what it asked and what came back.
 */
public final class ToxiproxyClient {
    /** The limit of one API call (connect, send, answer). */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI api;
    private final Duration timeout;
    private final HttpClient http;

    public ToxiproxyClient(int apiPort) {
        this(URI.create("http://127.0.0.1:" + apiPort), CALL_TIMEOUT);
    }

    public ToxiproxyClient(URI api, Duration timeout) {
        this.api = api;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    public URI api() {
        return api;
    }

    /** One toxic on a link: a type ({@code latency}, {@code timeout}...), the direction and its attributes. */
    public record Toxic(String name, String type, Stream stream, Map<String, Long> attributes) {
    }

    /** The direction a toxic acts on: client to server ({@code upstream}) or server to client ({@code downstream}). */
    public enum Stream {
        UPSTREAM, DOWNSTREAM;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The server's version; fails when it does not answer in time. */
    public String version() {
        return send(HttpRequest.newBuilder(api.resolve("/version")).GET(), "GET /version", 200).strip();
    }

    /** True when the server answers its version call in time. */
    public boolean isAvailable() {
        try {
            version();
            return true;
        } catch (ToxiproxyException e) {
            return false;
        }
    }

    /** Creates a link listening on {@code 127.0.0.1:listenPort} that forwards to {@code 127.0.0.1:upstreamPort}. */
    public void createProxy(String name, int listenPort, int upstreamPort) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name);
        body.put("listen", "127.0.0.1:" + listenPort);
        body.put("upstream", "127.0.0.1:" + upstreamPort);
        body.put("enabled", true);
        post("/proxies", body, "create link " + name, 201);
    }

    /** The names of the links the server has. */
    public List<String> proxyNames() {
        JsonNode proxies = parse(send(HttpRequest.newBuilder(api.resolve("/proxies")).GET(), "GET /proxies", 200));
        List<String> names = new ArrayList<>();
        proxies.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The names of the toxics on a link. */
    public List<String> toxicNames(String proxy) {
        JsonNode toxics = parse(send(HttpRequest.newBuilder(api.resolve("/proxies/" + proxy + "/toxics")).GET(),
                "GET toxics of " + proxy, 200));
        List<String> names = new ArrayList<>();
        toxics.forEach(t -> names.add(t.path("name").asText()));
        return names;
    }

    /** Adds a toxic to a link (toxicity 1: every connection). */
    public void addToxic(String proxy, Toxic toxic) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", toxic.name());
        body.put("type", toxic.type());
        body.put("stream", toxic.stream().label());
        body.put("toxicity", 1.0);
        ObjectNode attributes = body.putObject("attributes");
        toxic.attributes().forEach(attributes::put);
        post("/proxies/" + proxy + "/toxics", body, "add toxic " + toxic.name() + " to " + proxy, 200);
    }

    /** Removes a toxic from a link; harmless when it is not there. */
    public void removeToxic(String proxy, String toxic) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve("/proxies/" + proxy + "/toxics/" + toxic)).DELETE();
        String what = "remove toxic " + toxic + " from " + proxy;
        HttpResponse<String> response = exchange(request, what);
        if (response.statusCode() != 204 && response.statusCode() != 404) {
            throw new ToxiproxyException(what + " answered HTTP " + response.statusCode() + ": " + response.body().strip());
        }
    }

    private void post(String path, JsonNode body, String what, int expected) {
        try {
            send(HttpRequest.newBuilder(api.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), what, expected);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ToxiproxyException("cannot write the request to " + what + ": " + e.getMessage());
        }
    }

    private String send(HttpRequest.Builder request, String what, int expected) {
        HttpResponse<String> response = exchange(request, what);
        if (response.statusCode() != expected) {
            throw new ToxiproxyException(what + " at " + api + " answered HTTP " + response.statusCode() + " (expected "
                    + expected + "): " + response.body().strip());
        }
        return response.body();
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request, String what) {
        try {
            return http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ToxiproxyException("Toxiproxy at " + api + " did not answer '" + what + "' within "
                    + timeout.toMillis() + " ms: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToxiproxyException("interrupted while asking Toxiproxy to " + what);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new ToxiproxyException("Toxiproxy answered something that is not JSON: " + e.getMessage());
        }
    }
}
