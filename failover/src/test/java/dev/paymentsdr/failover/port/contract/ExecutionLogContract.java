package dev.paymentsdr.failover.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.RecordType;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.domain.model.Step;
import dev.paymentsdr.failover.port.out.ExecutionLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ExecutionLog} adapter promises: records come back per execution in the order they
 * were appended, the first one with its whole request (so a rerun resumes without the command line), and
 * the latest started execution is found. Subclasses give a fresh, empty log per test.
 */
public abstract class ExecutionLogContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** An empty log; every test gets a fresh one. */
    protected abstract ExecutionLog log();

    /** A second handle on the same log, as another process (a rerun) would open it. */
    protected abstract ExecutionLog sameLogFromAnotherProcess();

    private static FailoverRequest request(ExecutionId id) {
        return new FailoverRequest(id, FailoverMode.UNPLANNED, RegionId.of("us-east-1"), RegionId.of("us-east-2"),
                Duration.ofMillis(2500), true, "contract test");
    }

    private static List<ExecutionRecord> execution(ExecutionId id, Instant start) {
        List<ExecutionRecord> records = new ArrayList<>();
        records.add(new ExecutionRecord(id, start, RecordType.EXECUTION_STARTED, null, request(id), "started"));
        Instant at = start;
        for (Step step : List.of(Step.ASSESS, Step.GATE_LAG, Step.FENCE, Step.PROMOTE)) {
            // same instant for start and end on purpose: order must come from the log, not the clock
            records.add(new ExecutionRecord(id, at, RecordType.STEP_STARTED, step, null, ""));
            records.add(new ExecutionRecord(id, at, RecordType.STEP_COMPLETED, step, null, step.label() + " done"));
            at = at.plusMillis(1);
        }
        return records;
    }

    @Test
    void givenAppendedRecords_whenRead_thenTheyComeBackInOrderWithTheRequest() {
        ExecutionId id = new ExecutionId("fo-contract-order");
        List<ExecutionRecord> written = execution(id, T0);
        written.forEach(log()::append);

        List<ExecutionRecord> read = sameLogFromAnotherProcess().read(id);

        assertThat(read).extracting(ExecutionRecord::type, ExecutionRecord::step)
                .containsExactlyElementsOf(written.stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.type(), r.step())).toList());
        assertThat(read.get(0).request()).isEqualTo(request(id));
        assertThat(read.get(2).detail()).isEqualTo("assess done");
        assertThat(read.get(0).at()).isEqualTo(T0);
    }

    @Test
    void givenTwoExecutions_thenEachReadsOnlyItsOwnRecords_andTheLatestStartedIsFound() {
        ExecutionId older = new ExecutionId("fo-contract-older");
        ExecutionId newer = new ExecutionId("fo-contract-newer");
        execution(older, T0).forEach(log()::append);
        execution(newer, T0.plusSeconds(60)).forEach(log()::append);
        log().append(new ExecutionRecord(older, T0.plusSeconds(120), RecordType.STEP_FAILED, Step.MAKE_READY, null, "late"));

        assertThat(log().read(older)).hasSize(10).allMatch(r -> r.executionId().equals(older));
        assertThat(log().read(newer)).hasSize(9);
        assertThat(sameLogFromAnotherProcess().latest()).contains(newer);
    }

    @Test
    void givenAnEmptyLog_thenNothingIsFound() {
        assertThat(log().read(new ExecutionId("fo-contract-absent"))).isEmpty();
        assertThat(log().latest()).isEmpty();
    }
}
