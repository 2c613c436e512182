package dev.paymentsdr.failover.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.failover.application.ExecutionSummary.Outcome;
import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.RecordType;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.domain.model.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionSummaryTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final ExecutionId ID = new ExecutionId("fo-summary");

    private static List<ExecutionRecord> started() {
        List<ExecutionRecord> records = new ArrayList<>();
        records.add(new ExecutionRecord(ID, T0, RecordType.EXECUTION_STARTED, null, new FailoverRequest(ID, FailoverMode.UNPLANNED,
                RegionId.of("us-east-1"), RegionId.of("us-east-2"), Duration.ofSeconds(5), false, "test"), "started"));
        return records;
    }

    private static ExecutionRecord at(long millis, RecordType type, Step step, String detail) {
        return new ExecutionRecord(ID, T0.plusMillis(millis), type, step, null, detail);
    }

    @Test
    void givenACompletedExecution_thenItSucceeded_withEachStepsDurationAndTheTotal() {
        List<ExecutionRecord> records = started();
        records.add(at(100, RecordType.STEP_STARTED, Step.ASSESS, ""));
        records.add(at(350, RecordType.STEP_COMPLETED, Step.ASSESS, "both measured"));
        records.add(at(400, RecordType.STEP_STARTED, Step.PROMOTE, ""));
        records.add(at(1400, RecordType.STEP_COMPLETED, Step.PROMOTE, "promoted"));
        records.add(at(1500, RecordType.EXECUTION_COMPLETED, null, "done"));

        ExecutionSummary summary = ExecutionSummary.of(records, false);

        assertThat(summary.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(summary.mode()).contains(FailoverMode.UNPLANNED);
        assertThat(summary.from()).contains(RegionId.of("us-east-1"));
        assertThat(summary.duration()).contains(Duration.ofMillis(1500));
        assertThat(summary.steps()).extracting(ExecutionSummary.StepRun::step).containsExactly(Step.ASSESS, Step.PROMOTE);
        assertThat(summary.steps().get(0).duration()).contains(Duration.ofMillis(250));
        assertThat(summary.steps().get(1).duration()).contains(Duration.ofMillis(1000));
        assertThat(summary.steps().get(1).detail()).isEqualTo("promoted");
    }

    @Test
    void givenAFailedStepThatWasResumed_thenEachAttemptIsAStepRun_andTheExecutionIsRunningWhileItsLeaseIsHeld() {
        List<ExecutionRecord> records = started();
        records.add(at(100, RecordType.STEP_STARTED, Step.FENCE, ""));
        records.add(at(600, RecordType.STEP_FAILED, Step.FENCE, "old primary did not answer"));

        assertThat(ExecutionSummary.of(records, false).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(ExecutionSummary.of(records, false).finished()).contains(T0.plusMillis(600));

        records.add(at(5000, RecordType.STEP_STARTED, Step.FENCE, ""));
        ExecutionSummary resumed = ExecutionSummary.of(records, true);

        assertThat(resumed.outcome()).isEqualTo(Outcome.RUNNING);
        assertThat(resumed.finished()).isEmpty();
        assertThat(resumed.steps()).hasSize(2);
        assertThat(resumed.steps().get(0).failed()).isTrue();
        assertThat(resumed.steps().get(1).finished()).isEmpty();
        assertThat(ExecutionSummary.of(records, false).outcome()).isEqualTo(Outcome.UNFINISHED);
    }

    @Test
    void givenARefusal_thenItIsRefused() {
        List<ExecutionRecord> records = started();
        records.add(at(200, RecordType.EXECUTION_REFUSED, null, "lag 9 s exceeds 5 s"));

        assertThat(ExecutionSummary.of(records, false).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(Outcome.REFUSED.label()).isEqualTo("refused");
    }
}
