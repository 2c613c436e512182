package dev.paymentsdr.aws.lambda;

import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import dev.paymentsdr.service.adapter.in.api.ApiRequest;
import dev.paymentsdr.service.adapter.in.api.ApiResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates Application Load Balancer target events to the transport-neutral API and back. The ALB forwards the
 * client's path ({@code /payments...} is served as {@code /v1/payments...}, as through the REST API) and hands query
 * parameters over still percent-encoded, so they are decoded here. With multi-value headers switched on for the target
 * group the event carries only the multi-value maps, and the response must answer in them too.
 */
final class LoadBalancerTranslation {
    /** The reason phrases the ALB shows with a status (it needs one; an unknown status gets a generic phrase). */
    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(200, "OK"), Map.entry(201, "Created"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"), Map.entry(413, "Payload Too Large"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(422, "Unprocessable Entity"),
            Map.entry(500, "Internal Server Error"), Map.entry(503, "Service Unavailable"));

    private LoadBalancerTranslation() {
    }

    static ApiRequest toApiRequest(ApplicationLoadBalancerRequestEvent event) {
        return new ApiRequest(event.getHttpMethod(), ApiGatewayTranslation.apiPath(event.getPath()), queryParameters(event),
                ApiGatewayTranslation.headers(event.getMultiValueHeaders(), event.getHeaders()),
                ApiGatewayTranslation.body(event.getBody(), event.getIsBase64Encoded()));
    }

    static ApplicationLoadBalancerResponseEvent toResponse(ApiResponse response, boolean multiValueHeaders) {
        ApplicationLoadBalancerResponseEvent out = new ApplicationLoadBalancerResponseEvent();
        out.setStatusCode(response.status());
        out.setStatusDescription(response.status() + " " + REASONS.getOrDefault(response.status(), response.status() < 400
                ? "OK" : response.status() < 500 ? "Client Error" : "Server Error"));
        if (multiValueHeaders) {
            Map<String, List<String>> headers = new HashMap<>();
            response.headers().forEach((name, value) -> headers.put(name, List.of(value)));
            out.setMultiValueHeaders(headers);
        } else {
            out.setHeaders(new HashMap<>(response.headers()));
        }
        out.setBody(response.body());
        out.setIsBase64Encoded(false);
        return out;
    }

    private static Map<String, List<String>> queryParameters(ApplicationLoadBalancerRequestEvent event) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (event.getMultiValueQueryStringParameters() != null) {
            event.getMultiValueQueryStringParameters().forEach((name, values) -> {
                List<String> decoded = new ArrayList<>();
                values.forEach(v -> decoded.add(FunctionUrlTranslation.decode(v)));
                query.put(FunctionUrlTranslation.decode(name), decoded);
            });
        } else if (event.getQueryStringParameters() != null) {
            event.getQueryStringParameters().forEach((name, value) ->
                    query.put(FunctionUrlTranslation.decode(name), List.of(FunctionUrlTranslation.decode(value))));
        }
        return query;
    }
}
