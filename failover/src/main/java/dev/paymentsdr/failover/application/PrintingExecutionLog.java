package dev.paymentsdr.failover.application;

import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.port.out.ExecutionLog;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Shows each execution record on the terminal as it is made durable, so the operator sees progress. */
public final class PrintingExecutionLog implements ExecutionLog {
    private final ExecutionLog delegate;
    private final PrintStream out;
    private final Instant start = Instant.now();

    public PrintingExecutionLog(ExecutionLog delegate, PrintStream out) {
        this.delegate = delegate;
        this.out = out;
    }

    @Override
    public void append(ExecutionRecord record) {
        delegate.append(record);
        out.println(format(record, start));
    }

    /** One terminal line: seconds since this log was opened, what happened, the detail. */
    public static String format(ExecutionRecord r, Instant start) {
        long ms = java.time.Duration.between(start, r.at()).toMillis();
        String what = switch (r.type()) {
            case EXECUTION_STARTED -> "started";
            case STEP_STARTED -> r.step().label() + " ...";
            case STEP_COMPLETED -> r.step().label() + " done";
            case STEP_FAILED -> r.step().label() + " FAILED";
            case EXECUTION_REFUSED -> "REFUSED";
            case EXECUTION_COMPLETED -> "completed";
        };
        return String.format("%7.3f s  %-22s %s", ms / 1000.0, what,
                r.type() == dev.paymentsdr.failover.domain.model.RecordType.STEP_STARTED ? "" : r.detail());
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
