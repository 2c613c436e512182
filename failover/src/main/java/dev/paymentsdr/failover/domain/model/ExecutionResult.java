package dev.paymentsdr.failover.domain.model;

import java.util.List;

/**
 * How a trigger ended: the final state, a message for the operator, and the records of the execution.
 *
 * @param executionId absent ({@code null}) only when the trigger was refused before an execution started
 */
public record ExecutionResult(ExecutionId executionId, ExecutionState state, Outcome outcome, String message,
                              List<ExecutionRecord> records) {
    /** Why the trigger returned. */
    public enum Outcome {
        /** Every step ran (or had already run). */
        COMPLETED,
        /** A gate said no (for example the lag gate); nothing was promoted. */
        REFUSED,
        /** A step failed; rerun with the same execution id to resume from it. */
        FAILED,
        /** Another execution holds the lease; this trigger did nothing. */
        BUSY,
        /** Another process was running this same execution; this trigger waited for it to finish. */
        JOINED,
        /** The trigger asked to stop after a step, and did; rerunning the execution continues with the next step. */
        PAUSED
    }

    public ExecutionResult {
        records = List.copyOf(records);
    }

    public boolean succeeded() {
        return state == ExecutionState.COMPLETED;
    }
}
