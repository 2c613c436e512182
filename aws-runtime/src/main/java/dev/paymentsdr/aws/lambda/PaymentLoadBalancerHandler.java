package dev.paymentsdr.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import dev.paymentsdr.service.adapter.in.api.ApiRequest;
import dev.paymentsdr.service.adapter.in.api.ApiResponse;
import dev.paymentsdr.service.adapter.in.api.PaymentApi;
import dev.paymentsdr.service.adapter.in.api.PaymentJson;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Lambda entry point behind an Application Load Balancer (the Global Accelerator's endpoint in a serverless region):
 * the same {@link PaymentApi} as the REST, function URL and container transports, behind an API key check
 * ({@link ApiKeyAuthenticator}) because this path, unlike the REST API, is not IAM-signed. Only the health paths stay
 * open: the target group's health check reaches {@code /health/ready}, so a standby region counts as unhealthy until
 * it is promoted.
 */
public final class PaymentLoadBalancerHandler
        implements RequestHandler<ApplicationLoadBalancerRequestEvent, ApplicationLoadBalancerResponseEvent> {
    /** Paths the load balancer and the accelerator probe without a key (they read no payment). */
    static final Set<String> OPEN_PATHS = Set.of("/health", "/health/ready");
    private final Supplier<PaymentApi> api;
    private final Supplier<ApiKeyAuthenticator> authenticator;

    /** Used by the Lambda runtime: wiring is built on the first invocation (not in the SnapStart snapshot). */
    public PaymentLoadBalancerHandler() {
        this(() -> LambdaWiring.shared().api(), LambdaWiring::apiKeyAuthenticator);
    }

    /** Used by tests and other hosts that already have an API and the key check. */
    public PaymentLoadBalancerHandler(Supplier<PaymentApi> api, Supplier<ApiKeyAuthenticator> authenticator) {
        this.api = api;
        this.authenticator = authenticator;
    }

    @Override
    public ApplicationLoadBalancerResponseEvent handleRequest(ApplicationLoadBalancerRequestEvent event, Context context) {
        boolean multiValue = event.getMultiValueHeaders() != null;
        ApiRequest request = LoadBalancerTranslation.toApiRequest(event);
        if (!OPEN_PATHS.contains(request.path())) {
            ApiKeyAuthenticator.Decision decision = authenticator.get().check(request.header(ApiKeyAuthenticator.HEADER));
            switch (decision.outcome()) {
                case ACCEPTED -> { }
                case MISSING, UNKNOWN -> {
                    return LoadBalancerTranslation.toResponse(refusal(401, "unauthorized", "send a valid API key in the "
                            + ApiKeyAuthenticator.HEADER + " header (missing or unknown key)"), multiValue);
                }
                case UNAVAILABLE -> {
                    return LoadBalancerTranslation.toResponse(refusal(503, "authentication_unavailable",
                            "API keys cannot be checked right now; nothing was done, retry later"), multiValue);
                }
            }
        }
        return LoadBalancerTranslation.toResponse(api.get().handle(request), multiValue);
    }

    private static ApiResponse refusal(int status, String code, String message) {
        return new ApiResponse(status, Map.of("Content-Type", "application/json; charset=utf-8", "Cache-Control", "no-store"),
                PaymentJson.error(code, message, status == 401 ? ApiKeyAuthenticator.HEADER : null));
    }
}
