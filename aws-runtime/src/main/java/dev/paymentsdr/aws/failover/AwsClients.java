package dev.paymentsdr.aws.failover;

import dev.paymentsdr.aws.failover.traffic.GlobalAcceleratorApi;
import dev.paymentsdr.failover.domain.model.RegionId;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The SDK clients of the failover, one per service and region, made once and shared. Credentials come from
 * the default provider chain and endpoints from the SDK's own settings ({@code AWS_ENDPOINT_URL},
 * {@code AWS_ENDPOINT_URL_<SERVICE>}), unless a test passes an endpoint and credentials. Every call has a
 * time limit, so an unreachable region fails the call instead of hanging the failover.
 */
public final class AwsClients implements AutoCloseable {
    /** One API call, retries included; a region that does not answer in this time counts as unreachable. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

    private final Optional<URI> endpoint;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final Map<String, AutoCloseable> made = new ConcurrentHashMap<>();

    private AwsClients(Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(3))
                .socketTimeout(ATTEMPT_TIMEOUT).build();
    }

    /** Clients as the environment configures them (default credentials chain, standard endpoint variables). */
    public static AwsClients fromEnvironment() {
        return new AwsClients(Optional.empty(), DefaultCredentialsProvider.builder().build());
    }

    /** Clients of one endpoint (an emulator) with fixed credentials. */
    public static AwsClients at(URI endpoint, AwsCredentialsProvider credentials) {
        return new AwsClients(Optional.of(endpoint), credentials);
    }

    /** The credentials every client signs with. */
    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    public RdsClient rds(RegionId region) {
        return client("rds", region, r -> configure(RdsClient.builder(), r).build());
    }

    public CloudWatchClient cloudWatch(RegionId region) {
        return client("cloudwatch", region, r -> configure(CloudWatchClient.builder(), r).build());
    }

    public EcsClient ecs(RegionId region) {
        return client("ecs", region, r -> configure(EcsClient.builder(), r).build());
    }

    public SnsClient sns(RegionId region) {
        return client("sns", region, r -> configure(SnsClient.builder(), r).build());
    }

    public DynamoDbClient dynamoDb(RegionId region) {
        return client("dynamodb", region, r -> configure(DynamoDbClient.builder(), r).build());
    }

    public LambdaClient lambda(RegionId region) {
        return client("lambda", region, r -> configure(LambdaClient.builder(), r).build());
    }

    /** S3 of a region; path-style addressing against an emulator endpoint (its host names no buckets). */
    public S3Client s3(RegionId region) {
        return client("s3", region, r -> configure(S3Client.builder(), r).forcePathStyle(endpoint.isPresent()).build());
    }

    public CloudFormationClient cloudFormation(RegionId region) {
        return client("cloudformation", region, r -> configure(CloudFormationClient.builder(), r).build());
    }

    /** Route 53 is global; its API lives in us-east-1. */
    public Route53Client route53() {
        return client("route53", RegionId.of("us-east-1"), r -> configure(Route53Client.builder(), Region.AWS_GLOBAL).build());
    }

    /**
     * Global Accelerator (API in us-west-2) through the SDK's HTTP client and signer, as the SDK module is not available
     * here; its endpoint follows the same settings as the other clients' ({@code AWS_ENDPOINT_URL_GLOBAL_ACCELERATOR}).
     */
    public GlobalAcceleratorApi globalAccelerator() {
        return new GlobalAcceleratorApi(http, credentials, endpoint.orElseGet(GlobalAcceleratorApi::endpointFromEnvironment));
    }

    @SuppressWarnings("unchecked")
    private <C extends AutoCloseable> C client(String service, RegionId region, Function<Region, C> build) {
        return (C) made.computeIfAbsent(service + "@" + region, k -> build.apply(Region.of(region.name())));
    }

    private <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>> B configure(
            B builder, Region region) {
        builder.region(region).credentialsProvider(credentials).httpClient(http)
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(CALL_TIMEOUT)
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT).build());
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }

    @Override
    public void close() {
        for (AutoCloseable client : made.values()) {
            try {
                client.close();
            } catch (Exception ignored) {
                // closing is best effort
            }
        }
        http.close();
    }
}
