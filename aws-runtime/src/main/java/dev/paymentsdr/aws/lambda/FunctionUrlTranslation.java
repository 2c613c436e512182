package dev.paymentsdr.aws.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.paymentsdr.service.adapter.in.api.ApiRequest;
import dev.paymentsdr.service.adapter.in.api.ApiResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates Lambda function URL events (payload format 2.0, the same shape as API Gateway HTTP APIs) to the
 * transport-neutral API and back. A function URL has no resource paths of its own: its root is the payments
 * collection ({@code POST <function URL>} takes a payment, as in the seeds), {@code /payments...} and
 * {@code /v1/payments...} are served as {@code /v1/payments...}, {@code /health} and {@code /health/ready} as they are.
 */
final class FunctionUrlTranslation {
    private FunctionUrlTranslation() {
    }

    static ApiRequest toApiRequest(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (event.getHeaders() != null) {
            headers.putAll(event.getHeaders());
        }
        var context = event.getRequestContext();
        if (context != null && context.getRequestId() != null) {
            headers.putIfAbsent("X-Request-Id", context.getRequestId());
        }
        String method = context == null || context.getHttp() == null ? "" : context.getHttp().getMethod();
        return new ApiRequest(method, apiPath(event.getRawPath()), queryParameters(event.getRawQueryString()), headers,
                ApiGatewayTranslation.body(event.getBody(), event.getIsBase64Encoded()));
    }

    static APIGatewayV2HTTPResponse toResponse(ApiResponse response) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(new HashMap<>(response.headers()))
                .withBody(response.body())
                .withIsBase64Encoded(false)
                .build();
    }

    static String apiPath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return "/v1/payments";
        }
        return ApiGatewayTranslation.apiPath(rawPath);
    }

    /** From the raw query string: the parsed map joins repeated names with commas, which would hide them. */
    static Map<String, List<String>> queryParameters(String rawQueryString) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQueryString == null || rawQueryString.isEmpty()) {
            return query;
        }
        for (String pair : rawQueryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return query;
    }

    static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a broken % escape reaches the API as written, which refuses it as a bad parameter
        }
    }
}
