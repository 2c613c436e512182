package dev.paymentsdr.cli.failover;

import dev.paymentsdr.failover.application.ExecutionSummaries;
import dev.paymentsdr.failover.application.FailoverRequests;
import dev.paymentsdr.failover.application.FailoverRuntime;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.port.out.ExecutionHistory;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the failover commands need of a target (the lab or AWS): its runtime and what only it can tell. */
interface FailoverTarget extends AutoCloseable {
    /** {@code lab} or {@code aws}. */
    String name();

    FailoverRuntime runtime();

    /** The target's own record of its primary, for when the global entry does not answer. */
    Optional<RegionId> recordedPrimary();

    /** Where the execution log is kept, for the operator. */
    String logLocation();

    /** Lines for a dry run: the resources acted on and how each region looks now; reads only. */
    List<String> describeNow(RegionId from, RegionId to);

    /** Target-specific status entries (nested maps print as sections). */
    Map<String, Object> status();

    /** The listing of past executions in the target's execution log. */
    ExecutionHistory history();

    /** Past and running executions as summaries, for history and metrics. */
    default ExecutionSummaries executions() {
        return new ExecutionSummaries(history(), runtime().ports().log(), runtime().ports().lease());
    }

    default FailoverRequests requests() {
        return new FailoverRequests(runtime().ports().traffic(), runtime().ports().log(), this::recordedPrimary,
                runtime().clock());
    }

    @Override
    default void close() {
    }
}
