package dev.paymentsdr.aws.failover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AwsFailoverTimeoutsTest {
    @Test
    void theDefaultLeaseOutlivesEveryWaitOnAws_thePromotionIncluded() {
        AwsFailover.Timeouts defaults = AwsFailover.Timeouts.defaults();

        assertThat(defaults.orchestrator().leaseTtl()).isGreaterThan(defaults.promote())
                .isGreaterThan(defaults.routeSync()).isGreaterThan(defaults.orchestrator().rejoinTimeout());
    }
}
