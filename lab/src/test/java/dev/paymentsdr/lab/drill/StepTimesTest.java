package dev.paymentsdr.lab.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

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

class StepTimesTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    /** Builds one execution's records from {@code step, startMs, endMs} triples, as the orchestrator logs them. */
    private static final class Execution {
        final ExecutionId id = ExecutionId.generate(T0);
        final List<ExecutionRecord> records = new ArrayList<>();

        Execution(FailoverMode mode) {
            FailoverRequest request = new FailoverRequest(id, mode, RegionId.of("us-east-1"), RegionId.of("us-east-2"),
                    Duration.ofSeconds(5), false, "test");
            records.add(new ExecutionRecord(id, T0, RecordType.EXECUTION_STARTED, null, request, "started"));
        }

        Execution step(Step step, long startMs, long endMs) {
            return started(step, startMs).ended(RecordType.STEP_COMPLETED, step, endMs);
        }

        Execution started(Step step, long atMs) {
            records.add(new ExecutionRecord(id, T0.plusMillis(atMs), RecordType.STEP_STARTED, step, null, ""));
            return this;
        }

        Execution ended(RecordType type, Step step, long atMs) {
            records.add(new ExecutionRecord(id, T0.plusMillis(atMs), type, step, null, ""));
            return this;
        }
    }

    @Test
    void givenAnUnplannedFailover_thenEachStepRunsFromItsStartToItsCompletionAndDetectComesFirst() {
        Execution failover = new Execution(FailoverMode.UNPLANNED).step(Step.ASSESS, 0, 850).step(Step.GATE_LAG, 851, 853)
                .step(Step.FENCE, 855, 905).step(Step.PROMOTE, 906, 1306).step(Step.MAKE_READY, 1307, 1340)
                .step(Step.SWITCH_TRAFFIC, 1341, 1391).step(Step.VALIDATE, 1392, 1452).step(Step.NOTIFY, 1453, 1454);

        StepTimes steps = StepTimes.of(2400.0, List.of(failover.records));

        assertThat(steps.ms()).containsExactly(entry("detect", 2400.0), entry("assess", 850.0), entry("gate-lag", 2.0),
                entry("fence", 50.0), entry("promote", 400.0), entry("make-ready", 33.0), entry("switch-traffic", 50.0),
                entry("validate", 60.0), entry("notify", 1.0));
    }

    @Test
    void givenAResumedExecution_thenTheStepTheKilledProcessLeftOpenCountsFromItsRestart() {
        // the killed process logged make-ready's start and nothing after; the rerun starts it again at 5000 ms
        Execution resumed = new Execution(FailoverMode.UNPLANNED).step(Step.PROMOTE, 100, 300).started(Step.MAKE_READY, 301)
                .step(Step.MAKE_READY, 5000, 5040);

        assertThat(StepTimes.of(null, List.of(resumed.records)).ms())
                .containsExactly(entry("promote", 200.0), entry("make-ready", 40.0));
    }

    @Test
    void givenARefusedExecutionAndItsRerun_thenTheRefusedStepCountsAndAStepOfBothIsTheirSum() {
        Execution refused = new Execution(FailoverMode.UNPLANNED).step(Step.ASSESS, 0, 100).started(Step.GATE_LAG, 100)
                .ended(RecordType.EXECUTION_REFUSED, Step.GATE_LAG, 104);
        Execution rerun = new Execution(FailoverMode.UNPLANNED).step(Step.ASSESS, 3000, 3120).step(Step.GATE_LAG, 3120, 3121)
                .started(Step.FENCE, 3121).ended(RecordType.STEP_FAILED, Step.FENCE, 3400);

        assertThat(StepTimes.of(null, List.of(refused.records, rerun.records)).ms())
                .containsExactly(entry("assess", 220.0), entry("gate-lag", 5.0), entry("fence", 279.0));
    }

    @Test
    void givenAFailoverAndAFailback_thenTheFailbackStepsAreNamedApartAndFollowTheFailovers() {
        Execution failback = new Execution(FailoverMode.FAILBACK).step(Step.ASSESS, 9000, 9010).step(Step.FENCE, 9010, 9030);
        Execution failover = new Execution(FailoverMode.UNPLANNED).step(Step.FENCE, 10, 70);

        StepTimes steps = StepTimes.of(1800.0, List.of(failback.records, failover.records));

        assertThat(steps.ms().keySet()).containsExactly("detect", "fence", "failback assess", "failback fence");
        assertThat(steps.ms()).contains(entry("fence", 60.0), entry("failback fence", 20.0));
        assertThat(StepTimes.describe("failback fence")).isEqualTo(Step.FENCE.description());
        assertThat(StepTimes.describe("detect")).contains("monitor");
    }
}
