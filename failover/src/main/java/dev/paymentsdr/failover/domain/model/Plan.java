package dev.paymentsdr.failover.domain.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The ordered steps of one failover mode, checked against the transition table when built, so a plan
 * can never ask for a transition the state machine does not allow.
 */
public record Plan(FailoverMode mode, RegionId from, RegionId to, List<Step> steps) {
    private static final List<Step> UNPLANNED = List.of(Step.ASSESS, Step.GATE_LAG, Step.FENCE, Step.PROMOTE,
            Step.MAKE_READY, Step.SWITCH_TRAFFIC, Step.VALIDATE, Step.NOTIFY);
    private static final List<Step> PLANNED = List.of(Step.ASSESS, Step.FENCE, Step.CATCH_UP, Step.PROMOTE,
            Step.MAKE_READY, Step.SWITCH_TRAFFIC, Step.VALIDATE, Step.REJOIN_OLD_PRIMARY, Step.NOTIFY);
    private static final List<Step> FAILBACK = List.of(Step.ASSESS, Step.RESYNC_TARGET, Step.FENCE, Step.CATCH_UP,
            Step.PROMOTE, Step.MAKE_READY, Step.SWITCH_TRAFFIC, Step.VALIDATE, Step.REJOIN_OLD_PRIMARY, Step.NOTIFY);

    public Plan {
        if (from.equals(to)) {
            throw new IllegalArgumentException("cannot fail over from " + from + " to itself");
        }
        steps = List.copyOf(steps);
        ExecutionState state = ExecutionState.PENDING;
        for (Step step : steps) {
            state = TransitionTable.require(state, step).to();
        }
        if (state != ExecutionState.COMPLETED) {
            throw new IllegalArgumentException("a plan must end in COMPLETED, this one ends in " + state);
        }
    }

    /** The plan of a mode, moving the primary role from {@code from} to {@code to}. */
    public static Plan of(FailoverMode mode, RegionId from, RegionId to) {
        return new Plan(mode, from, to, switch (mode) {
            case UNPLANNED -> UNPLANNED;
            case PLANNED -> PLANNED;
            case FAILBACK -> FAILBACK;
        });
    }

    /** The state reached after the first {@code completedSteps} steps ran. */
    public ExecutionState stateAfter(int completedSteps) {
        ExecutionState state = ExecutionState.PENDING;
        for (Step step : steps.subList(0, completedSteps)) {
            state = TransitionTable.require(state, step).to();
        }
        return state;
    }

    /** Human-readable lines: one per step, numbered, for {@code --dry-run}. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(mode.title() + " from " + from + " to " + to + ":");
        for (int i = 0; i < steps.size(); i++) {
            lines.add("  " + (i + 1) + ". " + steps.get(i).label() + ": " + steps.get(i).description());
        }
        return lines;
    }
}
