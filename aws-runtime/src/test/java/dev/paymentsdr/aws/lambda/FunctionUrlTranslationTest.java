package dev.paymentsdr.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionUrlTranslationTest {
    @Test
    void theRootIsThePaymentsCollectionAndOtherPathsFollowTheRestApi() {
        assertThat(FunctionUrlTranslation.apiPath("/")).isEqualTo("/v1/payments");
        assertThat(FunctionUrlTranslation.apiPath(null)).isEqualTo("/v1/payments");
        assertThat(FunctionUrlTranslation.apiPath("/payments/abc")).isEqualTo("/v1/payments/abc");
        assertThat(FunctionUrlTranslation.apiPath("/v1/payments")).isEqualTo("/v1/payments");
        assertThat(FunctionUrlTranslation.apiPath("/health/ready")).isEqualTo("/health/ready");
    }

    @Test
    void theRawQueryStringKeepsRepeatedNamesApartAndDecodesValues() {
        assertThat(FunctionUrlTranslation.queryParameters("customerId=a%2Db&limit=1&limit=2&flag"))
                .containsEntry("customerId", List.of("a-b"))
                .containsEntry("limit", List.of("1", "2"))
                .containsEntry("flag", List.of(""));
        assertThat(FunctionUrlTranslation.queryParameters("cursor=%zz")).containsEntry("cursor", List.of("%zz"));
        assertThat(FunctionUrlTranslation.queryParameters(null)).isEmpty();
    }
}
