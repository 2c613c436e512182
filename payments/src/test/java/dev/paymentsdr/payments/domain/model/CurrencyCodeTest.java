package dev.paymentsdr.payments.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CurrencyCodeTest {

    @Test
    void knownCurrenciesCarryTheirIso4217MinorDigits() {
        assertThat(CurrencyCode.of("USD").minorDigits()).isEqualTo(2);
        assertThat(CurrencyCode.of("JPY").minorDigits()).isZero();
        assertThat(CurrencyCode.of("KWD").minorDigits()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"XXX", "XAU", "XDR", "ABC", "ZZZ"})
    void codesWithoutMinorUnitsOrUnknownCodesAreRefused(String code) {
        assertThatThrownBy(() -> CurrencyCode.of(code))
                .isInstanceOf(InvalidPaymentException.class)
                .hasMessageContaining("'" + code + "' is not an ISO 4217 currency with minor units");
    }

    @ParameterizedTest(name = "\"{0}\" is not a code")
    @ValueSource(strings = {"usd", "US", "USDD", "", "U$D"})
    void malformedCodesAreRefusedWithTheExpectedFormat(String code) {
        assertThatThrownBy(() -> CurrencyCode.of(code)).hasMessageContaining("upper-case three-letter ISO 4217 code");
    }
}
