package dev.paymentsdr.bench;

import java.time.Instant;
import java.util.Locale;

/** The figures of one API benchmark run, with the goals they are judged against. */
public record ApiBenchmarkResult(
        Instant finishedAt,
        int cores,
        String postgresVersion,
        int connections,
        LoadFigures saturation,
        double halfLoadTargetPerSecond,
        LoadFigures halfLoad,
        PgbenchLoad.Figures pgbench,
        long rowsWritten) {

    /** The goal from the issue: the service reaches at least half of pgbench's transactions per second. */
    public static final double RATIO_GOAL = 0.5;
    /** The goal from the issue: p99 at half of saturation, in milliseconds. */
    public static final double P99_GOAL_MS = 25.0;

    /** Service payments/s at saturation divided by pgbench tps with the same SQL. */
    public double ratio() {
        return pgbench.tps() <= 0 ? 0 : saturation.successesPerSecond() / pgbench.tps();
    }

    public boolean ratioGoalMet() {
        return ratio() >= RATIO_GOAL;
    }

    public boolean latencyGoalMet() {
        return halfLoad.p99Ms() <= P99_GOAL_MS;
    }

    /** The figures as a short Markdown table (for the terminal, the results folder and the README). */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("| figure | value |\n| --- | --- |\n");
        row(md, "payments/s at saturation (" + connections + " connections)", fmt(saturation.successesPerSecond(), 0));
        row(md, "latency at saturation p50 / p99", fmt(saturation.p50Ms(), 1) + " ms / " + fmt(saturation.p99Ms(), 1) + " ms");
        row(md, "pgbench tps, same SQL, same server", fmt(pgbench.tps(), 0));
        row(md, "ratio service / pgbench (goal >= " + RATIO_GOAL + ")", fmt(ratio(), 2) + (ratioGoalMet() ? " (met)" : " (NOT met)"));
        row(md, "half load: target / achieved payments/s", fmt(halfLoadTargetPerSecond, 0) + " / " + fmt(halfLoad.successesPerSecond(), 0));
        row(md, "latency at half load p50 / p99 (goal p99 <= " + fmt(P99_GOAL_MS, 0) + " ms)",
                fmt(halfLoad.p50Ms(), 1) + " ms / " + fmt(halfLoad.p99Ms(), 1) + " ms" + (latencyGoalMet() ? " (met)" : " (NOT met)"));
        row(md, "failed requests (saturation + half load)", Long.toString(saturation.errors() + halfLoad.errors()));
        row(md, "machine", cores + " cores, PostgreSQL " + postgresVersion + ", finished " + finishedAt);
        return md.toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String fmt(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
