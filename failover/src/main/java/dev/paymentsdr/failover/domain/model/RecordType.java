package dev.paymentsdr.failover.domain.model;

/** The kinds of lines in the execution log. */
public enum RecordType {
    EXECUTION_STARTED,
    STEP_STARTED,
    STEP_COMPLETED,
    STEP_FAILED,
    EXECUTION_REFUSED,
    EXECUTION_COMPLETED
}
