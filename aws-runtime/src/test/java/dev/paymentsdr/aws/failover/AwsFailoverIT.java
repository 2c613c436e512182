package dev.paymentsdr.aws.failover;

import static dev.paymentsdr.aws.failover.testing.AwsWorld.EAST_1;
import static dev.paymentsdr.aws.failover.testing.AwsWorld.EAST_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.aws.failover.testing.AwsWorld;
import dev.paymentsdr.aws.failover.testing.MotoTest;
import dev.paymentsdr.failover.application.FailoverRuntime;
import dev.paymentsdr.failover.application.Sleeper;
import dev.paymentsdr.failover.domain.model.DatabaseRole;
import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.domain.model.ExecutionResult;
import dev.paymentsdr.failover.domain.model.ExecutionResult.Outcome;
import dev.paymentsdr.failover.domain.model.ExecutionState;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.RecordType;
import dev.paymentsdr.failover.domain.model.Step;
import dev.paymentsdr.failover.port.out.ExecutionLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The failover core driving AWS end to end, against moto: both regions' resources are created first (global
 * cluster with two members, ECS services, topics, state table, hosted zone with failover records and health
 * checks), then the one orchestrator runs planned switchovers and unplanned failovers through the AWS adapters.
 */
class AwsFailoverIT {
    private AwsWorld world;
    private AwsFailover failover;

    @BeforeEach
    void createBothRegions() {
        world = new AwsWorld(MotoTest.server());
        failover = AwsFailover.create(world.resources(), world.clients(), MotoTest.timeouts(), Clock.systemUTC(),
                Sleeper.system());
    }

    @AfterEach
    void close() {
        world.close();
    }

    private static FailoverRequest request(FailoverMode mode, boolean allowDataLoss) {
        return new FailoverRequest(ExecutionId.generate(Instant.now()), mode, EAST_1, EAST_2, Duration.ofSeconds(5),
                allowDataLoss, "AwsFailoverIT");
    }

    private List<Step> completed(ExecutionResult result) {
        return result.records().stream().filter(r -> r.type() == RecordType.STEP_COMPLETED).map(ExecutionRecord::step).toList();
    }

    @Test
    void givenHealthyRegions_whenSwitchingOverPlanned_thenAuroraRoutingAndCapacityAllMoveAndTheOldPrimaryIsASecondary() {
        FailoverRequest request = request(FailoverMode.PLANNED, false);

        ExecutionResult result = failover.runtime().orchestrator("test").run(request, false);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.COMPLETED);
        assertThat(completed(result)).isEqualTo(request.plan().steps());
        assertThat(world.isWriter(EAST_2)).isTrue();
        assertThat(failover.ports().database().role(EAST_1)).isEqualTo(DatabaseRole.STANDBY);
        assertThat(failover.ports().traffic().activeRegion()).contains(EAST_2);
        assertThat(detail(result, Step.PROMOTE)).contains("SwitchoverGlobalCluster");
        assertThat(detail(result, Step.MAKE_READY)).contains("scaled from 1 to 4 tasks");
        assertThat(detail(result, Step.VALIDATE)).contains("written in us-east-2");
        assertThat(world.payments()).containsValue("us-east-2");
        assertThat(failover.ports().lease().holder()).isEmpty();
    }

    @Test
    void givenAnAccelerator_whenSwitchingOverPlanned_thenItsDialsMoveWithRoute53() {
        world.addAccelerator();
        AwsFailover accelerated = AwsFailover.create(world.resources(), world.clients(), MotoTest.timeouts(), Clock.systemUTC(),
                Sleeper.system());

        ExecutionResult result = accelerated.runtime().orchestrator("test").run(request(FailoverMode.PLANNED, false), false);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.COMPLETED);
        assertThat(world.trafficDial(EAST_2)).isEqualTo(100.0);
        assertThat(world.trafficDial(EAST_1)).isEqualTo(0.0);
        assertThat(world.primaryRecordRegion()).isEqualTo(EAST_2);
        assertThat(accelerated.ports().traffic().activeRegion()).contains(EAST_2);
        assertThat(detail(result, Step.SWITCH_TRAFFIC)).contains("Global Accelerator dials us-east-2 to 100");
        assertThat(String.join("\n", accelerated.describeNow())).contains("Global Accelerator dials").contains("agree with Route 53");
    }

    @Test
    void givenNoAccelerator_thenTrafficMovesByRoute53Alone() {
        assertThat(world.resources().accelerator()).isEmpty();
        assertThat(failover.ports().traffic()).isInstanceOf(dev.paymentsdr.aws.failover.traffic.Route53Traffic.class);
        assertThat(String.join("\n", failover.describeNow())).contains("no Global Accelerator")
                .doesNotContain("Global Accelerator dials");
    }

    @Test
    void givenARegionOutage_whenFailingOverUnplanned_thenTheGatePassesOnMeasuredLag_andFailoverGlobalClusterPromotes() {
        world.regionOutage(EAST_1);
        FailoverRequest request = request(FailoverMode.UNPLANNED, false);

        ExecutionResult result = failover.runtime().orchestrator("test").run(request, false);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.COMPLETED);
        assertThat(detail(result, Step.GATE_LAG)).contains("within the bound");
        assertThat(detail(result, Step.PROMOTE)).contains("FailoverGlobalCluster (AllowDataLoss)");
        assertThat(world.isWriter(EAST_2)).isTrue();
        assertThat(failover.ports().traffic().activeRegion()).contains(EAST_2);
        assertThat(failover.ports().log().latest()).contains(request.executionId());
    }

    @Test
    void givenALaggingSecondary_whenFailingOverUnplanned_thenTheGateRefusesAndAuroraIsUntouched() {
        world.regionOutage(EAST_1);
        world.setLag(EAST_2, 60_000);

        ExecutionResult result = failover.runtime().orchestrator("test").run(request(FailoverMode.UNPLANNED, false), false);

        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(result.message()).contains("exceeds");
        assertThat(world.isWriter(EAST_1)).isTrue();
        assertThat(failover.ports().traffic().activeRegion()).contains(EAST_1);
    }

    @Test
    void givenACrashBetweenPromoteAndTheTrafficSwitch_whenRerunWithTheSameId_thenItResumesAfterPromote() {
        world.regionOutage(EAST_1);
        FailoverRequest request = request(FailoverMode.UNPLANNED, false);
        FailoverRuntime crashing = failover.runtime().withExecutionLog(log -> new CrashAfter(log, Step.PROMOTE));

        assertThatThrownBy(() -> crashing.orchestrator("crashing process").run(request, false))
                .isInstanceOf(Crash.class);
        assertThat(world.isWriter(EAST_2)).isTrue();
        assertThat(world.primaryRecordRegion()).isEqualTo(EAST_1);

        ExecutionResult resumed = failover.runtime().orchestrator("second process").run(request, false);

        assertThat(resumed.outcome()).as(resumed.message()).isEqualTo(Outcome.COMPLETED);
        List<ExecutionRecord> records = failover.ports().log().read(request.executionId());
        assertThat(records.stream().filter(r -> r.type() == RecordType.STEP_STARTED && r.step() == Step.PROMOTE)).hasSize(1);
        assertThat(records.stream().filter(r -> r.type() == RecordType.STEP_COMPLETED).map(ExecutionRecord::step))
                .isEqualTo(request.plan().steps());
        assertThat(world.primaryRecordRegion()).isEqualTo(EAST_2);
    }

    @Test
    void givenARunningExecution_whenASecondTriggerArrives_thenItIsRefusedNamingTheHolder() {
        ExecutionId running = new ExecutionId("fo-running");
        failover.ports().lease().tryAcquire(running, "pid 1 on host a", Duration.ofMinutes(1));

        ExecutionResult second = failover.runtime().orchestrator("test").run(request(FailoverMode.PLANNED, false), false);

        assertThat(second.outcome()).isEqualTo(Outcome.BUSY);
        assertThat(second.message()).contains("fo-running").contains("pid 1 on host a");
        assertThat(world.isWriter(EAST_1)).isTrue();
        failover.ports().lease().release(running);
    }

    @Test
    void givenAFailover_whenFailingBack_thenTheOldPrimaryIsVerifiedAsSecondaryAndTakesTheWriterBack() {
        world.regionOutage(EAST_1);
        assertThat(failover.runtime().orchestrator("test").run(request(FailoverMode.UNPLANNED, false), false).succeeded()).isTrue();
        world.regionRecovered(EAST_1);

        FailoverRequest back = new FailoverRequest(ExecutionId.generate(Instant.now()), FailoverMode.FAILBACK, EAST_2, EAST_1,
                Duration.ZERO, false, "AwsFailoverIT");
        ExecutionResult result = failover.runtime().orchestrator("test").run(back, false);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.COMPLETED);
        assertThat(detail(result, Step.RESYNC_TARGET)).contains("read-only secondary");
        assertThat(world.isWriter(EAST_1)).isTrue();
        assertThat(failover.ports().traffic().activeRegion()).contains(EAST_1);
        assertThat(FailoverOrchestratorState.of(failover, back.executionId())).isEqualTo(ExecutionState.COMPLETED);
    }

    @Test
    void givenADatabaseOnlyDeployment_whenFailingOverUnplanned_thenItCompletes_validatingTheNewWriterAtTheGlobalEntry() {
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>(world.settings());
        settings.keySet().removeIf(k -> k.endsWith(".ecs-cluster") || k.endsWith(".ecs-service") || k.endsWith(".health-url")
                || k.equals("probe-url"));
        AwsFailover databaseOnly = AwsFailover.create(dev.paymentsdr.aws.failover.config.FailoverResources.parse(settings,
                "database-only world"), world.clients(), MotoTest.timeouts(), Clock.systemUTC(), Sleeper.system());

        ExecutionResult result = databaseOnly.runtime().orchestrator("test").run(request(FailoverMode.UNPLANNED, false), false);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.COMPLETED);
        assertThat(detail(result, Step.MAKE_READY)).contains("nothing to scale").contains("database is the writer");
        assertThat(detail(result, Step.VALIDATE)).contains("us-east-2 (active at the global entry) is the database writer");
        assertThat(world.isWriter(EAST_2)).isTrue();
    }

    @Test
    void theDryRunDescriptionNamesTheResourcesAndEachRegionsStateAndChangesNothing() {
        List<String> lines = failover.describeNow();

        assertThat(String.join("\n", lines)).contains(world.resources().globalClusterId()).contains("(writer)")
                .contains("us-east-1: database primary, service ready").contains("us-east-2: database standby, service not ready")
                .contains("active region at Route 53: us-east-1");
        assertThat(world.isWriter(EAST_1)).isTrue();
    }

    private static String detail(ExecutionResult result, Step step) {
        return result.records().stream().filter(r -> r.type() == RecordType.STEP_COMPLETED && r.step() == step)
                .map(ExecutionRecord::detail).findFirst().orElse("");
    }

    /** The orchestrator's state as the log shows it. */
    private static final class FailoverOrchestratorState {
        static ExecutionState of(AwsFailover failover, ExecutionId id) {
            return dev.paymentsdr.failover.application.FailoverOrchestrator.stateOf(failover.ports().log().read(id));
        }
    }

    /** The process dying: thrown right after a step's completion is durable. */
    private static final class Crash extends RuntimeException {
        Crash() {
            super("simulated crash");
        }
    }

    /** An execution log that "kills the process" once the given step's completion is recorded. */
    private record CrashAfter(ExecutionLog delegate, Step step) implements ExecutionLog {
        @Override
        public void append(ExecutionRecord record) {
            delegate.append(record);
            if (record.type() == RecordType.STEP_COMPLETED && record.step() == step) {
                throw new Crash();
            }
        }

        @Override
        public List<ExecutionRecord> read(ExecutionId executionId) {
            return delegate.read(executionId);
        }

        @Override
        public Optional<ExecutionId> latest() {
            return delegate.latest();
        }
    }
}
