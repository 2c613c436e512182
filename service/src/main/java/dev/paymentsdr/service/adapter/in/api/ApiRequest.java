package dev.paymentsdr.service.adapter.in.api;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request in transport-neutral form (Javalin and the Lambda handler both build one).
 *
 * @param method          HTTP method, upper case
 * @param path            request path without the query string, such as {@code /v1/payments}
 * @param queryParameters decoded query parameters; a name may repeat
 * @param headers         request headers; looked up case-insensitively (copied into a case-insensitive map)
 * @param body            raw body bytes, empty when there is none
 */
public record ApiRequest(String method, String path, Map<String, List<String>> queryParameters,
                         Map<String, String> headers, byte[] body) {

    public ApiRequest {
        method = method == null ? "" : method;
        path = path == null ? "" : path;
        queryParameters = queryParameters == null ? Map.of() : Collections.unmodifiableMap(queryParameters);
        TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name != null && value != null) {
                    caseInsensitive.put(name, value);
                }
            });
        }
        headers = Collections.unmodifiableMap(caseInsensitive);
        body = body == null ? new byte[0] : body;
    }

    /** A header value, or null when absent (the name's case does not matter). */
    public String header(String name) {
        return headers.get(name);
    }
}
