package dev.paymentsdr.failover.application;

import static dev.paymentsdr.failover.application.InMemoryWorld.EAST_1;
import static dev.paymentsdr.failover.application.InMemoryWorld.EAST_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.failover.domain.model.DatabaseRole;
import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.domain.model.ExecutionResult;
import dev.paymentsdr.failover.domain.model.ExecutionResult.Outcome;
import dev.paymentsdr.failover.domain.model.ExecutionState;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.LeaseHolder;
import dev.paymentsdr.failover.domain.model.Plan;
import dev.paymentsdr.failover.domain.model.RecordType;
import dev.paymentsdr.failover.domain.model.ReplicationLag;
import dev.paymentsdr.failover.domain.model.Step;
import dev.paymentsdr.failover.port.out.FailoverPorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailoverOrchestratorTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final InMemoryWorld world = new InMemoryWorld();
    private final InMemoryExecutionLog log = new InMemoryExecutionLog();
    private final InMemoryLease lease = new InMemoryLease(clock);

    private FailoverOrchestrator orchestrator() {
        FailoverPorts ports = new FailoverPorts(world, world, world, world, world, log, lease);
        return new FailoverOrchestrator(ports, FailoverSettings.defaults(), clock, d -> { }, "test");
    }

    private static FailoverRequest request(String id, FailoverMode mode, boolean allowDataLoss) {
        return new FailoverRequest(new ExecutionId(id), mode, EAST_1, EAST_2, Duration.ofSeconds(5), allowDataLoss, "test");
    }

    private static FailoverRequest unplanned(String id) {
        return request(id, FailoverMode.UNPLANNED, false);
    }

    private List<String> steps(RecordType type) {
        return log.records.stream().filter(r -> r.type() == type).map(r -> r.step().name()).toList();
    }

    @Test
    void givenARegionOutage_whenFailingOver_thenTheStandbyIsPromotedAndTakesTheTraffic() {
        world.regionOutage(EAST_1);

        ExecutionResult result = orchestrator().run(unplanned("e1"), false);

        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(world.roles.get(EAST_2)).isEqualTo(DatabaseRole.PRIMARY);
        assertThat(world.active).isEqualTo(EAST_2);
        assertThat(world.blocked).containsExactly(EAST_1);
        assertThat(world.payments).containsExactly("failover-validate-e1");
        assertThat(world.notifications).singleElement().satisfies(n -> assertThat(n.state()).isEqualTo(ExecutionState.COMPLETED));
        assertThat(steps(RecordType.STEP_COMPLETED)).isEqualTo(
                Plan.of(FailoverMode.UNPLANNED, EAST_1, EAST_2).steps().stream().map(Step::name).toList());
        assertThat(lease.holder()).isEmpty();
    }

    @Test
    void everyStepIsRecordedAsStartedBeforeItActs() {
        List<RecordType> seenAtPromote = new ArrayList<>();
        world.onPromote = () -> seenAtPromote.add(log.records.get(log.records.size() - 1).type());
        orchestrator().run(unplanned("e1"), false);
        assertThat(seenAtPromote).containsExactly(RecordType.STEP_STARTED);
        assertThat(log.records.get(log.records.size() - 1).type()).isEqualTo(RecordType.EXECUTION_COMPLETED);
    }

    @Test
    void givenAReachableOldPrimary_whenFailingOver_thenItIsFencedBeforeTheStandbyIsPromoted() {
        orchestrator().run(unplanned("e1"), false);
        assertThat(world.roles.get(EAST_1)).isEqualTo(DatabaseRole.FENCED_PRIMARY);
        assertThat(steps(RecordType.STEP_COMPLETED)).containsSubsequence("FENCE", "PROMOTE");
    }

    @Test
    void givenALaggingStandby_whenFailingOver_thenTheLagGateRefusesAndNothingIsFencedOrPromoted() {
        world.regionOutage(EAST_1);
        world.lag = Optional.of(new ReplicationLag(Duration.ofSeconds(30), 4096, false, false));

        ExecutionResult result = orchestrator().run(unplanned("e1"), false);

        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(result.message()).contains("allow data loss");
        assertThat(world.promotions).isZero();
        assertThat(world.calls("block")).isZero();
        assertThat(world.notifications).singleElement().satisfies(n -> assertThat(n.state()).isEqualTo(ExecutionState.REFUSED));
    }

    @Test
    void givenALaggingStandbyAndDataLossAllowed_whenFailingOver_thenItIsPromotedAndTheRiskIsLogged() {
        world.regionOutage(EAST_1);
        world.lag = Optional.of(new ReplicationLag(Duration.ofSeconds(30), 4096, false, false));

        ExecutionResult result = orchestrator().run(request("e1", FailoverMode.UNPLANNED, true), false);

        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(log.records).anyMatch(r -> r.step() == Step.GATE_LAG && r.detail().contains("may be lost"));
    }

    @Test
    void aRefusedExecutionRerunWithItsIdStaysRefusedWithoutActing() {
        world.lag = Optional.empty();
        orchestrator().run(unplanned("e1"), false);
        world.lag = Optional.of(ReplicationLag.none(true, true));

        ExecutionResult again = orchestrator().run(unplanned("e1"), false);

        assertThat(again.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(again.message()).contains("Start a new execution");
        assertThat(world.promotions).isZero();
    }

    @Test
    void givenAPlannedSwitchover_thenTheOldPrimaryRejoinsAsAStandby() {
        ExecutionResult result = orchestrator().run(request("p1", FailoverMode.PLANNED, false), false);

        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(world.roles).containsEntry(EAST_1, DatabaseRole.STANDBY).containsEntry(EAST_2, DatabaseRole.PRIMARY);
        assertThat(world.calls("catchUp")).isEqualTo(1);
        assertThat(world.active).isEqualTo(EAST_2);
    }

    @Test
    void givenADeadPrimary_whenAPlannedSwitchoverIsAsked_thenItIsRefusedAndPointsToUnplanned() {
        world.regionOutage(EAST_1);
        ExecutionResult result = orchestrator().run(request("p1", FailoverMode.PLANNED, false), false);
        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(result.message()).contains("unplanned failover");
        assertThat(world.promotions).isZero();
    }

    @Test
    void givenAStandbyThatCannotCatchUp_whenSwitchingOver_thenTheStepFailsAndTheRerunResumesThere() {
        world.lag = Optional.of(new ReplicationLag(Duration.ofMillis(10), 10, true, true));
        ExecutionResult failed = orchestrator().run(request("p1", FailoverMode.PLANNED, false), false);
        assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failed.message()).contains("catch-up failed").contains("rerun execution p1");
        assertThat(world.promotions).isZero();

        world.lag = Optional.of(ReplicationLag.none(true, true));
        ExecutionResult resumed = orchestrator().run(request("p1", FailoverMode.PLANNED, false), false);

        assertThat(resumed.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(world.calls("block")).isEqualTo(1);
        assertThat(world.calls("catchUp")).isEqualTo(2);
    }

    @Test
    void givenAFailbackAfterAnUnplannedFailover_thenTheOldPrimaryResyncsAndBecomesActiveAgain() {
        world.regionOutage(EAST_1);
        orchestrator().run(unplanned("e1"), false);
        world.roles.put(EAST_1, DatabaseRole.FENCED_PRIMARY);
        world.servicesUp.add(EAST_1);

        ExecutionResult result = orchestrator().run(new FailoverRequest(new ExecutionId("fb1"), FailoverMode.FAILBACK,
                EAST_2, EAST_1, Duration.ofSeconds(5), false, "test"), false);

        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(world.roles).containsEntry(EAST_1, DatabaseRole.PRIMARY).containsEntry(EAST_2, DatabaseRole.STANDBY);
        assertThat(world.active).isEqualTo(EAST_1);
        assertThat(world.rejoins).isEqualTo(2);
    }

    @Test
    void givenTheOldPrimaryIsStillDown_whenFailingBack_thenItIsRebuiltAsAStandbyAndPromoted() {
        world.regionOutage(EAST_1);
        orchestrator().run(unplanned("e1"), false);

        ExecutionResult result = orchestrator().run(new FailoverRequest(new ExecutionId("fb1"), FailoverMode.FAILBACK,
                EAST_2, EAST_1, Duration.ofSeconds(5), false, "test"), false);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.COMPLETED);
        assertThat(world.roles).containsEntry(EAST_1, DatabaseRole.PRIMARY).containsEntry(EAST_2, DatabaseRole.STANDBY);
        assertThat(world.servicesUp).contains(EAST_1);
        assertThat(log.records).anyMatch(r -> r.step() == Step.RESYNC_TARGET && r.detail().contains("us-east-1 service running"));
    }

    @Test
    void givenAnUnreachableTarget_whenFailingOver_thenAssessRefusesAndNothingIsTouched() {
        world.roles.put(EAST_2, DatabaseRole.UNREACHABLE);
        ExecutionResult result = orchestrator().run(unplanned("e1"), false);
        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(result.message()).contains("not a standby that can be promoted").contains("Nothing was changed");
        assertThat(world.calls("block")).isZero();
        assertThat(world.calls("fence")).isZero();
    }

    @Test
    void givenARecentFailover_whenASecondFailoverTargetsTheFencedOldPrimary_thenItIsRefusedAndTheOnlyPrimaryKeepsServing() {
        orchestrator().run(unplanned("e1"), false);
        assertThat(world.roles).containsEntry(EAST_1, DatabaseRole.FENCED_PRIMARY).containsEntry(EAST_2, DatabaseRole.PRIMARY);
        int blocks = world.calls("block");
        int fences = world.calls("fence");

        ExecutionResult second = orchestrator().run(new FailoverRequest(new ExecutionId("e2"), FailoverMode.UNPLANNED,
                EAST_2, EAST_1, Duration.ofSeconds(2), false, "operator"), false);

        assertThat(second.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(second.message()).contains("us-east-1 is not a standby that can be promoted");
        assertThat(world.calls("block")).as("traffic never taken off the only primary").isEqualTo(blocks);
        assertThat(world.calls("fence")).isEqualTo(fences);
        assertThat(world.roles.get(EAST_2)).isEqualTo(DatabaseRole.PRIMARY);
        assertThat(world.active).isEqualTo(EAST_2);
    }

    @Test
    void givenAStandbyThatDoesNotStreamFromALivePrimary_whenSwitchingOver_thenItIsRefusedBeforeAnyFence() {
        world.lag = Optional.empty();
        ExecutionResult result = orchestrator().run(request("p1", FailoverMode.PLANNED, false), false);
        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(result.message()).contains("does not stream from us-east-1");
        assertThat(world.calls("fence")).isZero();
        assertThat(world.calls("block")).isZero();
    }

    @Test
    void givenATargetThatIsAlreadyAWritablePrimary_whenANewExecutionStarts_thenItIsRefused() {
        world.roles.put(EAST_2, DatabaseRole.PRIMARY);
        ExecutionResult result = orchestrator().run(unplanned("e1"), false);
        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(result.message()).contains("already a writable primary");
        assertThat(world.calls("fence")).isZero();
    }

    @Test
    void givenAResumedExecutionWhoseTargetWasPromotedAlready_thenAssessAcceptsItAndTheRunFinishes() {
        world.regionOutage(EAST_1);
        log.append(new ExecutionRecord(new ExecutionId("e1"), clock.instant(), RecordType.EXECUTION_STARTED, null,
                unplanned("e1"), "started"));
        world.roles.put(EAST_2, DatabaseRole.PRIMARY);

        ExecutionResult result = orchestrator().run(unplanned("e1"), false);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.COMPLETED);
        assertThat(world.active).isEqualTo(EAST_2);
    }

    @Test
    void givenTheLeaseIsLostWhileAStepWaits_thenTheStepIsInterruptedAndNoFurtherStepActs() {
        FailoverSettings shortLease = new FailoverSettings(Duration.ofMillis(100), Duration.ofMillis(100),
                Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofMillis(10),
                Duration.ofSeconds(1));
        world.regionOutage(EAST_1);
        boolean[] interrupted = {false};
        world.onPromote = () -> {
            lease.processDied();
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                interrupted[0] = true;
                throw new IllegalStateException("interrupted while promoting");
            }
        };
        FailoverPorts ports = new FailoverPorts(world, world, world, world, world, log, lease);

        ExecutionResult result = new FailoverOrchestrator(ports, shortLease, Clock.systemUTC(), d -> { }, "test")
                .run(unplanned("e1"), false);

        assertThat(interrupted[0]).as("the waiting step was interrupted").isTrue();
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("lease was lost").contains("stopped acting");
        assertThat(world.calls("route")).isZero();
        assertThat(steps(RecordType.STEP_COMPLETED)).doesNotContain("PROMOTE");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aLeaseTtlNoLongerThanTheLongestWaitIsRejected() {
        assertThatThrownBy(() -> new FailoverSettings(Duration.ofSeconds(30), Duration.ofSeconds(20),
                Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofSeconds(60), Duration.ofMillis(200),
                Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lease TTL (60 s) must be longer");
        assertThat(FailoverSettings.defaults().leaseTtl()).isGreaterThan(FailoverSettings.defaults().rejoinTimeout());
    }

    static Stream<Arguments> crashPoints() {
        List<Arguments> points = new ArrayList<>();
        for (FailoverMode mode : List.of(FailoverMode.UNPLANNED, FailoverMode.PLANNED)) {
            for (Step step : Plan.of(mode, EAST_1, EAST_2).steps()) {
                points.add(Arguments.of(mode, step, RecordType.STEP_STARTED));
                points.add(Arguments.of(mode, step, RecordType.STEP_COMPLETED));
            }
        }
        return points.stream();
    }

    @ParameterizedTest(name = "{0}: crash at {2} of {1}")
    @MethodSource("crashPoints")
    void givenACrashAtAnyStep_whenRerunWithTheSameId_thenItResumesAndEveryEffectHappensOnce(
            FailoverMode mode, Step crashStep, RecordType crashAt) {
        if (mode == FailoverMode.UNPLANNED) {
            world.regionOutage(EAST_1);
        }
        log.crashAt(crashAt, crashStep);
        assertThatThrownBy(() -> orchestrator().run(request("c1", mode, false), false))
                .isInstanceOf(InMemoryExecutionLog.SimulatedCrash.class);
        lease.processDied();
        List<String> completedBeforeCrash = steps(RecordType.STEP_COMPLETED);

        ExecutionResult resumed = orchestrator().run(request("c1", mode, false), false);

        assertThat(resumed.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(steps(RecordType.STEP_COMPLETED)).isEqualTo(
                Plan.of(mode, EAST_1, EAST_2).steps().stream().map(Step::name).toList());
        assertThat(steps(RecordType.STEP_STARTED)).filteredOn(completedBeforeCrash::contains)
                .as("steps completed before the crash are not started again").hasSameSizeAs(completedBeforeCrash);
        assertThat(world.promotions).isEqualTo(1);
        assertThat(world.payments).containsExactly("failover-validate-c1");
        assertThat(world.roles.get(EAST_2)).isEqualTo(DatabaseRole.PRIMARY);
        assertThat(world.active).isEqualTo(EAST_2);
        assertThat(log.records.stream().filter(r -> r.type() == RecordType.EXECUTION_STARTED)).hasSize(1);
    }

    @Test
    void aCompletedExecutionRerunWithItsIdDoesNothingAgain() {
        orchestrator().run(unplanned("e1"), false);
        int promoteCalls = world.calls("promote");

        ExecutionResult again = orchestrator().run(unplanned("e1"), false);

        assertThat(again.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(again.message()).contains("had already completed");
        assertThat(world.calls("promote")).isEqualTo(promoteCalls);
    }

    @Test
    void theResumedExecutionFollowsItsLoggedRequestNotTheNewCommandLine() {
        log.crashAt(RecordType.STEP_STARTED, Step.PROMOTE);
        assertThatThrownBy(() -> orchestrator().run(unplanned("e1"), false)).isInstanceOf(Error.class);
        lease.processDied();

        orchestrator().run(request("e1", FailoverMode.PLANNED, true), false);

        assertThat(world.calls("catchUp")).as("still the unplanned plan").isZero();
    }

    @Test
    void givenAnotherExecutionHoldsTheLease_whenASecondTriggerArrives_thenItIsRefusedClearlyAndDoesNothing() {
        lease.heldBy(new LeaseHolder(new ExecutionId("other"), "pid 1 on lab", clock.instant().plusSeconds(60)));

        ExecutionResult result = orchestrator().run(unplanned("e2"), false);

        assertThat(result.outcome()).isEqualTo(Outcome.BUSY);
        assertThat(result.message()).contains("another failover is running").contains("other").contains("pid 1 on lab");
        assertThat(log.records).isEmpty();
        assertThat(world.calls).isEmpty();
    }

    @Test
    void givenAnotherExecutionHoldsTheLease_whenTheMonitorTriggers_thenItJoinsAndReportsThatExecutionsResult() {
        ExecutionId running = new ExecutionId("running");
        lease.heldBy(new LeaseHolder(running, "pid 1", clock.instant().plusSeconds(60)));
        log.append(new ExecutionRecord(running, clock.instant(), RecordType.EXECUTION_STARTED, null, unplanned("running"), ""));
        FailoverPorts ports = new FailoverPorts(world, world, world, world, world, log, lease);
        int[] polls = {0};
        FailoverOrchestrator joining = new FailoverOrchestrator(ports, FailoverSettings.defaults(), clock, d -> {
            if (++polls[0] == 3) {
                log.append(new ExecutionRecord(running, clock.instant(), RecordType.EXECUTION_COMPLETED, null, null, "done"));
                lease.release(running);
            }
        }, "second");

        ExecutionResult result = joining.run(unplanned("mine"), true);

        assertThat(result.outcome()).isEqualTo(Outcome.JOINED);
        assertThat(result.executionId()).isEqualTo(running);
        assertThat(result.state()).isEqualTo(ExecutionState.COMPLETED);
        assertThat(polls[0]).isEqualTo(3);
        assertThat(world.calls).isEmpty();
    }

    @Test
    void aDryRunPlanActsOnNothing() {
        Plan plan = orchestrator().plan(unplanned("e1"));
        assertThat(plan.steps()).first().isEqualTo(Step.ASSESS);
        assertThat(world.calls).isEmpty();
        assertThat(log.records).isEmpty();
    }

    @Test
    void theStateOfALoggedExecutionIsReadFromItsRecords() {
        log.crashAt(RecordType.STEP_STARTED, Step.SWITCH_TRAFFIC);
        assertThatThrownBy(() -> orchestrator().run(unplanned("e1"), false)).isInstanceOf(Error.class);
        assertThat(FailoverOrchestrator.stateOf(log.read(new ExecutionId("e1")))).isEqualTo(ExecutionState.TARGET_READY);
    }
}
