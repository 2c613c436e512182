package dev.paymentsdr.payments.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {
    private static final AmountPolicy POLICY = new AmountPolicy(new BigDecimal("1000000"));
    private static final CurrencyCode USD = CurrencyCode.of("USD");

    private static RequestFingerprint of(String customer, String amount, String description, Map<String, String> metadata) {
        return RequestFingerprint.of(new CustomerId(customer), POLICY.parse(amount, USD),
                Optional.ofNullable(description).map(Description::new), Metadata.of(metadata));
    }

    @Test
    void theSameRequestSpelledDifferentlyHasTheSameFingerprint() {
        assertThat(of("c", "10.5", "d", Map.of("a", "1", "b", "2")))
                .isEqualTo(of("c", "10.50", "d", Map.of("b", "2", "a", "1")));
    }

    @Test
    void anyDifferenceInWhatWasAskedChangesTheFingerprint() {
        RequestFingerprint base = of("c", "10.50", "d", Map.of("a", "1"));

        assertThat(of("c2", "10.50", "d", Map.of("a", "1"))).isNotEqualTo(base);
        assertThat(of("c", "10.51", "d", Map.of("a", "1"))).isNotEqualTo(base);
        assertThat(RequestFingerprint.of(new CustomerId("c"), POLICY.parse("10.50", CurrencyCode.of("EUR")),
                Optional.of(new Description("d")), Metadata.of(Map.of("a", "1")))).isNotEqualTo(base);
        assertThat(of("c", "10.50", null, Map.of("a", "1"))).isNotEqualTo(base);
        assertThat(of("c", "10.50", "", Map.of("a", "1"))).isNotEqualTo(of("c", "10.50", null, Map.of("a", "1")));
        assertThat(of("c", "10.50", "d", Map.of("a", "2"))).isNotEqualTo(base);
        assertThat(of("c", "10.50", "d", Map.of())).isNotEqualTo(base);
    }

    @Test
    void fieldBoundariesCannotBeShiftedToForgeACollision() {
        // "ab"+"c" and "a"+"bc" must differ: fields are length-prefixed.
        assertThat(of("c", "1", "x", Map.of("ab", "c"))).isNotEqualTo(of("c", "1", "x", Map.of("a", "bc")));
    }

    @Test
    void theFingerprintIsASha256HexDigest() {
        assertThat(of("c", "1", null, Map.of()).sha256Hex()).matches("[0-9a-f]{64}");
    }
}
