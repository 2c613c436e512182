package dev.paymentsdr.lab.drill;

import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.domain.model.RecordType;
import dev.paymentsdr.failover.port.out.ExecutionLog;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Passes records to the real execution log and marks the drill's timeline when key steps complete. */
final class TimelineLog implements ExecutionLog {
    private final ExecutionLog delegate;
    private final BiConsumer<String, String> mark;
    private final java.util.function.Consumer<String> say;
    private final boolean planned;

    /** @param planned a planned switchover: the start of its fence step is when writes stop (the "drain" event) */
    TimelineLog(ExecutionLog delegate, BiConsumer<String, String> mark, java.util.function.Consumer<String> say,
                boolean planned) {
        this.delegate = delegate;
        this.planned = planned;
        this.mark = mark;
        this.say = say;
    }

    @Override
    public void append(ExecutionRecord record) {
        delegate.append(record);
        if (record.type() != RecordType.STEP_STARTED) {
            say.accept(record.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (record.step() == null ? "" : " " + record.step().label()) + ": " + record.detail());
        } else if (planned && record.step() == dev.paymentsdr.failover.domain.model.Step.FENCE) {
            mark.accept("drain", "old primary stops taking writes");
        }
        if (record.type() == RecordType.STEP_COMPLETED) {
            switch (record.step()) {
                case FENCE -> mark.accept("fenced", record.detail());
                case PROMOTE -> mark.accept("promoted", record.detail());
                case SWITCH_TRAFFIC -> mark.accept("switched", record.detail());
                case VALIDATE -> mark.accept("validated", record.detail());
                default -> { }
            }
        } else if (record.type() == RecordType.EXECUTION_REFUSED) {
            mark.accept("refused", record.detail());
        } else if (record.type() == RecordType.STEP_FAILED) {
            mark.accept("failed", record.detail());
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
