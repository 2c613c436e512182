package dev.paymentsdr.failover.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PromotionTest {
    @Test
    void plannedMovesNeverAllowDataLoss_andAnUnplannedFailoverPastTheGateDoes() {
        assertThat(Promotion.of(FailoverMode.PLANNED)).isEqualTo(new Promotion(true, false));
        assertThat(Promotion.of(FailoverMode.FAILBACK)).isEqualTo(new Promotion(true, false));
        assertThat(Promotion.of(FailoverMode.UNPLANNED)).isEqualTo(new Promotion(false, true));
    }

    @Test
    void aPlannedPromotionThatAllowsDataLossIsRefused() {
        assertThatThrownBy(() -> new Promotion(true, true)).hasMessageContaining("never allows data loss");
    }
}
