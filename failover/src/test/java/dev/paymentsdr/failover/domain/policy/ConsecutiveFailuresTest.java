package dev.paymentsdr.failover.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConsecutiveFailuresTest {
    @Test
    void itTripsOnTheThirdConsecutiveFailureOnly() {
        ConsecutiveFailures failures = new ConsecutiveFailures(3);
        assertThat(failures.record(false)).isFalse();
        assertThat(failures.record(false)).isFalse();
        assertThat(failures.record(false)).isTrue();
        assertThat(failures.record(false)).isFalse();
    }

    @Test
    void oneSuccessResetsTheCount() {
        ConsecutiveFailures failures = new ConsecutiveFailures(3);
        failures.record(false);
        failures.record(false);
        assertThat(failures.record(true)).isFalse();
        assertThat(failures.record(false)).isFalse();
        assertThat(failures.record(false)).isFalse();
        assertThat(failures.failures()).isEqualTo(2);
    }

    @Test
    void aThresholdOutsideOneToHundredIsRejected() {
        assertThatThrownBy(() -> new ConsecutiveFailures(0)).hasMessageContaining("1..100");
    }
}
