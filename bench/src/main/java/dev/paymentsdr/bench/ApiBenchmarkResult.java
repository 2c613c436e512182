package dev.paymentsdr.bench;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The figures of one benchmark run (every replication mode asked for), with the goals they are judged against. */
public record ApiBenchmarkResult(
        Instant finishedAt,
        int cores,
        String postgresVersion,
        int connections,
        int pgbenchClients,
        int poolSize,
        int roundsPerPhase,
        long secondsPerPhase,
        List<ModeResult> modes) {

    /** The goal from the issue: the service reaches at least half of pgbench's transactions per second. */
    public static final double RATIO_GOAL = 0.5;
    /** The goal from the issue: p99 at half of saturation, in milliseconds. */
    public static final double P99_GOAL_MS = 25.0;

    /** Every mode met both goals. */
    public boolean goalsMet() {
        return modes.stream().allMatch(m -> m.ratioGoalMet() && m.latencyGoalMet());
    }

    /** One row per replication mode (for the terminal, the results folder and the README). */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("| replication | service payments/s at saturation | pgbench tps, same SQL, same server | ratio (goal >= ")
                .append(RATIO_GOAL).append(") | half load: payments/s, p50 / p99 ms (goal p99 <= ").append(fmt(P99_GOAL_MS, 0))
                .append(" ms) | CPU µs per payment: service JVM / PostgreSQL | PostgreSQL CPU µs per pgbench transaction | load average |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (ModeResult m : modes) {
            md.append("| ").append(describe(m.mode()))
                    .append(" | ").append(m.saturation().format(0))
                    .append(" | ").append(m.pgbenchTps().format(0))
                    .append(" | ").append(m.ratio().format(2)).append(m.ratioGoalMet() ? " (met)" : " (NOT met)")
                    .append(" | ").append(fmt(m.halfLoadAchieved().median(), 0)).append(", ")
                    .append(m.halfLoadP50().format(1)).append(" / ").append(m.halfLoadP99().format(1))
                    .append(m.latencyGoalMet() ? " (met)" : " (NOT met)")
                    .append(" | ").append(m.serviceCpu().format(0)).append(" / ").append(m.databaseCpuPerPayment().format(0))
                    .append(" | ").append(m.databaseCpuPerPgbenchTransaction().format(0))
                    .append(" | ").append(m.loadAverage().format(1))
                    .append(" |\n");
        }
        md.append("\nEach cell: median (lowest-highest) of ").append(roundsPerPhase).append(" rounds of ")
                .append(secondsPerPhase).append(" s; every ratio divides a saturation phase by the pgbench phase right ")
                .append("after it. wrk ").append(connections).append(" connections, pgbench ").append(pgbenchClients)
                .append(" clients, service pool ").append(poolSize).append("; failed requests: ")
                .append(modes.stream().mapToLong(ModeResult::errors).sum()).append("; ").append(cores)
                .append(" cores, PostgreSQL ").append(postgresVersion).append(", finished ").append(finishedAt).append(".\n");
        return md.toString();
    }

    /** Every round of every mode, for the results folder. */
    public String detailsMarkdown() {
        StringBuilder md = new StringBuilder();
        for (ModeResult m : modes) {
            md.append("\n### ").append(describe(m.mode())).append("\n\n")
                    .append("| round | saturation payments/s | p50 / p99 ms | service CPU µs/payment (of it JIT) | ")
                    .append("PostgreSQL CPU µs/payment | outbox backlog, drained in | pgbench tps | PostgreSQL CPU µs/tx | ")
                    .append("ratio | load average (service / pgbench) |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
            for (int i = 0; i < m.rounds().size(); i++) {
                Round r = m.rounds().get(i);
                md.append("| ").append(i + 1)
                        .append(" | ").append(fmt(r.saturation().successesPerSecond(), 0))
                        .append(" | ").append(fmt(r.saturation().p50Ms(), 1)).append(" / ").append(fmt(r.saturation().p99Ms(), 1))
                        .append(" | ").append(micros(r.serviceCost().serviceMicros())).append(" (")
                        .append(micros(r.serviceCost().serviceJitMicros())).append(")")
                        .append(" | ").append(micros(r.serviceCost().databaseMicros()))
                        .append(" | ").append(r.outboxBacklog()).append(", ").append(fmt(r.outboxDrainSeconds(), 1)).append(" s")
                        .append(" | ").append(fmt(r.pgbench().tps(), 0))
                        .append(" | ").append(micros(r.pgbenchCost().databaseMicros()))
                        .append(" | ").append(fmt(r.ratio(), 2))
                        .append(" | ").append(fmt(r.serviceCost().loadAverage(), 1)).append(" / ")
                        .append(fmt(r.pgbenchCost().loadAverage(), 1)).append(" |\n");
            }
            md.append("\nHalf load, target ").append(fmt(m.halfLoadTargetPerSecond(), 0)).append(" payments/s:\n\n")
                    .append("| round | payments/s | p50 / p99 ms | service CPU µs/payment | load average |\n| --- | --- | --- | --- | --- |\n");
            for (int i = 0; i < m.halfLoad().size(); i++) {
                ModeResult.HalfLoadRound h = m.halfLoad().get(i);
                md.append("| ").append(i + 1).append(" | ").append(fmt(h.figures().successesPerSecond(), 0))
                        .append(" | ").append(fmt(h.figures().p50Ms(), 1)).append(" / ").append(fmt(h.figures().p99Ms(), 1))
                        .append(" | ").append(micros(h.cost().serviceMicros()))
                        .append(" | ").append(fmt(h.cost().loadAverage(), 1)).append(" |\n");
            }
            md.append("\nRows written by the service: ").append(m.rowsWritten()).append(".\n");
        }
        return md.toString();
    }

    static String describe(ReplicationMode mode) {
        return switch (mode) {
            case SYNC -> "sync standby";
            case ASYNC -> "async standby";
            case NONE -> "no standby";
        };
    }

    private static String micros(double value) {
        return value < 0 ? "n/a" : fmt(value, 0);
    }

    private static String fmt(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
