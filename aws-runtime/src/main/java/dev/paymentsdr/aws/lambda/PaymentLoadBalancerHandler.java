package dev.paymentsdr.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import dev.paymentsdr.service.adapter.in.api.PaymentApi;
import java.util.function.Supplier;

/**
 * Lambda entry point behind an Application Load Balancer (the Global Accelerator's endpoint in a serverless region):
 * the same {@link PaymentApi} as the REST, function URL and container transports; the target group's health check
 * reaches {@code /health/ready}, so a standby region counts as unhealthy until it is promoted.
 */
public final class PaymentLoadBalancerHandler
        implements RequestHandler<ApplicationLoadBalancerRequestEvent, ApplicationLoadBalancerResponseEvent> {
    private final Supplier<PaymentApi> api;

    /** Used by the Lambda runtime: wiring is built on the first invocation (not in the SnapStart snapshot). */
    public PaymentLoadBalancerHandler() {
        this(() -> LambdaWiring.shared().api());
    }

    /** Used by tests and other hosts that already have an API. */
    public PaymentLoadBalancerHandler(Supplier<PaymentApi> api) {
        this.api = api;
    }

    @Override
    public ApplicationLoadBalancerResponseEvent handleRequest(ApplicationLoadBalancerRequestEvent event, Context context) {
        return LoadBalancerTranslation.toResponse(api.get().handle(LoadBalancerTranslation.toApiRequest(event)),
                event.getMultiValueHeaders() != null);
    }
}
