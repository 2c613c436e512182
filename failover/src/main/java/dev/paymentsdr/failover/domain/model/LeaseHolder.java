package dev.paymentsdr.failover.domain.model;

import java.time.Instant;

/** Who holds the orchestrator lease: only this execution may act until it releases it or it expires. */
public record LeaseHolder(ExecutionId executionId, String owner, Instant expiresAt) {
    /** One line for "already running" messages. */
    public String describe() {
        return "execution " + executionId + " (owner " + owner + ", lease until " + expiresAt + ")";
    }
}
