package dev.paymentsdr.failover.application;

import static dev.paymentsdr.failover.application.InMemoryWorld.EAST_1;
import static dev.paymentsdr.failover.application.InMemoryWorld.EAST_2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.failover.domain.model.DatabaseRole;
import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.domain.model.ExecutionResult;
import dev.paymentsdr.failover.domain.model.ExecutionResult.Outcome;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.Promotion;
import dev.paymentsdr.failover.domain.model.RecordType;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.domain.model.ReplicationLag;
import dev.paymentsdr.failover.domain.model.Step;
import dev.paymentsdr.failover.port.out.DatabaseControl;
import dev.paymentsdr.failover.port.out.FailoverPorts;
import dev.paymentsdr.failover.testing.HandClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Assess with the monitor's evidence: a source that the monitor has just seen fail and that stays silent costs a
 * short grace, not the question limit; a source that answers is judged by its answer, and a target that cannot be
 * promoted is refused before anything is fenced, evidence or not.
 */
class SilentSourceAssessTest {
    private final InMemoryWorld world = new InMemoryWorld();
    private final InMemoryExecutionLog log = new InMemoryExecutionLog();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicBoolean silentQuestionAnswered = new AtomicBoolean();
    private final List<RegionId> presumed = new ArrayList<>();
    /** How long the silent source holds a question before it gives up (a real adapter's question limit). */
    private Duration questionLimit = Duration.ofSeconds(5);

    @AfterEach
    void releaseSilentQuestions() {
        release.countDown();
    }

    /** The in-memory world, but us-east-1's database holds every question until released or its limit is over. */
    private final class SilentSource implements DatabaseControl {
        boolean silent = true;

        @Override
        public DatabaseRole role(RegionId region) {
            if (silent && region.equals(EAST_1)) {
                try {
                    release.await(questionLimit.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                silentQuestionAnswered.set(true);
                return DatabaseRole.UNREACHABLE;
            }
            return world.role(region);
        }

        @Override
        public void presumeUnreachable(RegionId region) {
            presumed.add(region);
        }

        @Override
        public Optional<ReplicationLag> lag(RegionId standby, RegionId primary) {
            return world.lag(standby, primary);
        }

        @Override
        public String fence(RegionId region) {
            return world.fence(region);
        }

        @Override
        public String awaitCaughtUp(RegionId standby, RegionId primary, Duration timeout) {
            return world.awaitCaughtUp(standby, primary, timeout);
        }

        @Override
        public String promote(RegionId standby, Promotion promotion) {
            return world.promote(standby, promotion);
        }

        @Override
        public String rejoinAsStandby(RegionId region, RegionId primary, Duration timeout) {
            return world.rejoinAsStandby(region, primary, timeout);
        }
    }

    private final SilentSource database = new SilentSource();

    private FailoverOrchestrator orchestrator(Clock clock) {
        FailoverPorts ports = new FailoverPorts(database, world, world, world, world, log, new InMemoryLease(clock));
        return new FailoverOrchestrator(ports, FailoverSettings.defaults(), clock, d -> { }, "test");
    }

    private static Clock fixed() {
        return Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    }

    private static FailoverRequest unplanned() {
        return new FailoverRequest(new ExecutionId("e1"), FailoverMode.UNPLANNED, EAST_1, EAST_2, Duration.ofSeconds(5),
                false, "monitor after 3 failed probes");
    }

    private String assessed() {
        return log.records.stream().filter(r -> r.step() == Step.ASSESS && r.type() != RecordType.STEP_STARTED)
                .map(ExecutionRecord::detail).findFirst().orElseThrow();
    }

    @Test
    void givenFreshEvidenceAndASilentSource_thenTheFailoverCompletesWithoutWaitingForTheSourcesAnswer() {
        world.regionOutage(EAST_1);

        ExecutionResult result = orchestrator(fixed()).runAfterFailedProbes(unplanned(), false);

        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        // the question to the silent source is still pending: nothing waited for it
        assertThat(silentQuestionAnswered).isFalse();
        assertThat(presumed).containsExactly(EAST_1);
        assertThat(assessed()).contains("us-east-1: database unreachable, service not ready (no answer within 250 ms"
                + " after the monitor's failed probes: taken as unreachable)");
        assertThat(world.roles.get(EAST_2)).isEqualTo(DatabaseRole.PRIMARY);
    }

    @Test
    void givenEvidenceThatTheSourcesDatabaseLeftTheMonitorsQuestionUnansweredToo_thenAssessTakesItAsUnreachableAtOnce() {
        world.regionOutage(EAST_1);

        ExecutionResult result = orchestrator(fixed()).runAfterFailedProbes(unplanned(), false, true);

        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(silentQuestionAnswered).isFalse();
        assertThat(presumed).containsExactly(EAST_1);
        assertThat(assessed()).contains("us-east-1: database unreachable, service not ready (no answer to the monitor's"
                + " question nor to assess's: taken as unreachable)");
    }

    @Test
    void givenADatabaseSilentToTheMonitorButAnsweringAssessAsAPrimaryNotFollowed_thenAssessStillRefuses() {
        // it answered the monitor late, or came back: a source that answers is judged by its answer
        database.silent = false;
        world.servicesUp.remove(EAST_1);
        world.lag = Optional.empty();

        ExecutionResult result = orchestrator(fixed()).runAfterFailedProbes(unplanned(), false, true);

        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(result.message()).contains("does not stream from us-east-1");
        assertThat(presumed).isEmpty();
        assertThat(world.fences).isZero();
        assertThat(world.blocked).isEmpty();
    }

    @Test
    void givenNoEvidence_thenAssessWaitsForTheSilentSourcesAnswerAsBefore() {
        world.regionOutage(EAST_1);
        questionLimit = Duration.ofMillis(400);

        ExecutionResult result = orchestrator(fixed()).run(unplanned(), false);

        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(silentQuestionAnswered).isTrue();
        assertThat(presumed).isEmpty();
        assertThat(assessed()).doesNotContain("taken as unreachable");
    }

    @Test
    void givenEvidenceOlderThanASecond_thenAssessWaitsForTheSilentSourcesAnswer() {
        world.regionOutage(EAST_1);
        questionLimit = Duration.ofMillis(400);
        // every reading of the clock is a second later: the evidence is stale by the time assess looks at it
        Clock ticking = new HandClock(Instant.parse("2026-01-01T00:00:00Z")).advancingOnEveryReading(Duration.ofSeconds(1));

        ExecutionResult result = orchestrator(ticking).runAfterFailedProbes(unplanned(), false);

        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(silentQuestionAnswered).isTrue();
        assertThat(presumed).isEmpty();
    }

    @Test
    void givenFreshEvidenceButASourceThatAnswersAsAPrimaryNotFollowedByTheStandby_thenAssessStillRefuses() {
        database.silent = false;
        world.servicesUp.remove(EAST_1);
        world.lag = Optional.empty();

        ExecutionResult result = orchestrator(fixed()).runAfterFailedProbes(unplanned(), false);

        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(result.message()).contains("does not stream from us-east-1");
        assertThat(presumed).isEmpty();
        assertThat(world.fences).isZero();
        assertThat(world.blocked).isEmpty();
    }

    @Test
    void givenFreshEvidenceAndASilentSourceButATargetThatIsNoStandby_thenNothingIsFenced() {
        world.regionOutage(EAST_1);
        world.roles.put(EAST_2, DatabaseRole.FENCED_PRIMARY);

        ExecutionResult result = orchestrator(fixed()).runAfterFailedProbes(unplanned(), false);

        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(result.message()).contains("is not a standby that can be promoted");
        assertThat(world.fences).isZero();
        assertThat(world.blocked).isEmpty();
        assertThat(world.promotions).isZero();
    }
}
