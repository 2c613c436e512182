package dev.paymentsdr.cli.failover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.RecordType;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.domain.model.Step;
import dev.paymentsdr.lab.failover.FileExecutionLog;
import dev.paymentsdr.lab.failover.LabFailover;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code drctl history} on a lab's execution log: the list, one execution in detail, JSON, and bad input. */
class HistoryCliTest {
    private static final Instant T0 = Instant.parse("2026-05-04T03:02:01Z");

    @TempDir
    Path dir;

    private Path lab;

    private record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void aLabWithAFailedFailoverAndALaterPlannedSwitchover() {
        lab = StoppedLab.write(dir.resolve("lab"));
        FileExecutionLog log = new FileExecutionLog(lab.resolve(LabFailover.DIR).resolve("executions.jsonl"));
        ExecutionId failed = new ExecutionId("fo-older-failed");
        log.append(new ExecutionRecord(failed, T0, RecordType.EXECUTION_STARTED, null, new FailoverRequest(failed,
                FailoverMode.UNPLANNED, RegionId.of("us-east-1"), RegionId.of("us-east-2"), Duration.ofSeconds(5), false, "test"), ""));
        log.append(new ExecutionRecord(failed, T0.plusMillis(100), RecordType.STEP_STARTED, Step.ASSESS, null, ""));
        log.append(new ExecutionRecord(failed, T0.plusMillis(350), RecordType.STEP_COMPLETED, Step.ASSESS, null, "measured"));
        log.append(new ExecutionRecord(failed, T0.plusMillis(400), RecordType.STEP_STARTED, Step.FENCE, null, ""));
        log.append(new ExecutionRecord(failed, T0.plusMillis(2400), RecordType.STEP_FAILED, Step.FENCE, null, "fence timed out"));
        ExecutionId planned = new ExecutionId("fo-newer-planned");
        Instant t1 = T0.plusSeconds(3600);
        log.append(new ExecutionRecord(planned, t1, RecordType.EXECUTION_STARTED, null, new FailoverRequest(planned,
                FailoverMode.PLANNED, RegionId.of("us-east-2"), RegionId.of("us-east-1"), Duration.ZERO, false, "test"), ""));
        log.append(new ExecutionRecord(planned, t1.plusMillis(10), RecordType.STEP_STARTED, Step.PROMOTE, null, ""));
        log.append(new ExecutionRecord(planned, t1.plusMillis(1510), RecordType.STEP_COMPLETED, Step.PROMOTE, null, "promoted"));
        log.append(new ExecutionRecord(planned, t1.plusMillis(1600), RecordType.EXECUTION_COMPLETED, null, null, "done"));
    }

    private Run drctl(String... args) {
        CommandLine cli = new CommandLine(new HistoryCommand());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void theListShowsTheLatestFirst_withKindRegionsTimesOutcomeAndStepDurations() {
        Run run = drctl("--lab-dir", lab.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsSubsequence(
                "fo-newer-planned  planned  us-east-2 -> us-east-1  started 2026-05-04T04:02:01Z  finished 2026-05-04T04:02:02.600Z"
                        + "  succeeded in 1.600 s",
                "promote 1.500 s",
                "fo-older-failed  unplanned  us-east-1 -> us-east-2", "failed in 2.400 s",
                "assess 0.250 s  fence 2.000 s FAILED");

        Run newest = drctl("--lab-dir", lab.toString(), "--limit", "1");
        assertThat(newest.out()).contains("fo-newer-planned").doesNotContain("fo-older-failed");
    }

    @Test
    void oneExecutionByIdShowsEachStepWithWhatItSaid_andJsonCarriesTheSame() throws Exception {
        Run detail = drctl("--lab-dir", lab.toString(), "fo-older-failed");

        assertThat(detail.exit()).as(detail.err()).isZero();
        assertThat(detail.out()).contains("outcome:  failed in 2.400 s").contains("kind:     unplanned")
                .containsPattern("fence +2026-05-04T03:02:01.400Z +2.000 s +failed +fence timed out");

        JsonNode list = new ObjectMapper().readTree(drctl("--lab-dir", lab.toString(), "--json").out());
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("id").asText()).isEqualTo("fo-newer-planned");
        assertThat(list.get(0).get("outcome").asText()).isEqualTo("succeeded");
        assertThat(list.get(0).get("duration_ms").asLong()).isEqualTo(1600);
        assertThat(list.get(1).get("steps").get(1).get("outcome").asText()).isEqualTo("failed");
        assertThat(list.get(1).get("steps").get(1).get("duration_ms").asLong()).isEqualTo(2000);
        JsonNode one = new ObjectMapper().readTree(drctl("--lab-dir", lab.toString(), "--json", "fo-newer-planned").out());
        assertThat(one.get("kind").asText()).isEqualTo("planned");
        assertThat(one.get("finished").asText()).isEqualTo("2026-05-04T04:02:02.600Z");
    }

    @Test
    void anUnknownOrMalformedIdAndALimitOutOfRangeAreUsageErrors() {
        Run unknown = drctl("--lab-dir", lab.toString(), "fo-never");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no execution 'fo-never' in ").contains("drctl history --target lab");

        Run malformed = drctl("--lab-dir", lab.toString(), "fo/../x");
        assertThat(malformed.exit()).isEqualTo(2);
        assertThat(malformed.err()).contains("ID: execution id must be 1..64 characters");

        for (String limit : new String[] {"0", "1001"}) {
            Run bad = drctl("--lab-dir", lab.toString(), "--limit", limit);
            assertThat(bad.exit()).isEqualTo(2);
            assertThat(bad.err()).contains("--limit: must be between 1 and 1000, was " + limit);
        }
        assertThat(drctl("--lab-dir", lab.toString(), "--limit", "many").err()).contains("--limit");
    }

    @Test
    void anEmptyLogSaysSo() {
        Path empty = StoppedLab.write(dir.resolve("empty"));
        Run run = drctl("--lab-dir", empty.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("No failover executions in ").contains("executions.jsonl");
    }
}
