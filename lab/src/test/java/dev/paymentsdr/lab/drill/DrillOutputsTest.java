package dev.paymentsdr.lab.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.lab.ReplicationMode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DrillOutputsTest {
    private static final Instant START = Instant.parse("2026-12-01T17:45:54.321Z");

    @TempDir
    Path dir;

    private static DrillReport report() {
        RunResult run = RunResult.measure(1, List.of(), List.of(new TimelineEvent("fault", 1000, "kill")), java.util.Set.of(),
                "COMPLETED");
        return new DrillReport(DrillSettings.of(Scenario.DB_HANG, 1, 200, ReplicationMode.SYNC), START,
                "drctl drill --scenario db-hang", List.of(run));
    }

    @Test
    void givenNoFlags_thenBothFilesGoIntoAFolderNamedAfterTheScenarioAndTheUtcStartAndASecondDrillGetsItsOwn()
            throws Exception {
        DrillOutputs outputs = DrillOutputs.resolve(dir.resolve("results"), null, null, Scenario.DB_HANG, START);
        assertThat(Files.exists(dir.resolve("results"))).as("nothing is created before the drill ran").isFalse();

        DrillOutputs.Written first = outputs.write(report());
        DrillOutputs.Written second = outputs.write(report());

        assertThat(first.folder()).isEqualTo(dir.resolve("results/db-hang-20261201T174554Z"));
        assertThat(second.folder()).isEqualTo(dir.resolve("results/db-hang-20261201T174554Z-2"));
        assertThat(first.json()).isEqualTo(first.folder().resolve("drill.json"));
        assertThat(new ObjectMapper().readTree(first.json().toFile()).get("scenario").asText()).isEqualTo("db-hang");
        assertThat(Files.readString(first.report())).startsWith("<!DOCTYPE html>");
    }

    @Test
    void givenTheDefault_thenTheFolderIsUnderDrillResultsInTheCurrentDirectory() {
        DrillOutputs outputs = DrillOutputs.resolve(null, null, null, Scenario.REGION_OUTAGE, START);
        assertThat(outputs.folder()).isEqualTo(Path.of("drill-results", "region-outage-20261201T174554Z").toAbsolutePath());
    }

    @Test
    void givenJsonAndReportFlags_thenTheFilesGoThereAndNoFolderIsMade() throws Exception {
        DrillOutputs.Written written = DrillOutputs.resolve(dir.resolve("unused"), dir.resolve("a/d.json"),
                dir.resolve("b/r.html"), Scenario.DB_HANG, START).write(report());
        assertThat(written.folder()).isNull();
        assertThat(written.json()).isRegularFile();
        assertThat(written.report()).isRegularFile();
        assertThat(Files.exists(dir.resolve("unused"))).isFalse();

        // only --json: the report still goes into the drill's folder
        DrillOutputs.Written one = DrillOutputs.resolve(dir.resolve("results"), dir.resolve("only.json"), null,
                Scenario.DB_HANG, START).write(report());
        assertThat(one.report()).isEqualTo(dir.resolve("results/db-hang-20261201T174554Z/report.html")).isRegularFile();
        try (Stream<Path> files = Files.list(one.folder())) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("report.html");
        }
    }

    @Test
    void givenBadLocations_thenEachIsRefusedWithWhatWasWrongAndNothingIsCreated() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        assertThatThrownBy(() -> DrillOutputs.resolve(file, null, null, Scenario.DB_HANG, START))
                .hasMessageContaining("--results-dir must be a directory (or not exist yet), " + file + " is a file");
        assertThatThrownBy(() -> DrillOutputs.resolve(file.resolve("below"), null, null, Scenario.DB_HANG, START))
                .hasMessageContaining("--results-dir: cannot create " + file.resolve("below") + ", " + file + " is a file");
        assertThatThrownBy(() -> DrillOutputs.resolve(null, dir.resolve("d.txt"), dir.resolve("r.htm"), Scenario.DB_HANG, START))
                .hasMessageContaining("--json must name a .json file, was " + dir.resolve("d.txt"))
                .hasMessageContaining("--report must name an .html file, was " + dir.resolve("r.htm"));
        Path folder = Files.createDirectory(dir.resolve("x.json"));
        assertThatThrownBy(() -> DrillOutputs.resolve(null, folder, null, Scenario.DB_HANG, START))
                .hasMessageContaining("--json must name a file, " + folder + " is a directory");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder("taken", "x.json");
        }
    }

    @Test
    void givenABadResultsDirOnTheCommandLine_thenTheDrillIsAUsageErrorBeforeAnythingStarts() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        CommandLine cli = new CommandLine(new DrillCommand());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("--scenario", "region-outage", "--results-dir", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--results-dir must be a directory");
    }
}
