package dev.paymentsdr.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.paymentsdr.service.adapter.in.api.PaymentApi;
import java.util.function.Supplier;

/**
 * Lambda entry point for the API Gateway REST API ({@code /payments}, {@code /health}): the same
 * {@link PaymentApi} as the container service, so validation, idempotency and the ledger are shared.
 */
public final class PaymentApiHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private final Supplier<PaymentApi> api;

    /** Used by the Lambda runtime: wiring is built on the first invocation (not in the SnapStart snapshot). */
    public PaymentApiHandler() {
        this(() -> LambdaWiring.shared().api());
    }

    /** Used by tests and other hosts that already have an API. */
    public PaymentApiHandler(Supplier<PaymentApi> api) {
        this.api = api;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ApiGatewayTranslation.toResponseEvent(api.get().handle(ApiGatewayTranslation.toApiRequest(event)));
    }
}
