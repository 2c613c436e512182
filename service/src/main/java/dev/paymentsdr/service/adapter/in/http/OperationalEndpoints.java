package dev.paymentsdr.service.adapter.in.http;

import dev.paymentsdr.service.adapter.in.api.ApiResponse;
import dev.paymentsdr.service.adapter.in.api.PaymentJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the HTTP service answers besides the payment API: its OpenAPI contract ({@code GET /openapi.json}) and its
 * Prometheus metrics ({@code GET /metrics}).
 */
public final class OperationalEndpoints {
    /** The contract on the class path; the tests validate every exchange against this same file. */
    public static final String OPENAPI_RESOURCE = "/openapi/payments-api.json";
    static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final String openApiDocument = load(OPENAPI_RESOURCE);
    private final Supplier<String> metrics;

    /** @param metrics renders the metrics in the Prometheus text format */
    public OperationalEndpoints(Supplier<String> metrics) {
        this.metrics = metrics;
    }

    /** The answer when the path is one of these endpoints; empty for every other path. */
    public Optional<ApiResponse> answer(String method, String path) {
        return switch (path) {
            case "/openapi.json" -> Optional.of(method.equals("GET")
                    ? new ApiResponse(200, Map.of("Content-Type", "application/json; charset=utf-8",
                            "Cache-Control", "max-age=300"), openApiDocument)
                    : methodNotAllowed(method));
            case "/metrics" -> Optional.of(method.equals("GET")
                    ? new ApiResponse(200, Map.of("Content-Type", PROMETHEUS_CONTENT_TYPE, "Cache-Control", "no-store"),
                            metrics.get())
                    : methodNotAllowed(method));
            default -> Optional.empty();
        };
    }

    private static ApiResponse methodNotAllowed(String method) {
        return new ApiResponse(405, Map.of("Content-Type", EdgeRefusal.CONTENT_TYPE, "Allow", "GET",
                "Cache-Control", "no-store"), PaymentJson.error("method_not_allowed",
                "method " + method.replaceAll("[^A-Za-z0-9_-]", "?") + " is not allowed here; allowed: GET", null));
    }

    private static String load(String resource) {
        try (InputStream in = OperationalEndpoints.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
