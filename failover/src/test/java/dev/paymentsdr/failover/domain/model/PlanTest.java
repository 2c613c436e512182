package dev.paymentsdr.failover.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PlanTest {
    private static final RegionId A = RegionId.of("us-east-1");
    private static final RegionId B = RegionId.of("us-east-2");

    @ParameterizedTest
    @EnumSource(FailoverMode.class)
    void everyModesPlanWalksTheTableFromPendingToCompleted(FailoverMode mode) {
        Plan plan = Plan.of(mode, A, B);
        assertThat(plan.stateAfter(0)).isEqualTo(ExecutionState.PENDING);
        assertThat(plan.stateAfter(plan.steps().size())).isEqualTo(ExecutionState.COMPLETED);
        assertThat(plan.steps().get(0)).isEqualTo(Step.ASSESS);
    }

    @Test
    void anUnplannedFailoverGatesOnLagAndFencesBeforeItPromotes() {
        List<Step> steps = Plan.of(FailoverMode.UNPLANNED, A, B).steps();
        assertThat(steps).containsSubsequence(Step.GATE_LAG, Step.FENCE, Step.PROMOTE, Step.SWITCH_TRAFFIC,
                Step.VALIDATE, Step.NOTIFY);
        assertThat(steps).doesNotContain(Step.CATCH_UP, Step.REJOIN_OLD_PRIMARY);
    }

    @Test
    void aPlannedSwitchoverWaitsForZeroLagAndReattachesTheOldPrimary() {
        assertThat(Plan.of(FailoverMode.PLANNED, A, B).steps()).containsSubsequence(Step.FENCE, Step.CATCH_UP,
                Step.PROMOTE, Step.SWITCH_TRAFFIC, Step.REJOIN_OLD_PRIMARY).doesNotContain(Step.GATE_LAG);
    }

    @Test
    void aFailbackResyncsTheOldPrimaryBeforeTheSwitchoverBack() {
        assertThat(Plan.of(FailoverMode.FAILBACK, A, B).steps()).startsWith(Step.ASSESS, Step.RESYNC_TARGET, Step.FENCE);
    }

    @Test
    void aPlanThatPromotesBeforeFencingIsRejected() {
        assertThatThrownBy(() -> new Plan(FailoverMode.UNPLANNED, A, B, List.of(Step.ASSESS, Step.PROMOTE)))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aPlanThatStopsHalfwayIsRejected() {
        assertThatThrownBy(() -> new Plan(FailoverMode.UNPLANNED, A, B, List.of(Step.ASSESS, Step.FENCE)))
                .hasMessageContaining("must end in COMPLETED");
    }

    @Test
    void theDryRunDescriptionNumbersEveryStep() {
        List<String> lines = Plan.of(FailoverMode.UNPLANNED, A, B).describe();
        assertThat(lines.get(0)).isEqualTo("unplanned failover from us-east-1 to us-east-2:");
        assertThat(lines).hasSize(9).anyMatch(l -> l.startsWith("  4. promote: "));
    }

    @Test
    void badNamesAreRejectedWithWhatIsAccepted() {
        assertThatThrownBy(() -> RegionId.of("US East")).hasMessageContaining("a-z, 0-9 and '-'");
        assertThatThrownBy(() -> new ExecutionId("../etc")).hasMessageContaining("execution id must be");
        assertThatThrownBy(() -> Plan.of(FailoverMode.PLANNED, A, A)).hasMessageContaining("to itself");
    }
}
