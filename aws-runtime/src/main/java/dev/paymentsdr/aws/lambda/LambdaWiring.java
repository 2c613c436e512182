package dev.paymentsdr.aws.lambda;

import dev.paymentsdr.aws.adapter.secrets.SecretsManagerDatabaseSecrets;
import dev.paymentsdr.service.PaymentServiceWiring;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** One service wiring per Lambda execution environment, built on first use and reused by every invocation. */
final class LambdaWiring {
    /** Seconds a DNS answer is cached: Aurora's endpoints move on failover and publish a 5 s TTL. */
    static final String DNS_CACHE_SECONDS = "5";
    private static PaymentServiceWiring shared;

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
}
