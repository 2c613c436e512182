package dev.paymentsdr.service;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code serve} flags of {@link RequestLimits}: each falls back to its PAYMENTS_* variable, then to the default. */
public final class RequestLimitOptions {
    @Option(names = "--max-json-number-length", paramLabel = "N",
            description = "Longest JSON number in a request body, 20-1000 characters (env PAYMENTS_MAX_JSON_NUMBER_LENGTH; default 64).")
    String maxJsonNumberLength;

    @Option(names = "--max-json-depth", paramLabel = "N",
            description = "Deepest nesting of objects/arrays in a request body, 2-1000 (env PAYMENTS_MAX_JSON_DEPTH; default 16).")
    String maxJsonDepth;

    @Option(names = "--max-header-bytes", paramLabel = "BYTES",
            description = "Request line plus headers, 1024-65536 bytes (env PAYMENTS_MAX_HEADER_BYTES; default 8192).")
    String maxHeaderBytes;

    @Option(names = "--http-idle-timeout", paramLabel = "DURATION",
            description = "Close a connection silent this long, 1s-1h (env PAYMENTS_HTTP_IDLE_TIMEOUT; default 65s, above a load balancer's 60s).")
    String idleTimeout;

    @Option(names = "--http-request-timeout", paramLabel = "DURATION",
            description = "A request's headers and body must arrive within this, 500ms-5m, else 408 (env PAYMENTS_HTTP_REQUEST_TIMEOUT; default 10s).")
    String requestTimeout;

    /** The validated limits: flags first, then the environment, then the defaults. */
    RequestLimits limits(Map<String, String> environment) {
        Map<String, String> flags = new HashMap<>();
        flags.put("--max-json-number-length", maxJsonNumberLength);
        flags.put("--max-json-depth", maxJsonDepth);
        flags.put("--max-header-bytes", maxHeaderBytes);
        flags.put("--http-idle-timeout", idleTimeout);
        flags.put("--http-request-timeout", requestTimeout);
        return RequestLimits.from(flag -> {
            String value = flags.get(flag) != null ? flags.get(flag) : environment.get(RequestLimits.variableOf(flag));
            return value == null || value.isBlank() ? null : value;
        });
    }
}
