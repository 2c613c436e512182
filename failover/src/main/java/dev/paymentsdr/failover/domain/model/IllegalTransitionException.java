package dev.paymentsdr.failover.domain.model;

import java.util.List;

/** A step was asked for in a state where the transition table does not allow it. */
public final class IllegalTransitionException extends RuntimeException {
    public IllegalTransitionException(ExecutionState from, Step step, List<Step> allowed) {
        super("step " + step.label() + " is not allowed in state " + from
                + (allowed.isEmpty() ? " (a final state)" : "; allowed: "
                + String.join(", ", allowed.stream().map(Step::label).toList())));
    }
}
