package dev.paymentsdr.aws.lambda;

import dev.paymentsdr.aws.adapter.AwsClients;
import dev.paymentsdr.aws.adapter.events.EventBridgePaymentPublisher;
import dev.paymentsdr.aws.adapter.secrets.SecretsManagerDatabaseSecrets;
import dev.paymentsdr.payments.port.out.PaymentFailurePublisher;
import dev.paymentsdr.service.PaymentServiceWiring;
import dev.paymentsdr.service.ServiceConfig;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** One service wiring per Lambda execution environment, built on first use and reused by every invocation. */
final class LambdaWiring {
    /** Seconds a DNS answer is cached: Aurora's endpoints move on failover and publish a 5 s TTL. */
    static final String DNS_CACHE_SECONDS = "5";
    private static PaymentServiceWiring shared;
    private static PaymentFailurePublisher failurePublisher;
    private static ApiKeyAuthenticator apiKeyAuthenticator;

    private LambdaWiring() {
    }

    static synchronized PaymentServiceWiring shared() {
        if (shared == null) {
            java.security.Security.setProperty("networkaddress.cache.ttl", DNS_CACHE_SECONDS);
            // The client reads region, credentials and any endpoint override from the function's environment.
            SecretsManagerClient client = SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
            SecretsManagerDatabaseSecrets secrets = new SecretsManagerDatabaseSecrets(client);
            shared = PaymentServiceWiring.create(LambdaEnvironment.serviceConfig(System.getenv(), secrets::read));
        }
        return shared;
    }

    /** Publishes payment.failed events to the function's event bus (PAYMENTS_EVENT_BUS), or nowhere without one. */
    static synchronized PaymentFailurePublisher failurePublisher() {
        if (failurePublisher == null) {
            ServiceConfig config = shared().config();
            failurePublisher = config.backends().eventBus().<PaymentFailurePublisher>map(bus -> new EventBridgePaymentPublisher(
                    AwsClients.fromEnvironment(System.getenv()).eventBridge(config.region()), bus))
                    .orElse(PaymentFailurePublisher.NONE);
        }
        return failurePublisher;
    }

    /**
     * The API key check of the load balancer entry, reading the secret named by PAYMENTS_API_KEYS_SECRET_ARN; without
     * that variable every key is refused (fail closed) and each refusal logs why.
     */
    static synchronized ApiKeyAuthenticator apiKeyAuthenticator() {
        if (apiKeyAuthenticator == null) {
            apiKeyAuthenticator = ApiKeyAuthenticator.secretId(System.getenv())
                    .map(id -> ApiKeyAuthenticator.of(AwsClients.fromEnvironment(System.getenv()).secretsManager(region()), id))
                    .orElseGet(() -> new ApiKeyAuthenticator("(PAYMENTS_API_KEYS_SECRET_ARN is not set)", () -> {
                        throw new IllegalStateException("PAYMENTS_API_KEYS_SECRET_ARN is not set");
                    }));
        }
        return apiKeyAuthenticator;
    }

    /** The region this function serves (PAYMENTS_REGION, else the function's AWS_REGION). */
    static String region() {
        String region = System.getenv("PAYMENTS_REGION");
        return region == null || region.isBlank() ? System.getenv().getOrDefault("AWS_REGION", "unknown") : region;
    }
}
