package dev.paymentsdr.failover.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class TransitionTableTest {
    /** The specification, written out independently of the table: "FROM STEP TO". */
    private static final Set<String> LEGAL = Set.of(
            "PENDING ASSESS ASSESSED",
            "ASSESSED GATE_LAG LAG_ACCEPTED",
            "ASSESSED RESYNC_TARGET TARGET_RESYNCED",
            "ASSESSED FENCE FENCED",
            "LAG_ACCEPTED FENCE FENCED",
            "TARGET_RESYNCED FENCE FENCED",
            "FENCED CATCH_UP CAUGHT_UP",
            "FENCED PROMOTE PROMOTED",
            "CAUGHT_UP PROMOTE PROMOTED",
            "PROMOTED MAKE_READY TARGET_READY",
            "TARGET_READY SWITCH_TRAFFIC TRAFFIC_SWITCHED",
            "TRAFFIC_SWITCHED VALIDATE VALIDATED",
            "VALIDATED REJOIN_OLD_PRIMARY OLD_PRIMARY_REJOINED",
            "VALIDATED NOTIFY COMPLETED",
            "OLD_PRIMARY_REJOINED NOTIFY COMPLETED");

    static Stream<Arguments> everyStateAndStep() {
        List<Arguments> pairs = new ArrayList<>();
        for (ExecutionState state : ExecutionState.values()) {
            for (Step step : Step.values()) {
                pairs.add(Arguments.of(state, step));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStateAndStep")
    void everyPairIsLegalExactlyWhenTheSpecificationSaysSo(ExecutionState state, Step step) {
        List<String> legalTargets = LEGAL.stream().filter(row -> row.startsWith(state + " " + step + " "))
                .map(row -> row.split(" ")[2]).toList();
        if (legalTargets.isEmpty()) {
            assertThat(TransitionTable.find(state, step)).isEmpty();
            assertThatThrownBy(() -> TransitionTable.require(state, step))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining(step.label()).hasMessageContaining(state.name());
        } else {
            assertThat(TransitionTable.require(state, step).to().name()).isEqualTo(legalTargets.get(0));
        }
    }

    @Test
    void theTableHoldsExactlyTheSpecifiedRowsAndNoDuplicates() {
        Set<String> rows = TransitionTable.rows().stream().map(t -> t.from() + " " + t.step() + " " + t.to())
                .collect(Collectors.toSet());
        assertThat(rows).isEqualTo(LEGAL);
        assertThat(TransitionTable.rows()).hasSameSizeAs(LEGAL);
    }

    @ParameterizedTest
    @EnumSource(value = ExecutionState.class, names = {"COMPLETED", "REFUSED"})
    void finalStatesAllowNoStepAndSayWhy(ExecutionState state) {
        assertThat(state.isTerminal()).isTrue();
        assertThat(TransitionTable.allowedFrom(state)).isEmpty();
        assertThatThrownBy(() -> TransitionTable.require(state, Step.ASSESS)).hasMessageContaining("final state");
    }

    @Test
    void anIllegalStepNamesTheStepsThatAreAllowed() {
        assertThatThrownBy(() -> TransitionTable.require(ExecutionState.ASSESSED, Step.PROMOTE))
                .hasMessage("step promote is not allowed in state ASSESSED; allowed: gate-lag, resync-target, fence");
    }
}
