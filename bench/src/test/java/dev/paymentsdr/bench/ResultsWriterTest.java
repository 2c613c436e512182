package dev.paymentsdr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsWriterTest {
    private static final PhaseCost COST = new PhaseCost(150, 10, 90, 3.5);
    private static final PhaseCost PGBENCH_COST = new PhaseCost(0, 0, 140, 3.0);

    private static Round round(double servicePerSecond, double pgbenchTps) {
        return new Round(new LoadFigures((long) (servicePerSecond * 15), 0, 15.0, 3.1, 5.0, 9.8, 40.0), COST, 1000, 2.5,
                new PgbenchLoad.Figures(pgbenchTps, 1.3, 0, (long) (pgbenchTps * 15)), PGBENCH_COST);
    }

    private static ModeResult mode(ReplicationMode mode, double... servicePerSecondThenPgbench) {
        List<Round> rounds = List.of(round(servicePerSecondThenPgbench[0], servicePerSecondThenPgbench[1]),
                round(servicePerSecondThenPgbench[2], servicePerSecondThenPgbench[3]),
                round(servicePerSecondThenPgbench[4], servicePerSecondThenPgbench[5]));
        List<ModeResult.HalfLoadRound> half = List.of(
                new ModeResult.HalfLoadRound(new LoadFigures(30_000, 0, 15.0, 1.9, 2.5, 6.2, 20.0), COST),
                new ModeResult.HalfLoadRound(new LoadFigures(30_000, 0, 15.0, 1.8, 2.5, 30.0, 40.0), COST),
                new ModeResult.HalfLoadRound(new LoadFigures(30_000, 0, 15.0, 2.0, 2.5, 7.0, 20.0), COST));
        return new ModeResult(mode, rounds, 2000, half, 90_000);
    }

    private static final ApiBenchmarkResult RESULT = new ApiBenchmarkResult(Instant.parse("2026-11-22T04:00:00Z"), 2,
            "15.18", 16, 8, 12, 3, 15, List.of(
                    mode(ReplicationMode.SYNC, 3000, 4000, 2000, 5000, 2600, 4000),
                    mode(ReplicationMode.NONE, 2000, 6000, 2000, 5000, 3000, 9000)));

    @TempDir
    Path dir;

    @Test
    void theRatioIsTheMedianOfEachRoundsServiceOverPgbenchAndTheGoalsAreJudged() {
        ModeResult sync = RESULT.modes().get(0);

        assertThat(sync.ratio().median()).isCloseTo(0.65, Offset.offset(1e-9));
        assertThat(sync.ratio().min()).isCloseTo(0.4, Offset.offset(1e-9));
        assertThat(sync.ratio().max()).isCloseTo(0.75, Offset.offset(1e-9));
        assertThat(sync.ratioGoalMet()).isTrue();
        assertThat(sync.halfLoadP99().median()).isEqualTo(7.0);
        assertThat(sync.latencyGoalMet()).isTrue();
        assertThat(RESULT.modes().get(1).ratio().median()).isCloseTo(0.3333, Offset.offset(1e-3));
        assertThat(RESULT.modes().get(1).ratioGoalMet()).isFalse();
        assertThat(RESULT.goalsMet()).isFalse();
    }

    @Test
    void theTableHasOneRowPerModeWithMedianAndRange() {
        String md = RESULT.toMarkdown();

        assertThat(md).contains("| sync standby | 2600 (2000-3000) | 4000 (4000-5000) | 0.65 (0.40-0.75) (met) | 2000, 1.9 (1.8-2.0) / 7.0 (6.2-30.0) (met) | 150 (150-150) / 90 (90-90) | 140 (140-140) | 3.5 (3.5-3.5) |")
                .contains("| no standby |").contains("(NOT met)").contains("median (lowest-highest) of 3 rounds of 15 s");
        assertThat(RESULT.detailsMarkdown()).contains("### sync standby").contains("| 1 | 3000 | 3.1 / 9.8 | 150 (10) | 90 | 1000, 2.5 s | 4000 | 140 | 0.75 | 3.5 / 3.0 |");
    }

    @Test
    void aSpreadLeavesOutWhatWasNotMeasured() {
        assertThat(Spread.of(List.of(-1.0, -1.0)).format(0)).isEqualTo("n/a");
        assertThat(Spread.of(List.of(5.0)).format(1)).isEqualTo("5.0");
        assertThat(Spread.of(List.of(4.0, -1.0, 2.0)).median()).isEqualTo(3.0);
    }

    @Test
    void replicationModesAreReadAsAListAndBadOnesAreRefusedByName() {
        assertThat(ReplicationMode.parseList("sync")).containsExactly(ReplicationMode.SYNC);
        assertThat(ReplicationMode.parseList("none, SYNC")).containsExactly(ReplicationMode.NONE, ReplicationMode.SYNC);
        assertThatThrownBy(() -> ReplicationMode.parseList("sync,quorum")).hasMessageContaining("'quorum'")
                .hasMessageContaining("sync, async, none");
        assertThatThrownBy(() -> ReplicationMode.parseList("sync,sync")).hasMessageContaining("twice");
    }

    @Test
    void theReadmeFiguresAreReplacedBetweenTheMarkersOnly() throws Exception {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "intro\n" + ResultsWriter.README_START + "\nold figures\n" + ResultsWriter.README_END + "\noutro\n");

        boolean updated = new ResultsWriter().updateReadme(readme, RESULT, "./drctl bench");

        String text = Files.readString(readme);
        assertThat(updated).isTrue();
        assertThat(text).startsWith("intro\n").endsWith(ResultsWriter.README_END + "\noutro\n")
                .doesNotContain("old figures").contains("Latest figures, from `./drctl bench`").contains("| sync standby |");
    }

    @Test
    void aReadmeWithoutMarkersIsLeftAlone() throws Exception {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "no markers here\n");

        assertThat(new ResultsWriter().updateReadme(readme, RESULT, "./drctl bench")).isFalse();
        assertThat(Files.readString(readme)).isEqualTo("no markers here\n");
    }

    @Test
    void resultsAreWrittenAsJsonWithTheVerdictsAndEveryRound() throws Exception {
        Path file = new ResultsWriter().write(RESULT, dir.resolve("results"));

        assertThat(file.getFileName().toString()).isEqualTo("api-20261122-040000.json");
        assertThat(Files.readString(file)).contains("\"ratioGoalMet\" : true").contains("\"replication\" : \"sync\"")
                .contains("\"tps\" : 4000.0");
        assertThat(Files.readString(dir.resolve("results/api-latest.md"))).contains("## Every round").contains("### no standby");
    }
}
