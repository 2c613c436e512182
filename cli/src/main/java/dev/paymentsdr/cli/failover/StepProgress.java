package dev.paymentsdr.cli.failover;

import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.service.console.PhaseProgress;
import java.util.function.Consumer;

/** Shows a running execution's steps as progress phases, from each record once it is durable in the log. */
final class StepProgress implements Consumer<ExecutionRecord> {
    private final PhaseProgress progress;

    StepProgress(PhaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void accept(ExecutionRecord record) {
        switch (record.type()) {
            case EXECUTION_STARTED -> progress.note("execution " + record.executionId() + " started");
            case STEP_STARTED -> progress.start(record.step().label());
            case STEP_COMPLETED -> progress.done(record.detail());
            case STEP_FAILED -> progress.failed(record.detail());
            case EXECUTION_REFUSED -> progress.note("REFUSED: " + record.detail());
            case EXECUTION_COMPLETED -> progress.note("execution completed");
        }
    }
}
