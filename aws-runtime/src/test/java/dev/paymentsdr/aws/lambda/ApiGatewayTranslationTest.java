package dev.paymentsdr.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.paymentsdr.service.adapter.in.api.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiGatewayTranslationTest {
    @Test
    void paymentPathsGainTheVersionPrefixAndHealthPathsDoNot() {
        assertThat(ApiGatewayTranslation.apiPath("/payments")).isEqualTo("/v1/payments");
        assertThat(ApiGatewayTranslation.apiPath("/payments/abc")).isEqualTo("/v1/payments/abc");
        assertThat(ApiGatewayTranslation.apiPath("/health/ready")).isEqualTo("/health/ready");
        assertThat(ApiGatewayTranslation.apiPath("/v1/payments")).isEqualTo("/v1/payments");
        assertThat(ApiGatewayTranslation.apiPath("/paymentsx")).isEqualTo("/paymentsx");
    }

    @Test
    void aRealEventBecomesAnApiRequestWithHeadersQueryAndTheGatewayRequestId() {
        ApiRequest request = ApiGatewayTranslation.toApiRequest(
                LambdaEvents.read("apigw-list-payments.json", APIGatewayProxyRequestEvent.class));

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/v1/payments");
        assertThat(request.queryParameters()).containsEntry("limit", List.of("10"));
        assertThat(request.header("user-agent")).isEqualTo("curl/8.5.0");
        assertThat(request.header("X-Request-Id")).isEqualTo("c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
        assertThat(request.body()).isEmpty();
    }

    @Test
    void aBase64BodyIsDecodedToItsBytes() {
        ApiRequest request = ApiGatewayTranslation.toApiRequest(
                LambdaEvents.read("apigw-create-payment-base64.json", APIGatewayProxyRequestEvent.class));

        assertThat(new String(request.body(), StandardCharsets.UTF_8)).contains("\"JPY\"").contains("cust_7");
    }
}
