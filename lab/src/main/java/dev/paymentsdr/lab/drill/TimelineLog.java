package dev.paymentsdr.lab.drill;

import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.RecordType;
import dev.paymentsdr.failover.domain.model.Step;
import dev.paymentsdr.failover.port.out.ExecutionLog;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Passes records to the real execution log, shows them on the terminal and marks the drill's timeline
 * when key steps complete (events of a failback are prefixed {@code failback}).
 */
final class TimelineLog implements ExecutionLog {
    private final ExecutionLog delegate;
    private final BiConsumer<String, String> mark;
    private final Consumer<String> say;
    private volatile FailoverMode mode = FailoverMode.UNPLANNED;
    /** Every execution that wrote through this log, first seen first: the drill reads their step times back. */
    private final Set<ExecutionId> executions = Collections.synchronizedSet(new LinkedHashSet<>());

    TimelineLog(ExecutionLog delegate, BiConsumer<String, String> mark, Consumer<String> say) {
        this.delegate = delegate;
        this.mark = mark;
        this.say = say;
    }

    @Override
    public void append(ExecutionRecord record) {
        delegate.append(record);
        executions.add(record.executionId());
        if (record.type() == RecordType.EXECUTION_STARTED) {
            mode = record.request().mode();
            mark.accept((mode == FailoverMode.FAILBACK ? "failback " : "") + "started", record.detail());
        }
        if (record.type() != RecordType.STEP_STARTED) {
            say.accept(record.type().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (record.step() == null ? "" : " " + record.step().label()) + ": " + record.detail());
        }
        String prefix = mode == FailoverMode.FAILBACK ? "failback " : "";
        if (record.type() == RecordType.STEP_STARTED && record.step() == Step.FENCE && mode != FailoverMode.UNPLANNED) {
            // a switchover keeps taking writes until here: its outage starts now
            mark.accept(prefix + "drain", "the old primary stops taking writes");
        }
        if (record.type() == RecordType.STEP_COMPLETED) {
            switch (record.step()) {
                case ASSESS -> mark.accept(prefix + "assessed", record.detail());
                case GATE_LAG -> mark.accept(prefix + "lag gated", record.detail());
                case FENCE -> mark.accept(prefix + "fenced", record.detail());
                case PROMOTE -> mark.accept(prefix + "promoted", record.detail());
                case SWITCH_TRAFFIC -> mark.accept(prefix + "switched", record.detail());
                case VALIDATE -> mark.accept(prefix + "validated", record.detail());
                default -> { }
            }
        } else if (record.type() == RecordType.EXECUTION_REFUSED) {
            mark.accept("refused", record.detail());
        } else if (record.type() == RecordType.STEP_FAILED) {
            mark.accept("failed", record.detail());
        }
    }

    /** The executions that wrote through this log, in the order they first did. */
    List<ExecutionId> executions() {
        synchronized (executions) {
            return List.copyOf(executions);
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
