package dev.paymentsdr.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.paymentsdr.service.adapter.in.api.PaymentApi;
import java.util.function.Supplier;

/**
 * Lambda entry point for a function URL (payload format 2.0): the same {@link PaymentApi} as the REST handler and
 * the container service; see {@link FunctionUrlTranslation} for the paths.
 */
public final class PaymentFunctionUrlHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Supplier<PaymentApi> api;

    /** Used by the Lambda runtime: wiring is built on the first invocation (not in the SnapStart snapshot). */
    public PaymentFunctionUrlHandler() {
        this(() -> LambdaWiring.shared().api());
    }

    public PaymentFunctionUrlHandler(Supplier<PaymentApi> api) {
        this.api = api;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return FunctionUrlTranslation.toResponse(api.get().handle(FunctionUrlTranslation.toApiRequest(event)));
    }
}
