package dev.paymentsdr.failover.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.RecordType;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.domain.model.Step;
import dev.paymentsdr.failover.port.out.ExecutionHistory;
import dev.paymentsdr.failover.port.out.ExecutionLog;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ExecutionHistory} adapter promises: the executions come back latest started first, as
 * many as asked for, each once however many records it has, and a limit outside 1..1000 is refused.
 * Subclasses give a fresh, empty store per test, with a log to write to and the history that reads it.
 */
public abstract class ExecutionHistoryContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.250Z");

    /** An empty execution log; every test gets a fresh one. */
    protected abstract ExecutionLog log();

    /** The history over the same store as {@link #log()}, as another process would open it. */
    protected abstract ExecutionHistory history();

    private void start(String id, Instant at) {
        ExecutionId executionId = new ExecutionId(id);
        log().append(new ExecutionRecord(executionId, at, RecordType.EXECUTION_STARTED, null,
                new FailoverRequest(executionId, FailoverMode.PLANNED, RegionId.of("us-east-1"), RegionId.of("us-east-2"),
                        Duration.ofSeconds(5), false, "contract test"), "started"));
        log().append(new ExecutionRecord(executionId, at.plusMillis(10), RecordType.STEP_STARTED, Step.ASSESS, null, ""));
    }

    @Test
    void givenThreeExecutions_whenListed_thenTheLatestStartedComesFirst_andTheLimitIsKept() {
        start("fo-history-first", T0);
        start("fo-history-second", T0.plusSeconds(60));
        start("fo-history-third", T0.plusSeconds(120));
        // the first execution resumed last: its new records must not move it up the list
        log().append(new ExecutionRecord(new ExecutionId("fo-history-first"), T0.plusSeconds(180), RecordType.STEP_COMPLETED,
                Step.ASSESS, null, "assessed on resume"));

        assertThat(history().recent(10)).extracting(ExecutionId::value)
                .containsExactly("fo-history-third", "fo-history-second", "fo-history-first");
        assertThat(history().recent(2)).extracting(ExecutionId::value).containsExactly("fo-history-third", "fo-history-second");
        assertThat(history().recent(1)).extracting(ExecutionId::value).containsExactly("fo-history-third");
    }

    @Test
    void givenTwoExecutionsInOneSecond_theFirstOnTheWholeSecond_thenTheLaterOneIsListedFirst() {
        Instant whole = Instant.parse("2026-01-01T00:00:00Z");
        start("fo-history-whole-second", whole);
        start("fo-history-half-second-later", whole.plusMillis(500));

        assertThat(history().recent(2)).extracting(ExecutionId::value)
                .containsExactly("fo-history-half-second-later", "fo-history-whole-second");
    }

    @Test
    void givenAnEmptyLog_thenTheHistoryIsEmpty() {
        assertThat(history().recent(20)).isEmpty();
    }

    @Test
    void aLimitOutsideOneToAThousandIsRefused() {
        assertThatThrownBy(() -> history().recent(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be between 1 and 1000, was 0");
        assertThatThrownBy(() -> history().recent(1001)).isInstanceOf(IllegalArgumentException.class);
    }
}
