package dev.paymentsdr.cli.failover;

import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.port.out.ExecutionLog;
import dev.paymentsdr.service.console.PhaseProgress;
import java.util.List;
import java.util.Optional;

/** Shows a running execution's steps as progress phases, each record once it is durable in the log. */
final class ProgressExecutionLog implements ExecutionLog {
    private final ExecutionLog delegate;
    private final PhaseProgress progress;

    ProgressExecutionLog(ExecutionLog delegate, PhaseProgress progress) {
        this.delegate = delegate;
        this.progress = progress;
    }

    @Override
    public void append(ExecutionRecord record) {
        delegate.append(record);
        switch (record.type()) {
            case EXECUTION_STARTED -> progress.note("execution " + record.executionId() + " started");
            case STEP_STARTED -> progress.start(record.step().label());
            case STEP_COMPLETED -> progress.done(record.detail());
            case STEP_FAILED -> progress.failed(record.detail());
            case EXECUTION_REFUSED -> progress.note("REFUSED: " + record.detail());
            case EXECUTION_COMPLETED -> progress.note("execution completed: " + record.detail());
        }
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
