package dev.paymentsdr.failover.domain.model;

/**
 * Where an execution stands. States do nothing by themselves: every side effect belongs to a
 * transition in {@link TransitionTable} (pg_auto_failover's rule).
 */
public enum ExecutionState {
    PENDING,
    ASSESSED,
    LAG_ACCEPTED,
    TARGET_RESYNCED,
    FENCED,
    CAUGHT_UP,
    PROMOTED,
    TARGET_READY,
    TRAFFIC_SWITCHED,
    VALIDATED,
    OLD_PRIMARY_REJOINED,
    COMPLETED,
    REFUSED,
    FAILED;

    /** True when no further step may run: the execution finished, successfully or by refusal. */
    public boolean isTerminal() {
        return this == COMPLETED || this == REFUSED;
    }
}
