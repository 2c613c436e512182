package dev.paymentsdr.contract;

/** The Lambda handlers of the runtime ({@code class::method}), named once for the stacks that deploy them. */
public final class Handlers {
    /** API Gateway REST API (proxy integration) events. */
    public static final String PAYMENT_API = "dev.paymentsdr.aws.lambda.PaymentApiHandler::handleRequest";
    /** Function URL events (payload format 2.0). */
    public static final String PAYMENT_FUNCTION_URL = "dev.paymentsdr.aws.lambda.PaymentFunctionUrlHandler::handleRequest";
    /** Function URL events to the open health URL: only GET /health and /health/ready are answered. */
    public static final String HEALTH_FUNCTION_URL = "dev.paymentsdr.aws.lambda.HealthFunctionUrlHandler::handleRequest";
    /** Application Load Balancer target events. */
    public static final String PAYMENT_LOAD_BALANCER = "dev.paymentsdr.aws.lambda.PaymentLoadBalancerHandler::handleRequest";
    /** SQS batches of payment orders. */
    public static final String PAYMENT_QUEUE = "dev.paymentsdr.aws.lambda.PaymentQueueHandler::handleRequest";
    /** The scheduled outbox relay. */
    public static final String OUTBOX_RELAY = "dev.paymentsdr.aws.lambda.OutboxRelayHandler::handleRequest";
    public static final String FAILOVER_TRIGGER = "dev.paymentsdr.aws.lambda.failover.trigger.FailoverTriggerHandler::handleRequest";
    public static final String HEALTH_MONITOR = "dev.paymentsdr.aws.lambda.failover.monitor.HealthMonitorHandler::handleRequest";
    public static final String READINESS_TESTER = "dev.paymentsdr.aws.lambda.failover.readiness.ReadinessTestHandler::handleRequest";

    private Handlers() {
    }
}
