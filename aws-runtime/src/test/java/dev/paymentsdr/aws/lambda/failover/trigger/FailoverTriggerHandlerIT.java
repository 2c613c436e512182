package dev.paymentsdr.aws.lambda.failover.trigger;

import static dev.paymentsdr.aws.failover.testing.AwsWorld.EAST_1;
import static dev.paymentsdr.aws.failover.testing.AwsWorld.EAST_2;
import static dev.paymentsdr.aws.lambda.failover.FunctionEvents.invoke;
import static dev.paymentsdr.aws.lambda.failover.FunctionEvents.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.aws.failover.AwsFailover;
import dev.paymentsdr.aws.failover.testing.AwsWorld;
import dev.paymentsdr.aws.failover.testing.MotoTest;
import dev.paymentsdr.aws.lambda.failover.CapturedMetrics;
import dev.paymentsdr.aws.lambda.failover.LambdaTestContext;
import dev.paymentsdr.aws.lambda.failover.SettingsReader.InvalidFunctionSettingsException;
import dev.paymentsdr.aws.lambda.failover.trigger.TriggerInput.InvalidTriggerInputException;
import dev.paymentsdr.failover.application.Sleeper;
import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.domain.model.ExecutionResult;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.RecordType;
import dev.paymentsdr.failover.domain.model.Step;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The failover trigger function against moto: the test events a caller sends ({@code aws lambda invoke}, the
 * monitor, the workflow's tasks) run the one orchestrator with the AWS adapters in the region being activated.
 */
class FailoverTriggerHandlerIT {
    private AwsWorld world;
    private AwsFailover failover;
    private CapturedMetrics metrics;
    private FailoverTriggerHandler trigger;

    @BeforeEach
    void createBothRegions() {
        world = new AwsWorld(MotoTest.server());
        failover = AwsFailover.create(world.resources(), world.clients(), MotoTest.timeouts(), Clock.systemUTC(), Sleeper.system());
        metrics = new CapturedMetrics();
        trigger = handlerIn(world.functionEnvironment(EAST_2));
    }

    private FailoverTriggerHandler handlerIn(Map<String, String> environment) {
        return new FailoverTriggerHandler(environment, world.clients(), MotoTest.timeouts(), Clock.systemUTC(), Sleeper.system(),
                metrics.metrics("failover-trigger"));
    }

    @AfterEach
    void close() {
        world.close();
    }

    @SuppressWarnings("unchecked")
    private static List<String> steps(Map<String, Object> answer) {
        return (List<String>) answer.get("completedSteps");
    }

    private static List<String> labels(List<Step> steps) {
        return steps.stream().map(Step::label).toList();
    }

    @Test
    void givenHealthyRegions_whenAPlannedSwitchoverIsTriggered_thenItCompletesAndTheSecondaryServes() {
        Map<String, Object> answer = invoke(trigger, read("failover-trigger-planned.json"), LambdaTestContext.of("trigger"));

        assertThat(answer).containsEntry("outcome", "COMPLETED").containsEntry("state", "COMPLETED")
                .containsEntry("mode", "planned").containsEntry("fromRegion", "us-east-1").containsEntry("toRegion", "us-east-2")
                .containsEntry("resumed", false);
        assertThat(steps(answer)).isEqualTo(labels(
                dev.paymentsdr.failover.domain.model.Plan.of(FailoverMode.PLANNED, EAST_1, EAST_2).steps()));
        assertThat(world.isWriter(EAST_2)).isTrue();
        assertThat(failover.ports().traffic().activeRegion()).contains(EAST_2);
        assertThat(world.payments()).containsValue("us-east-2");
        assertThat(metrics.last("FailoverTriggered", Map.of("Mode", "planned", "Outcome", "COMPLETED"))).contains(1.0);
        assertThat(failover.ports().log().read(new ExecutionId((String) answer.get("executionId"))).get(0).request().requestedBy())
                .isEqualTo("ops@example.com (aws lambda invoke)");
    }

    @Test
    void givenARegionOutage_whenAnUnplannedFailoverIsTriggered_thenTheGatePassesAndItCompletes() {
        world.regionOutage(EAST_1);

        Map<String, Object> answer = invoke(trigger, read("failover-trigger-unplanned.json"), LambdaTestContext.of("trigger"));

        assertThat(answer).as(String.valueOf(answer.get("message"))).containsEntry("outcome", "COMPLETED")
                .containsEntry("mode", "unplanned");
        assertThat(steps(answer)).contains("gate-lag", "fence", "promote", "switch-traffic", "validate");
        assertThat(world.isWriter(EAST_2)).isTrue();
        assertThat(failover.ports().traffic().activeRegion()).contains(EAST_2);
    }

    @Test
    void givenTheSameEventRetriedByLambda_thenTheSameExecutionIsResumed_andNothingRunsTwice() {
        world.regionOutage(EAST_1);
        LambdaTestContext first = LambdaTestContext.of("trigger");
        Map<String, Object> done = invoke(trigger, read("failover-trigger-unplanned.json"), first);

        Map<String, Object> retried = invoke(trigger, read("failover-trigger-unplanned.json"), first.retry());

        assertThat(retried.get("executionId")).isEqualTo(done.get("executionId")).isEqualTo("fo-" + first.awsRequestId());
        assertThat(retried).containsEntry("outcome", "COMPLETED").containsEntry("resumed", true);
        assertThat((String) retried.get("message")).contains("had already completed");
        List<ExecutionRecord> records = failover.ports().log().read(new ExecutionId((String) done.get("executionId")));
        assertThat(records).filteredOn(r -> r.type() == RecordType.STEP_STARTED && r.step() == Step.PROMOTE).hasSize(1);
    }

    @Test
    void givenAnInvocationThatDiedAfterPromote_whenLambdaRetriesTheEvent_thenTheRetryWaitsOutItsLeaseAndResumesAfterPromote() {
        world.regionOutage(EAST_1);
        LambdaTestContext killed = LambdaTestContext.of("trigger");
        ExecutionId id = new ExecutionId("fo-" + killed.awsRequestId());
        FailoverRequest request = new FailoverRequest(id, FailoverMode.UNPLANNED, EAST_1, EAST_2, Duration.ofSeconds(5), false, "test");
        ExecutionResult promoted = failover.runtime().orchestrator("killed invocation").runUntil(request, false, Step.PROMOTE);
        assertThat(promoted.state().name()).isEqualTo("PROMOTED");
        // the killed invocation never released its lease: it runs out by itself
        failover.ports().lease().tryAcquire(id, "lambda trigger request " + killed.awsRequestId() + " (killed)", Duration.ofSeconds(2));

        Map<String, Object> retried = invoke(trigger, read("failover-trigger-unplanned.json"), killed.retry());

        assertThat(retried).as(String.valueOf(retried.get("message"))).containsEntry("outcome", "COMPLETED")
                .containsEntry("resumed", true);
        List<ExecutionRecord> records = failover.ports().log().read(id);
        assertThat(records).filteredOn(r -> r.type() == RecordType.STEP_STARTED && r.step() == Step.PROMOTE).hasSize(1);
        assertThat(world.primaryRecordRegion()).isEqualTo(EAST_2);
        assertThat(failover.ports().lease().holder()).isEmpty();
    }

    @Test
    void givenAnotherExecutionHoldingTheLease_whenTriggered_thenItIsRefusedNamingTheHolder_andNothingChanges() {
        ExecutionId running = new ExecutionId("fo-operator");
        failover.ports().lease().tryAcquire(running, "drctl failover by ops", Duration.ofMinutes(1));

        Map<String, Object> answer = invoke(trigger, read("failover-trigger-planned.json"), LambdaTestContext.of("trigger"));

        assertThat(answer).containsEntry("outcome", "BUSY");
        assertThat((String) answer.get("message")).contains("fo-operator").contains("drctl failover by ops");
        assertThat(world.isWriter(EAST_1)).isTrue();
        failover.ports().lease().release(running);
    }

    @Test
    void givenTheWorkflowsPhases_thenEachTaskStopsAfterItsStep_andTheSameExecutionContinues() {
        world.regionOutage(EAST_1);
        String id = "sfn-" + world.name();
        Map<String, Object> promote = invoke(trigger, read("failover-trigger-workflow-promote.json",
                e -> e.put("executionId", id)), LambdaTestContext.of("trigger"));

        assertThat(promote).containsEntry("executionId", id).containsEntry("outcome", "PAUSED").containsEntry("state", "PROMOTED")
                .containsEntry("nextStep", "make-ready");
        assertThat(world.isWriter(EAST_2)).isTrue();
        assertThat(world.primaryRecordRegion()).isEqualTo(EAST_1);

        Map<String, Object> dns = invoke(trigger, read("failover-trigger-workflow-promote.json",
                e -> e.put("executionId", id).put("runUntil", "switch-traffic")), LambdaTestContext.of("trigger"));
        assertThat(dns).containsEntry("outcome", "PAUSED").containsEntry("state", "TRAFFIC_SWITCHED").containsEntry("resumed", true);
        assertThat(world.primaryRecordRegion()).isEqualTo(EAST_2);

        Map<String, Object> validate = invoke(trigger, read("failover-trigger-workflow-promote.json",
                e -> e.put("executionId", id).remove("runUntil")), LambdaTestContext.of("trigger"));
        assertThat(validate).containsEntry("outcome", "COMPLETED");
        assertThat(steps(validate)).endsWith("validate", "notify");
    }

    @Test
    void aDryRunSaysWhatItWouldDoAndChangesNothing() {
        Map<String, Object> answer = invoke(trigger, read("failover-trigger-dry-run.json"), LambdaTestContext.of("trigger"));

        assertThat(answer).containsEntry("dryRun", true).containsEntry("wouldProceed", true).containsEntry("toRegion", "us-east-2");
        assertThat(answer.get("findings").toString()).contains("assess:").contains("gate-lag:");
        assertThat(answer.get("resources").toString()).contains(world.resources().globalClusterId());
        assertThat(world.isWriter(EAST_1)).isTrue();
        assertThat(failover.ports().log().latest()).isEmpty();
    }

    @Test
    void givenABadInput_thenEveryProblemIsNamed_andNothingIsDone() {
        assertThatThrownBy(() -> invoke(trigger, read("failover-trigger-invalid.json"), LambdaTestContext.of("trigger")))
                .isInstanceOf(InvalidTriggerInputException.class)
                .hasMessageContaining("unknown field 'region'").hasMessageContaining("mode: 'sideways' is not one of planned")
                .hasMessageContaining("allowDataLoss: must be true or false").hasMessageContaining("maxLag must be a whole number");
        assertThatThrownBy(() -> invoke(trigger, "[1]", LambdaTestContext.of("trigger")))
                .hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> invoke(trigger, read("failover-trigger-planned.json", e -> e.put("targetRegion", "us-east-1")),
                LambdaTestContext.of("trigger"))).hasMessageContaining("runs in us-east-2 and activates only us-east-2");
        assertThatThrownBy(() -> invoke(trigger, read("failover-trigger-planned.json", e -> e.put("runUntil", "gate-lag")),
                LambdaTestContext.of("trigger"))).hasMessageContaining("has no step 'gate-lag'");
        assertThatThrownBy(() -> invoke(handlerIn(world.functionEnvironment(EAST_1)), read("failover-trigger-planned.json"),
                LambdaTestContext.of("trigger"))).hasMessageContaining("us-east-1 is already the active region");
        assertThat(world.isWriter(EAST_1)).isTrue();
        assertThat(failover.ports().log().latest()).isEmpty();
    }

    @Test
    void givenABadEnvironment_thenTheFunctionCannotStart_andOneErrorListsEveryProblem() {
        Map<String, String> environment = new HashMap<>(world.functionEnvironment(EAST_2));
        environment.remove("AWS_REGION");
        environment.put("PAYMENTS_FAILOVER_MAX_LAG", "soon");
        environment.put("PAYMENTS_TABLE", "sessions");
        environment.put("PAYMENTS_FAILOVER_RESOURCES", environment.get("PAYMENTS_FAILOVER_RESOURCES").replace("global-cluster=", "global-clusterX="));

        assertThatThrownBy(() -> handlerIn(environment)).isInstanceOf(InvalidFunctionSettingsException.class)
                .hasMessageContaining("failover trigger cannot start")
                .hasMessageContaining("AWS_REGION is not set").hasMessageContaining("PAYMENTS_FAILOVER_MAX_LAG must be")
                .hasMessageContaining("PAYMENTS_TABLE is not read by the failover trigger")
                .hasMessageContaining("global-cluster: missing");
    }
}
