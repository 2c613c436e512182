package dev.paymentsdr.failover.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.failover.domain.model.ReplicationLag;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LagGateTest {
    private static Optional<ReplicationLag> lag(long millis, boolean synchronous) {
        return Optional.of(new ReplicationLag(Duration.ofMillis(millis), millis * 100, synchronous, true));
    }

    @Test
    void aStandbyWithinTheBoundIsPromoted() {
        LagGate.Decision decision = new LagGate(Duration.ofSeconds(5), false).evaluate(lag(5000, false));
        assertThat(decision.promote()).isTrue();
        assertThat(decision.mayLoseData()).isFalse();
    }

    @Test
    void aStandbyBeyondTheBoundIsRefusedWithTheWayOut() {
        LagGate.Decision decision = new LagGate(Duration.ofSeconds(5), false).evaluate(lag(5001, false));
        assertThat(decision.promote()).isFalse();
        assertThat(decision.reason()).contains("5001 ms").contains("the bound of 5000 ms").contains("allow data loss")
                .doesNotContain("--");
    }

    @Test
    void aSynchronousStandbyIsJudgedByItsMeasuredLagNotByItsMode() {
        assertThat(new LagGate(Duration.ofSeconds(1), false).evaluate(lag(3000, true)).promote()).isFalse();
    }

    @Test
    void allowingDataLossPromotesALaggingStandbyAndSaysWritesMayBeLost() {
        LagGate.Decision decision = new LagGate(Duration.ofSeconds(1), true).evaluate(lag(60_000, false));
        assertThat(decision.promote()).isTrue();
        assertThat(decision.mayLoseData()).isTrue();
        assertThat(decision.reason()).contains("may be lost");
    }

    @Test
    void anUnmeasurableLagIsRefusedUnlessDataLossIsAllowed() {
        assertThat(new LagGate(Duration.ofSeconds(5), false).evaluate(Optional.empty()).promote()).isFalse();
        assertThat(new LagGate(Duration.ofSeconds(5), true).evaluate(Optional.empty()).mayLoseData()).isTrue();
    }

    @Test
    void aZeroBoundAcceptsOnlyAStandbyThatReplayedEverything() {
        LagGate gate = new LagGate(Duration.ZERO, false);
        assertThat(gate.evaluate(Optional.of(ReplicationLag.none(true, false))).promote()).isTrue();
        assertThat(gate.evaluate(lag(1, true)).promote()).isFalse();
    }

    @Test
    void aNegativeBoundIsRejected() {
        assertThatThrownBy(() -> new LagGate(Duration.ofSeconds(-1), false)).hasMessageContaining("must not be negative");
    }
}
