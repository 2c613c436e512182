package dev.paymentsdr.aws.lambda.failover.monitor;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one region's monitor remembers between its invocations (a minute apart, in any execution environment).
 *
 * @param activeRegion       the active region of the last check
 * @param failures           consecutive failed checks of that region
 * @param conditions         the alert conditions that held at the last check (an alert goes out when the set changes)
 * @param triggeredFor       the active region an automatic failover was started against, until it recovers or changes
 * @param triggeredExecution that failover's execution id
 * @param version            for conditional writes: two overlapping invocations never both win
 */
public record MonitorState(Optional<String> activeRegion, int failures, Set<String> conditions, Optional<String> triggeredFor,
                           Optional<String> triggeredExecution, long version) {
    public MonitorState {
        conditions = Set.copyOf(new TreeSet<>(conditions));
    }

    /** Before the first check. */
    public static MonitorState initial() {
        return new MonitorState(Optional.empty(), 0, Set.of(), Optional.empty(), Optional.empty(), 0);
    }
}
