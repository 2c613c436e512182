package dev.paymentsdr.failover.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.port.out.Traffic;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Traffic} adapter promises, HAProxy or Route 53: the active region is read back from the
 * global entry itself, blocking a region takes it out of selection, and routing is idempotent. Subclasses
 * start each test with {@link #first()} active and {@link #second()} as its backup.
 */
public abstract class TrafficContract {
    protected abstract Traffic traffic();

    protected abstract RegionId first();

    protected abstract RegionId second();

    @Test
    void givenTheInitialRouting_thenBothRegionsAreKnown_andTheFirstIsActive() {
        assertThat(traffic().regions()).containsExactly(first(), second());
        assertThat(traffic().activeRegion()).contains(first());
    }

    @Test
    void givenTheActiveRegion_whenBlocked_thenItIsNoLongerSelected() {
        traffic().block(first());

        assertThat(traffic().activeRegion()).isNotEqualTo(java.util.Optional.of(first()));
    }

    @Test
    void whenRoutingToTheSecondRegionTwice_thenItIsActive_andTheFirstStaysBlocked() {
        traffic().block(first());
        traffic().routeTo(second(), first());
        String again = traffic().routeTo(second(), first());

        assertThat(again).isNotBlank();
        assertThat(traffic().activeRegion()).contains(second());
    }
}
