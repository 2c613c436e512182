package dev.paymentsdr.failover.application;

import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.port.out.ExecutionLog;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** An execution log that hands each record to an observer once it is durable (progress, timelines); reads pass through. */
public final class ObservedExecutionLog implements ExecutionLog {
    private final ExecutionLog delegate;
    private final Consumer<ExecutionRecord> afterAppend;

    public ObservedExecutionLog(ExecutionLog delegate, Consumer<ExecutionRecord> afterAppend) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.afterAppend = Objects.requireNonNull(afterAppend, "afterAppend");
    }

    @Override
    public void append(ExecutionRecord record) {
        delegate.append(record);
        afterAppend.accept(record);
    }

    @Override
    public List<ExecutionRecord> read(ExecutionId executionId) {
        return delegate.read(executionId);
    }

    @Override
    public Optional<ExecutionId> latest() {
        return delegate.latest();
    }
}
