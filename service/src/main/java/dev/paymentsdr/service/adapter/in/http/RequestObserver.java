package dev.paymentsdr.service.adapter.in.http;

/** Told about every answered request (access log, metrics): one place that sees them all, whoever answered. */
@FunctionalInterface
public interface RequestObserver {
    /**
     * @param method       the request's method as sent
     * @param path         the request's path as sent
     * @param status       the HTTP status answered
     * @param requestId    the X-Request-Id of the answer
     * @param startedNanos {@link System#nanoTime()} when the request reached the service
     */
    void answered(String method, String path, int status, String requestId, long startedNanos);
}
