package dev.paymentsdr.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.aws.lambda.ApiKeyAuthenticator.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The key secret's format and the decisions, without AWS (the secret's value is handed in as text). */
class ApiKeyAuthenticatorTest {
    private static final String KEY = "test-only-key-0123456789abcdefghijk";

    private static ApiKeyAuthenticator over(String secretValue) {
        return new ApiKeyAuthenticator("arn:aws:secretsmanager:us-east-1:123456789012:secret:keys-AbCdEf", () -> secretValue);
    }

    @Test
    void givenAKnownKey_thenItIsAcceptedWithItsId_andAnyOtherIsUnknown() {
        ApiKeyAuthenticator auth = over("{\"client-a\":\"" + KEY + "\"}");

        assertThat(auth.check(KEY).outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(auth.check(KEY).keyId()).contains("client-a");
        assertThat(auth.check(KEY + "x").outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(auth.check(KEY.substring(1)).outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(auth.check(null).outcome()).isEqualTo(Outcome.MISSING);
        assertThat(auth.check(" ").outcome()).isEqualTo(Outcome.MISSING);
    }

    @Test
    void givenAMalformedSecret_thenTheErrorNamesTheIdsAtFaultButNeverAValue() {
        ApiKeyAuthenticator auth = over("{}");

        assertThatThrownBy(() -> auth.parse("{\"client-a\":\"short-secret-value\",\"client-b\":\"" + KEY + "\"}"))
                .hasMessageContaining("client-a").hasMessageNotContaining("short-secret-value").hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> auth.parse("{\"client-a\": 12345678901234567890123456789012345}"))
                .hasMessageContaining("client-a (not a string");
        assertThatThrownBy(() -> auth.parse("not json " + KEY)).hasMessageContaining("not JSON").hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> auth.parse("[\"" + KEY + "\"]")).hasMessageContaining("non-empty JSON object");
        assertThatThrownBy(() -> auth.parse("{\"" + KEY + " \":\"" + KEY + "\"}")).hasMessageNotContaining(KEY);
        assertThat(auth.check(KEY).outcome()).isEqualTo(Outcome.UNAVAILABLE);
    }

    @Test
    void givenAnUnreadableSecret_thenEveryKeyIsRefused() {
        ApiKeyAuthenticator auth = new ApiKeyAuthenticator("keys", () -> {
            throw new IllegalArgumentException("access denied for " + KEY);
        });

        assertThat(auth.check(KEY).outcome()).isEqualTo(Outcome.UNAVAILABLE);
    }

    @Test
    void theSecretVariableTakesAnArnOrAName_andRefusesAnythingElse() {
        assertThat(ApiKeyAuthenticator.secretId(Map.of())).isEmpty();
        assertThat(ApiKeyAuthenticator.secretId(Map.of("PAYMENTS_API_KEYS_SECRET_ARN",
                "arn:aws:secretsmanager:us-east-2:123456789012:secret:payments-dr/dev/api-keys"))).isPresent();
        assertThatThrownBy(() -> ApiKeyAuthenticator.secretId(Map.of("PAYMENTS_API_KEYS_SECRET_ARN", "not a secret; rm")))
                .hasMessageContaining("PAYMENTS_API_KEYS_SECRET_ARN is not a Secrets Manager secret ARN or name");
    }
}
