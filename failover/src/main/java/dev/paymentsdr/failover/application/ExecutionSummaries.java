package dev.paymentsdr.failover.application;

import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.domain.model.LeaseHolder;
import dev.paymentsdr.failover.port.out.ExecutionHistory;
import dev.paymentsdr.failover.port.out.ExecutionLog;
import dev.paymentsdr.failover.port.out.Lease;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Past and running executions as summaries, read from a target's execution log, history and lease; reads only. */
public final class ExecutionSummaries {
    private final ExecutionHistory history;
    private final ExecutionLog log;
    private final Lease lease;

    public ExecutionSummaries(ExecutionHistory history, ExecutionLog log, Lease lease) {
        this.history = Objects.requireNonNull(history, "history");
        this.log = Objects.requireNonNull(log, "log");
        this.lease = Objects.requireNonNull(lease, "lease");
    }

    /** At most {@code limit} executions, the latest started first; the limit must be 1..1000. */
    public List<ExecutionSummary> recent(int limit) {
        Optional<ExecutionId> running = running();
        return history.recent(limit).stream().map(id -> summary(id, running)).flatMap(Optional::stream).toList();
    }

    /** One execution, if the log has it. */
    public Optional<ExecutionSummary> find(ExecutionId id) {
        return summary(id, running());
    }

    /** The execution that started last, if any. */
    public Optional<ExecutionSummary> latest() {
        return recent(1).stream().findFirst();
    }

    private Optional<ExecutionSummary> summary(ExecutionId id, Optional<ExecutionId> running) {
        List<ExecutionRecord> records = log.read(id);
        return records.isEmpty() ? Optional.empty()
                : Optional.of(ExecutionSummary.of(records, running.filter(id::equals).isPresent()));
    }

    private Optional<ExecutionId> running() {
        return lease.holder().map(LeaseHolder::executionId);
    }
}
