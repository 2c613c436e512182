package dev.paymentsdr.failover.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One durable line of the execution log. The first record of an execution carries its request, so a
 * rerun with the same id can resume without the original command line.
 *
 * @param step    the step, absent for execution-level records
 * @param request present only on {@link RecordType#EXECUTION_STARTED}
 * @param detail  what happened, in words (never a secret)
 */
public record ExecutionRecord(ExecutionId executionId, Instant at, RecordType type, Step step,
                              FailoverRequest request, String detail) {
    public ExecutionRecord {
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        if (type == RecordType.EXECUTION_STARTED && request == null) {
            throw new IllegalArgumentException("an EXECUTION_STARTED record carries its request");
        }
        if ((type == RecordType.STEP_STARTED || type == RecordType.STEP_COMPLETED || type == RecordType.STEP_FAILED)
                && step == null) {
            throw new IllegalArgumentException("a " + type + " record names its step");
        }
        detail = detail == null ? "" : detail;
    }
}
