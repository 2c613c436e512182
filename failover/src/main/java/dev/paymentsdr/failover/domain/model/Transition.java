package dev.paymentsdr.failover.domain.model;

/** One row of the transition table: running {@code step} in state {@code from} leads to {@code to}. */
public record Transition(ExecutionState from, Step step, ExecutionState to) {
}
