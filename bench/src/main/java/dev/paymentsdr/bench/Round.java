package dev.paymentsdr.bench;

/**
 * One round of a replication mode: the service at saturation and pgbench right after it, so that both see the same
 * machine; between them the service's outbox relay catches up (its backlog and how long that took are recorded).
 */
public record Round(LoadFigures saturation, PhaseCost serviceCost, long outboxBacklog, double outboxDrainSeconds,
                    PgbenchLoad.Figures pgbench, PhaseCost pgbenchCost) {

    /** Service payments/s at saturation over pgbench transactions/s, both of this round. */
    public double ratio() {
        return pgbench.tps() <= 0 ? 0 : saturation.successesPerSecond() / pgbench.tps();
    }
}
