package dev.paymentsdr.failover.port.in;

import dev.paymentsdr.failover.domain.model.ExecutionResult;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.Plan;

/** Starts (or resumes) a failover; the CLI and the monitor call it. */
public interface TriggerFailover {
    /**
     * Runs the request to its end. When another execution holds the lease, the trigger is refused
     * ({@code BUSY}) or, with {@code joinIfBusy}, waits for that execution and reports its result.
     */
    ExecutionResult run(FailoverRequest request, boolean joinIfBusy);

    /**
     * Runs an unplanned failover that a health monitor starts on its own evidence; {@code sourceDatabaseSilent} says
     * that the source's database did not answer the monitor's question either (a trigger may use it to wait less).
     */
    default ExecutionResult runOnMonitorEvidence(FailoverRequest request, boolean joinIfBusy, boolean sourceDatabaseSilent) {
        return run(request, joinIfBusy);
    }

    /** The steps the request would run, without acting. */
    Plan plan(FailoverRequest request);
}
