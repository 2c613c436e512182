package dev.paymentsdr.failover.application;

import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.domain.model.RecordType;
import dev.paymentsdr.failover.domain.model.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An execution log in memory that can "crash the process" at a chosen record, for resume tests. */
final class InMemoryExecutionLog implements dev.paymentsdr.failover.port.out.ExecutionLog {
    /** Stands for the death of the orchestrator process: not an exception the orchestrator may handle. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash(String where) {
            super("simulated crash " + where);
        }
    }

    final List<ExecutionRecord> records = new ArrayList<>();
    private RecordType crashType;
    private Step crashStep;

    /** The next append of this record type for this step crashes; STEP_STARTED is stored first, STEP_COMPLETED is not. */
    void crashAt(RecordType type, Step step) {
        this.crashType = type;
        this.crashStep = step;
    }

    @Override
    public void append(ExecutionRecord record) {
        boolean crash = record.type() == crashType && record.step() == crashStep;
        if (crash) {
            crashType = null;
            if (record.type() == RecordType.STEP_STARTED) {
                records.add(record);
            }
            throw new SimulatedCrash("at " + record.type() + " of " + record.step());
        }
        records.add(record);
    }

    @Override
    public List<ExecutionRecord> read(ExecutionId executionId) {
        return records.stream().filter(r -> r.executionId().equals(executionId)).toList();
    }

    @Override
    public Optional<ExecutionId> latest() {
        return records.stream().filter(r -> r.type() == RecordType.EXECUTION_STARTED)
                .map(ExecutionRecord::executionId).reduce((a, b) -> b);
    }
}
