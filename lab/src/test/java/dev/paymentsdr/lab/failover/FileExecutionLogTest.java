package dev.paymentsdr.lab.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.RecordType;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.domain.model.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileExecutionLogTest {
    @TempDir
    Path dir;

    private final ExecutionId id = new ExecutionId("fo-1");
    private final Instant at = Instant.parse("2026-01-01T00:00:00.123Z");

    @Test
    void recordsSurviveARoundTripThroughTheFileWithTheirRequest() {
        FileExecutionLog log = new FileExecutionLog(dir.resolve("failover/executions.jsonl"));
        FailoverRequest request = new FailoverRequest(id, FailoverMode.UNPLANNED, RegionId.of("us-east-1"),
                RegionId.of("us-east-2"), Duration.ofMillis(1500), true, "monitor");
        log.append(new ExecutionRecord(id, at, RecordType.EXECUTION_STARTED, null, request, "go"));
        log.append(new ExecutionRecord(id, at, RecordType.STEP_STARTED, Step.PROMOTE, null, "promote \"it\""));
        log.append(new ExecutionRecord(new ExecutionId("other"), at, RecordType.EXECUTION_STARTED, null, request, ""));

        FileExecutionLog reopened = new FileExecutionLog(dir.resolve("failover/executions.jsonl"));

        assertThat(reopened.read(id)).containsExactly(
                new ExecutionRecord(id, at, RecordType.EXECUTION_STARTED, null, request, "go"),
                new ExecutionRecord(id, at, RecordType.STEP_STARTED, Step.PROMOTE, null, "promote \"it\""));
        assertThat(reopened.latest()).contains(new ExecutionId("other"));
    }

    @Test
    void aLineTornByACrashIsSkipped() throws IOException {
        Path file = dir.resolve("executions.jsonl");
        FileExecutionLog log = new FileExecutionLog(file);
        log.append(new ExecutionRecord(id, at, RecordType.STEP_COMPLETED, Step.ASSESS, null, "ok"));
        Files.writeString(file, "{\"executionId\":\"fo-1\",\"at\":\"2026", StandardOpenOption.APPEND);

        assertThat(log.read(id)).hasSize(1);
    }

    @Test
    void anEmptyLogHasNoExecutions() {
        FileExecutionLog log = new FileExecutionLog(dir.resolve("none.jsonl"));
        assertThat(log.read(id)).isEmpty();
        assertThat(log.latest()).isEmpty();
    }
}
