package dev.paymentsdr.aws.failover.probe;

import dev.paymentsdr.failover.domain.model.RegionId;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * SigV4 for API Gateway ({@code execute-api}) with the SDK's own signer and the caller's credentials: an
 * IAM-authorized payments API takes the validation payment of a failover from the failover's own role.
 */
public final class ExecuteApiSigner {
    /** Headers the JDK's HTTP client sets itself (and refuses to be given); they are signed with the same values. */
    private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length", "connection");

    private final AwsCredentialsProvider credentials;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public ExecuteApiSigner(AwsCredentialsProvider credentials) {
        this.credentials = credentials;
    }

    /** The headers to add (Authorization, X-Amz-Date, the session token) to sign this request for {@code region}. */
    public Map<String, String> sign(String method, URI uri, Map<String, String> headers, String body, RegionId region) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.fromValue(method));
        headers.forEach(request::putHeader);
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveIdentity().join()).request(request.build())
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.name()));
        Map<String, String> added = new LinkedHashMap<>();
        signed.request().headers().forEach((name, values) -> {
            if (!SET_BY_CLIENT.contains(name.toLowerCase(Locale.ROOT)) && !headers.containsKey(name)) {
                added.put(name, String.join(",", values));
            }
        });
        return added;
    }
}
