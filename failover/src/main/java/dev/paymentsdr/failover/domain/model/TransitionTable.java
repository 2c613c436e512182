package dev.paymentsdr.failover.domain.model;

import static dev.paymentsdr.failover.domain.model.ExecutionState.ASSESSED;
import static dev.paymentsdr.failover.domain.model.ExecutionState.CAUGHT_UP;
import static dev.paymentsdr.failover.domain.model.ExecutionState.COMPLETED;
import static dev.paymentsdr.failover.domain.model.ExecutionState.FENCED;
import static dev.paymentsdr.failover.domain.model.ExecutionState.LAG_ACCEPTED;
import static dev.paymentsdr.failover.domain.model.ExecutionState.OLD_PRIMARY_REJOINED;
import static dev.paymentsdr.failover.domain.model.ExecutionState.PENDING;
import static dev.paymentsdr.failover.domain.model.ExecutionState.PROMOTED;
import static dev.paymentsdr.failover.domain.model.ExecutionState.TARGET_READY;
import static dev.paymentsdr.failover.domain.model.ExecutionState.TARGET_RESYNCED;
import static dev.paymentsdr.failover.domain.model.ExecutionState.TRAFFIC_SWITCHED;
import static dev.paymentsdr.failover.domain.model.ExecutionState.VALIDATED;

import java.util.List;
import java.util.Optional;

/**
 * The failover state machine as data: the only transitions an execution may take. A step that is not
 * in this table for the current state is refused before it can act.
 */
public final class TransitionTable {
    private static final List<Transition> ROWS = List.of(
            new Transition(PENDING, Step.ASSESS, ASSESSED),
            new Transition(ASSESSED, Step.GATE_LAG, LAG_ACCEPTED),
            new Transition(ASSESSED, Step.RESYNC_TARGET, TARGET_RESYNCED),
            new Transition(ASSESSED, Step.FENCE, FENCED),
            new Transition(LAG_ACCEPTED, Step.FENCE, FENCED),
            new Transition(TARGET_RESYNCED, Step.FENCE, FENCED),
            new Transition(FENCED, Step.CATCH_UP, CAUGHT_UP),
            new Transition(FENCED, Step.PROMOTE, PROMOTED),
            new Transition(CAUGHT_UP, Step.PROMOTE, PROMOTED),
            new Transition(PROMOTED, Step.MAKE_READY, TARGET_READY),
            new Transition(TARGET_READY, Step.SWITCH_TRAFFIC, TRAFFIC_SWITCHED),
            new Transition(TRAFFIC_SWITCHED, Step.VALIDATE, VALIDATED),
            new Transition(VALIDATED, Step.REJOIN_OLD_PRIMARY, OLD_PRIMARY_REJOINED),
            new Transition(VALIDATED, Step.NOTIFY, COMPLETED),
            new Transition(OLD_PRIMARY_REJOINED, Step.NOTIFY, COMPLETED));

    private TransitionTable() {
    }

    /** Every allowed transition, in plan order. */
    public static List<Transition> rows() {
        return ROWS;
    }

    /** The transition for running {@code step} in {@code from}, if the table allows it. */
    public static Optional<Transition> find(ExecutionState from, Step step) {
        return ROWS.stream().filter(t -> t.from() == from && t.step() == step).findFirst();
    }

    /** The transition, or an error naming the state and the steps that are allowed there. */
    public static Transition require(ExecutionState from, Step step) {
        return find(from, step).orElseThrow(() -> new IllegalTransitionException(from, step, allowedFrom(from)));
    }

    /** The steps the table allows in a state. */
    public static List<Step> allowedFrom(ExecutionState state) {
        return ROWS.stream().filter(t -> t.from() == state).map(Transition::step).toList();
    }
}
