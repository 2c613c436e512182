package dev.paymentsdr.aws.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.paymentsdr.service.adapter.in.api.ApiRequest;
import dev.paymentsdr.service.adapter.in.api.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Translates API Gateway REST proxy events to the transport-neutral API and back; it holds no payment logic. */
final class ApiGatewayTranslation {
    private static final String API_PREFIX = "/v1";

    private ApiGatewayTranslation() {
    }

    static ApiRequest toApiRequest(APIGatewayProxyRequestEvent event) {
        Map<String, String> headers = headers(event.getMultiValueHeaders(), event.getHeaders());
        if (event.getRequestContext() != null && event.getRequestContext().getRequestId() != null) {
            headers.putIfAbsent("X-Request-Id", event.getRequestContext().getRequestId());
        }
        return new ApiRequest(event.getHttpMethod(), apiPath(event.getPath()), queryParameters(event), headers,
                body(event.getBody(), event.getIsBase64Encoded()));
    }

    /**
     * One value per header: repeated values joined with commas (as HTTP allows), the multi-value map first because a
     * proxy that sends both (API Gateway) puts only the last value of a repeated header into the single-value map.
     */
    static Map<String, String> headers(Map<String, List<String>> multiValue, Map<String, String> singleValue) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (multiValue != null) {
            multiValue.forEach((name, values) -> {
                if (values != null && !values.isEmpty()) {
                    headers.put(name, String.join(",", values));
                }
            });
        }
        if (singleValue != null) {
            singleValue.forEach(headers::putIfAbsent);
        }
        return headers;
    }

    static APIGatewayProxyResponseEvent toResponseEvent(ApiResponse response) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(response.status())
                .withHeaders(new HashMap<>(response.headers()))
                .withBody(response.body())
                .withIsBase64Encoded(false);
    }

    /**
     * The REST API exposes {@code /payments} and {@code /health} at the stage root; the service's routes are
     * {@code /v1/payments} and {@code /health}, so payment paths gain the version prefix.
     */
    static String apiPath(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        if (path.equals("/payments") || path.startsWith("/payments/")) {
            return API_PREFIX + path;
        }
        return path;
    }

    private static Map<String, List<String>> queryParameters(APIGatewayProxyRequestEvent event) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (event.getMultiValueQueryStringParameters() != null) {
            event.getMultiValueQueryStringParameters().forEach((name, values) -> query.put(name, List.copyOf(values)));
        } else if (event.getQueryStringParameters() != null) {
            event.getQueryStringParameters().forEach((name, value) -> query.put(name, List.of(value)));
        }
        return query;
    }

    /** The body's bytes; Lambda hands binary and some text bodies over in base64. */
    static byte[] body(String body, Boolean base64Encoded) {
        if (body == null) {
            return new byte[0];
        }
        if (Boolean.TRUE.equals(base64Encoded)) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                // Undecodable base64 reaches the API as raw bytes, which it rejects as malformed.
                return body.getBytes(StandardCharsets.ISO_8859_1);
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
