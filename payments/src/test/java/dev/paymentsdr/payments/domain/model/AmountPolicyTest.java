package dev.paymentsdr.payments.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AmountPolicyTest {
    private final AmountPolicy policy = new AmountPolicy(new BigDecimal("1000000"));

    @ParameterizedTest(name = "{0} {1} -> {2} minor units, shown as {3}")
    @CsvSource({
            "10.50, USD, 1050, 10.50",
            "10.5, USD, 1050, 10.50",
            "10, USD, 1000, 10.00",
            "0.01, USD, 1, 0.01",
            "1000, JPY, 1000, 1000",
            "1.25, KWD, 1250, 1.250",
            "0.001, KWD, 1, 0.001",
            "1000000, EUR, 100000000, 1000000.00",
    })
    void givenAnAmountWithinTheCurrencysDigits_thenItConvertsExactlyToMinorUnits(String text, String currency, long minor,
                                                                                  String shown) {
        Money money = policy.parse(text, CurrencyCode.of(currency));

        assertThat(money.amountMinor()).isEqualTo(minor);
        assertThat(money.toDecimalString()).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0} {1} is refused: {2}")
    @CsvSource(delimiter = '|', value = {
            "10.123|USD|USD amounts have at most 2 decimal places",
            "10.5|JPY|JPY amounts are whole numbers (no decimal places)",
            "1.0001|KWD|KWD amounts have at most 3 decimal places",
            "0|USD|amount must be greater than zero",
            "0.00|USD|amount must be greater than zero",
            "1000000.01|USD|amount must be at most 1000000 USD",
    })
    void givenAnAmountBreakingARule_thenTheMessageSaysWhichRule(String text, String currency, String message) {
        assertThatThrownBy(() -> policy.parse(text, CurrencyCode.of(currency)))
                .isInstanceOf(InvalidPaymentException.class)
                .hasMessage(message)
                .extracting(e -> ((InvalidPaymentException) e).field()).isEqualTo("amount");
    }

    @ParameterizedTest(name = "\"{0}\" is not amount text")
    @ValueSource(strings = {"-5", "+5", "1e3", " 5", "5 ", "1,50", ".5", "5.", "NaN", "0x10", "", "١٢"})
    void givenTextThatIsNotAPlainDecimal_thenItIsRefused(String text) {
        assertThatThrownBy(() -> policy.parse(text, CurrencyCode.of("USD")))
                .isInstanceOf(InvalidPaymentException.class)
                .hasMessageContaining("positive decimal");
    }

    @Test
    void aNegativeOrHugeJsonNumberIsRefusedWithoutOverflow() {
        CurrencyCode usd = CurrencyCode.of("USD");
        assertThatThrownBy(() -> policy.toMoney(new BigDecimal("-1"), usd)).hasMessageContaining("greater than zero");
        assertThatThrownBy(() -> policy.toMoney(new BigDecimal("1E+400"), usd)).hasMessageContaining("at most");
        assertThatThrownBy(() -> policy.toMoney(new BigDecimal("1E-400"), usd)).hasMessageContaining("decimal places");
        assertThat(policy.toMoney(new BigDecimal("1E+2"), usd).toDecimalString()).isEqualTo("100.00");
    }

    @Test
    void theConfiguredMaximumMustBePositiveAndFitTheLedger() {
        assertThatThrownBy(() -> new AmountPolicy(BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AmountPolicy(new BigDecimal("1000000000001"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new AmountPolicy(new BigDecimal("1000000000000")).toMoney(new BigDecimal("1000000000000.000"),
                CurrencyCode.of("KWD")).amountMinor()).isEqualTo(1_000_000_000_000_000L);
    }
}
