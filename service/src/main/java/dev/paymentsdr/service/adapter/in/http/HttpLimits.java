package dev.paymentsdr.service.adapter.in.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the HTTP edge that keep slow or oversized requests from tying up the service.
 *
 * @param idleTimeout    a connection on which nothing arrives for this long is closed (a request in progress gets a 408)
 * @param requestTimeout a request's line, headers and body must all arrive within this long of its first byte
 *                       (of the connection's opening for a new connection), else 408 and the connection is closed
 * @param maxHeaderBytes request line plus headers, in bytes; larger requests get 431 (414 when the URI alone is too long)
 */
public record HttpLimits(Duration idleTimeout, Duration requestTimeout, int maxHeaderBytes) {
    /** Above the 60 s idle timeout of an AWS load balancer, so the balancer, not the service, closes idle connections. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(65);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_HEADER_BYTES = 8 * 1024;
    public static final HttpLimits DEFAULTS = new HttpLimits(DEFAULT_IDLE_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_HEADER_BYTES);

    public HttpLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (requestTimeout.toMillis() < 200 || idleTimeout.toMillis() < 200) {
            throw new IllegalArgumentException("HTTP timeouts must be at least 200 ms");
        }
        if (maxHeaderBytes < 1024 || maxHeaderBytes > 65536) {
            throw new IllegalArgumentException("the header size limit must be from 1024 to 65536 bytes, got " + maxHeaderBytes);
        }
    }
}
