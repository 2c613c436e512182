package dev.paymentsdr.aws.adapter;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Builds the SDK clients of the payment adapters for one region, every call bounded (3 s per attempt, 10 s in all).
 * Credentials and endpoints come from the SDK's usual sources unless given; an endpoint (an emulator such as moto)
 * also switches S3 to path-style addressing.
 *
 * @param endpoint    one endpoint for every service, e.g. {@code http://127.0.0.1:5000}
 * @param credentials credentials to use instead of the default provider chain
 */
public record AwsClients(Optional<URI> endpoint, Optional<AwsCredentialsProvider> credentials) {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(3);

    public AwsClients {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(credentials, "credentials");
    }

    /** The SDK's defaults, with {@code AWS_ENDPOINT_URL} (when set) as the one endpoint. */
    public static AwsClients fromEnvironment(Map<String, String> environment) {
        String endpoint = environment.get("AWS_ENDPOINT_URL");
        return new AwsClients(endpoint == null || endpoint.isBlank() ? Optional.empty() : Optional.of(URI.create(endpoint.trim())),
                Optional.empty());
    }

    public DynamoDbClient dynamoDb(String region) {
        return configure(DynamoDbClient.builder(), region).build();
    }

    public EventBridgeClient eventBridge(String region) {
        return configure(EventBridgeClient.builder(), region).build();
    }

    public SecretsManagerClient secretsManager(String region) {
        return configure(SecretsManagerClient.builder(), region).build();
    }

    public S3Client s3(String region) {
        return configure(S3Client.builder(), region).forcePathStyle(endpoint.isPresent()).build();
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String region) {
        builder.region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2)).socketTimeout(ATTEMPT_TIMEOUT))
                .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT).apiCallAttemptTimeout(ATTEMPT_TIMEOUT));
        endpoint.ifPresent(builder::endpointOverride);
        credentials.ifPresent(builder::credentialsProvider);
        return builder;
    }
}
