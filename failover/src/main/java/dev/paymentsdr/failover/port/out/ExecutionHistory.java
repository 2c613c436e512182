package dev.paymentsdr.failover.port.out;

import dev.paymentsdr.failover.domain.model.ExecutionId;
import java.util.List;

/** Finds past executions (for {@code drctl history} and the monitor's metrics); reads only. */
public interface ExecutionHistory {
    /** The most executions one listing may ask for. */
    int MAX_LIMIT = 1000;

    /**
     * The ids of at most {@code limit} executions, the latest started first.
     *
     * @throws IllegalArgumentException when {@code limit} is outside 1..{@link #MAX_LIMIT}
     */
    List<ExecutionId> recent(int limit);

    /** Rejects a limit outside 1..{@link #MAX_LIMIT}, in words the caller can show. */
    static int checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return limit;
    }
}
