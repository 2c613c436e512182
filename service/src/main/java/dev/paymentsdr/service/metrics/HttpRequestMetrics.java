package dev.paymentsdr.service.metrics;

import dev.paymentsdr.service.adapter.in.http.RequestObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code http_server_requests_seconds{method, uri, status, outcome}}: a route template, never the raw path, and a
 * known method or OTHER, so no client can create series at will. Timers are looked up in a map keyed by one int,
 * so recording a request costs a map read and a histogram update.
 */
final class HttpRequestMetrics implements RequestObserver {
    static final List<String> ROUTES = List.of("/v1/payments", "/v1/payments/{id}", "/health", "/health/ready",
            "/openapi.json", "/metrics", "OTHER");
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE",
            "CONNECT", "OTHER");
    private static final String PAYMENTS_PREFIX = "/v1/payments/";

    private final MeterRegistry registry;
    private final Map<Integer, Timer> timers = new ConcurrentHashMap<>();

    HttpRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void answered(String method, String path, int status, String requestId, long startedNanos) {
        long elapsed = System.nanoTime() - startedNanos;
        int methodIndex = methodIndex(method);
        int routeIndex = routeIndex(path);
        int key = ((methodIndex * ROUTES.size()) + routeIndex) * 1000 + Math.floorMod(status, 1000);
        timers.computeIfAbsent(key, k -> timer(methodIndex, routeIndex, status)).record(elapsed, TimeUnit.NANOSECONDS);
    }

    private Timer timer(int methodIndex, int routeIndex, int status) {
        return Timer.builder("http.server.requests")
                .description("HTTP requests answered, by route template and status")
                .tag("method", METHODS.get(methodIndex))
                .tag("uri", ROUTES.get(routeIndex))
                .tag("status", Integer.toString(status))
                .tag("outcome", outcome(status))
                .serviceLevelObjectives(ServiceMetrics.LATENCY_BUCKETS)
                .register(registry);
    }

    static int routeIndex(String path) {
        return switch (path) {
            case "/v1/payments" -> 0;
            case "/health" -> 2;
            case "/health/ready" -> 3;
            case "/openapi.json" -> 4;
            case "/metrics" -> 5;
            default -> path.startsWith(PAYMENTS_PREFIX) && path.length() > PAYMENTS_PREFIX.length()
                    && path.indexOf('/', PAYMENTS_PREFIX.length()) < 0 ? 1 : 6;
        };
    }

    static int methodIndex(String method) {
        int index = METHODS.indexOf(method);
        return index < 0 ? METHODS.size() - 1 : index;
    }

    private static String outcome(int status) {
        if (status < 200) {
            return "INFORMATIONAL";
        }
        if (status < 300) {
            return "SUCCESS";
        }
        if (status < 400) {
            return "REDIRECTION";
        }
        return status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
    }
}
