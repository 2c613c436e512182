package dev.paymentsdr.aws.failover.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.aws.failover.AwsFailoverException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * The few Global Accelerator operations the failover needs, over the AWS JSON 1.1 protocol with the SDK's HTTP
 * client and SigV4 signer: the SDK's {@code globalaccelerator} module is not served by the registries we build
 * from. The API lives in us-west-2 whatever the accelerator's regions; each call is bounded by the HTTP client's
 * connection and socket timeouts, and an error names the operation, the error type and AWS's message.
 */
public final class GlobalAcceleratorApi {
    /** Global Accelerator's API is served from this one region. */
    public static final String HOME_REGION = "us-west-2";
    static final String SIGNING_NAME = "globalaccelerator";
    private static final String TARGET_PREFIX = "GlobalAccelerator_V20180706.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final URI endpoint;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public GlobalAcceleratorApi(SdkHttpClient http, AwsCredentialsProvider credentials, URI endpoint) {
        this.http = http;
        this.credentials = credentials;
        this.endpoint = endpoint;
    }

    /**
     * The endpoint as the SDK's own clients find it: {@code AWS_ENDPOINT_URL_GLOBAL_ACCELERATOR}, then
     * {@code AWS_ENDPOINT_URL} (or the system properties {@code aws.endpointUrlGlobalAccelerator}, {@code aws.endpointUrl}),
     * unless {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS} is true; else the public endpoint in us-west-2.
     */
    public static URI endpointFrom(Function<String, String> environment, Function<String, String> properties) {
        URI standard = URI.create("https://globalaccelerator." + HOME_REGION + ".amazonaws.com");
        if ("true".equalsIgnoreCase(Optional.ofNullable(environment.apply("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")).orElse(""))) {
            return standard;
        }
        for (String value : new String[] {properties.apply("aws.endpointUrlGlobalAccelerator"),
                environment.apply("AWS_ENDPOINT_URL_GLOBAL_ACCELERATOR"), properties.apply("aws.endpointUrl"),
                environment.apply("AWS_ENDPOINT_URL")}) {
            if (value != null && !value.isBlank()) {
                URI uri = URI.create(value.strip());
                if (uri.getScheme() == null || uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                    throw new IllegalArgumentException("the Global Accelerator endpoint '" + value + "' is not an http(s) URL");
                }
                return uri;
            }
        }
        return standard;
    }

    /** The endpoint of this process's environment and system properties. */
    public static URI endpointFromEnvironment() {
        return endpointFrom(System::getenv, System::getProperty);
    }

    /** An endpoint group's region and traffic dial. */
    public record EndpointGroup(String arn, String region, double trafficDial) {
    }

    public EndpointGroup describeEndpointGroup(String arn) {
        return endpointGroup(call("DescribeEndpointGroup", Map.of("EndpointGroupArn", arn)));
    }

    /** Sets the group's traffic dial (0-100); returns the group as Global Accelerator now reports it. */
    public EndpointGroup updateTrafficDial(String arn, double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("a traffic dial is a percentage 0-100, got " + percent);
        }
        return endpointGroup(call("UpdateEndpointGroup", Map.of("EndpointGroupArn", arn, "TrafficDialPercentage", percent)));
    }

    /** The accelerator's Status: IN_PROGRESS while a change spreads, DEPLOYED after. */
    public String acceleratorStatus(String acceleratorArn) {
        return call("DescribeAccelerator", Map.of("AcceleratorArn", acceleratorArn)).path("Accelerator").path("Status").asText("");
    }

    private static EndpointGroup endpointGroup(JsonNode answer) {
        JsonNode group = answer.path("EndpointGroup");
        return new EndpointGroup(group.path("EndpointGroupArn").asText(), group.path("EndpointGroupRegion").asText(),
                group.path("TrafficDialPercentage").asDouble(100));
    }

    /** Calls {@code operation} with {@code input} (a JSON object); the answer's JSON, or an error naming the operation. */
    public JsonNode call(String operation, Map<String, ?> input) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(input);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the input of " + operation + " as JSON", e);
        }
        SdkHttpRequest request = SdkHttpRequest.builder().uri(endpoint.resolve("/")).method(SdkHttpMethod.POST)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", TARGET_PREFIX + operation)
                .build();
        SignedRequest signed;
        try {
            signed = signer.sign(r -> r.identity(credentials.resolveIdentity().join()).request(request)
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, HOME_REGION));
        } catch (RuntimeException e) {
            throw new AwsFailoverException("cannot sign the Global Accelerator " + operation + " request: no usable AWS "
                    + "credentials (" + e.getClass().getSimpleName() + ")", e);
        }
        int status;
        byte[] answer;
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null)).build()).call();
            status = response.httpResponse().statusCode();
            answer = response.responseBody().map(GlobalAcceleratorApi::readAll).orElse(new byte[0]);
        } catch (IOException | UncheckedIOException e) {
            throw new AwsFailoverException("Global Accelerator " + operation + " at " + endpoint + " did not answer: "
                    + e.getMessage(), e);
        }
        JsonNode json = parse(operation, answer);
        if (status / 100 != 2) {
            throw new AwsFailoverException("Global Accelerator " + operation + " failed: HTTP " + status + " "
                    + errorType(json) + ": " + json.path("message").asText(json.path("Message").asText("(no message)")));
        }
        return json;
    }

    private static JsonNode parse(String operation, byte[] answer) {
        if (answer.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(answer);
        } catch (IOException e) {
            throw new AwsFailoverException("Global Accelerator " + operation + " answered with something that is not JSON ("
                    + answer.length + " bytes)", e);
        }
    }

    /** The error's type without its namespace ({@code com.amazonaws...#ValidationException} reads ValidationException). */
    private static String errorType(JsonNode json) {
        String type = json.path("__type").asText("");
        String bare = type.substring(type.indexOf('#') + 1);
        return bare.isBlank() ? "UnknownError" : bare;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
