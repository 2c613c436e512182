package dev.paymentsdr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsWriterTest {
    private static final ApiBenchmarkResult RESULT = new ApiBenchmarkResult(Instant.parse("2026-11-22T04:00:00Z"), 2, "15.18", 16,
            new LoadFigures(60_000, 0, 15.0, 3.1, 5.0, 9.8, 40.0), 2000,
            new LoadFigures(30_000, 0, 15.0, 1.9, 2.5, 6.2, 20.0),
            new PgbenchLoad.Figures(6000, 1.3, 0), 90_000);

    @TempDir
    Path dir;

    @Test
    void theRatioIsServiceThroughputOverPgbenchAndTheGoalsAreJudged() {
        assertThat(RESULT.ratio()).isCloseTo(4000.0 / 6000.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(RESULT.ratioGoalMet()).isTrue();
        assertThat(RESULT.latencyGoalMet()).isTrue();
        assertThat(RESULT.toMarkdown()).contains("| payments/s at saturation (16 connections) | 4000 |")
                .contains("0.67 (met)");
    }

    @Test
    void theReadmeFiguresAreReplacedBetweenTheMarkersOnly() throws Exception {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "intro\n" + ResultsWriter.README_START + "\nold figures\n" + ResultsWriter.README_END + "\noutro\n");

        boolean updated = new ResultsWriter().updateReadme(readme, RESULT, "./drctl bench");

        String text = Files.readString(readme);
        assertThat(updated).isTrue();
        assertThat(text).startsWith("intro\n").endsWith(ResultsWriter.README_END + "\noutro\n")
                .doesNotContain("old figures").contains("Latest figures, from `./drctl bench`");
    }

    @Test
    void aReadmeWithoutMarkersIsLeftAlone() throws Exception {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "no markers here\n");

        assertThat(new ResultsWriter().updateReadme(readme, RESULT, "./drctl bench")).isFalse();
        assertThat(Files.readString(readme)).isEqualTo("no markers here\n");
    }

    @Test
    void resultsAreWrittenAsJsonWithTheVerdicts() throws Exception {
        Path file = new ResultsWriter().write(RESULT, dir.resolve("results"));

        assertThat(file.getFileName().toString()).isEqualTo("api-20261122-040000.json");
        assertThat(Files.readString(file)).contains("\"ratioGoalMet\" : true").contains("\"tps\" : 6000.0");
        assertThat(dir.resolve("results/api-latest.md")).exists();
    }
}
