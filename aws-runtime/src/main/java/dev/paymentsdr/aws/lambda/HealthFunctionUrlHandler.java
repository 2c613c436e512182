package dev.paymentsdr.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.paymentsdr.service.adapter.in.api.ApiRequest;
import dev.paymentsdr.service.adapter.in.api.ApiResponse;
import dev.paymentsdr.service.adapter.in.api.PaymentApi;
import dev.paymentsdr.service.adapter.in.api.PaymentJson;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Lambda entry point for the open (AuthType NONE) health function URL that Route 53 health checkers call: it answers
 * {@code GET /health} and {@code GET /health/ready} through the same {@link PaymentApi} and refuses every other path
 * with 404, so the unsigned URL can never take or read a payment (the payments URL requires AWS_IAM).
 */
public final class HealthFunctionUrlHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Set<String> HEALTH_PATHS = Set.of("/health", "/health/ready");
    private final Supplier<PaymentApi> api;

    /** Used by the Lambda runtime: wiring is built on the first invocation (not in the SnapStart snapshot). */
    public HealthFunctionUrlHandler() {
        this(() -> LambdaWiring.shared().api());
    }

    /** Used by tests and other hosts that already have an API. */
    public HealthFunctionUrlHandler(Supplier<PaymentApi> api) {
        this.api = api;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        ApiRequest request = FunctionUrlTranslation.toApiRequest(event);
        if (!HEALTH_PATHS.contains(request.path()) || !"GET".equals(request.method())) {
            return FunctionUrlTranslation.toResponse(new ApiResponse(404, Map.of("Content-Type", "application/json; charset=utf-8",
                    "Cache-Control", "no-store"), PaymentJson.error("not_found", "this URL serves only GET /health and "
                    + "GET /health/ready; payments go to the payments function URL (AWS_IAM)", null)));
        }
        return FunctionUrlTranslation.toResponse(api.get().handle(request));
    }
}
