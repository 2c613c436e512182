package dev.paymentsdr.service.adapter.in.http;

import static net.logstash.logback.argument.StructuredArguments.v;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** One access-log line per answered request, with method, path, status and duration as JSON fields of their own. */
public final class AccessLog implements RequestObserver {
    private static final Logger ACCESS = LoggerFactory.getLogger("dev.paymentsdr.service.access");

    @Override
    public void answered(String method, String path, int status, String requestId, long startedNanos) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable("requestId", requestId)) {
            // v(...) prints the value in the message and adds it as a JSON field of its own.
            ACCESS.info("{} {} -> {} in {} ms", v("method", method), v("path", path), v("status", status),
                    v("durationMs", (System.nanoTime() - startedNanos) / 1_000_000));
        }
    }
}
