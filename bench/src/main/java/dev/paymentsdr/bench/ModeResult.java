package dev.paymentsdr.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** The rounds of one replication mode: saturation and pgbench per round, then the half-load rounds. */
public record ModeResult(ReplicationMode mode, List<Round> rounds, double halfLoadTargetPerSecond,
                         List<HalfLoadRound> halfLoad, long rowsWritten) {

    /** One half-load round: the figures and their cost. */
    public record HalfLoadRound(LoadFigures figures, PhaseCost cost) {
    }

    public Spread saturation() {
        return over(rounds, r -> r.saturation().successesPerSecond());
    }

    public Spread saturationP99() {
        return over(rounds, r -> r.saturation().p99Ms());
    }

    public Spread pgbenchTps() {
        return over(rounds, r -> r.pgbench().tps());
    }

    /** The per-round ratios: each divides a saturation phase by the pgbench phase that ran right after it. */
    public Spread ratio() {
        return over(rounds, Round::ratio);
    }

    public Spread halfLoadAchieved() {
        return over(halfLoad, h -> h.figures().successesPerSecond());
    }

    public Spread halfLoadP50() {
        return over(halfLoad, h -> h.figures().p50Ms());
    }

    public Spread halfLoadP99() {
        return over(halfLoad, h -> h.figures().p99Ms());
    }

    public Spread serviceCpu() {
        return over(rounds, r -> r.serviceCost().serviceMicros());
    }

    public Spread serviceJitCpu() {
        return over(rounds, r -> r.serviceCost().serviceJitMicros());
    }

    public Spread databaseCpuPerPayment() {
        return over(rounds, r -> r.serviceCost().databaseMicros());
    }

    public Spread databaseCpuPerPgbenchTransaction() {
        return over(rounds, r -> r.pgbenchCost().databaseMicros());
    }

    public Spread loadAverage() {
        return over(rounds, r -> r.serviceCost().loadAverage());
    }

    /** Failed requests of every service phase. */
    public long errors() {
        return rounds.stream().mapToLong(r -> r.saturation().errors()).sum()
                + halfLoad.stream().mapToLong(h -> h.figures().errors()).sum();
    }

    public boolean ratioGoalMet() {
        return ratio().measured() && ratio().median() >= ApiBenchmarkResult.RATIO_GOAL;
    }

    public boolean latencyGoalMet() {
        return halfLoadP99().measured() && halfLoadP99().median() <= ApiBenchmarkResult.P99_GOAL_MS;
    }

    private static <T> Spread over(List<T> items, ToDoubleFunction<T> figure) {
        return Spread.of(items.stream().map(item -> figure.applyAsDouble(item)).toList());
    }
}
