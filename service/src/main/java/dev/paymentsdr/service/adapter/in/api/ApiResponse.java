package dev.paymentsdr.service.adapter.in.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response in transport-neutral form: status, headers and a JSON body. */
public record ApiResponse(int status, Map<String, String> headers, String body) {

    public ApiResponse {
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? "" : body;
    }

    /** A JSON response with the standard content type and no caching. */
    static ApiResponse json(int status, String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("Cache-Control", "no-store");
        headers.putAll(extraHeaders);
        return new ApiResponse(status, headers, body);
    }
}
