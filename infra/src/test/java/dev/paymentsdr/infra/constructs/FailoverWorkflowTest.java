package dev.paymentsdr.infra.constructs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paymentsdr.infra.SynthSupport;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sns.Topic;

/** The workflow built from plain strings, so that its definition is one JSON string. */
class FailoverWorkflowTest {
    private static final String TARGET = "arn:aws:rds:us-west-2:123456789012:cluster:payments-west";
    private static Template template;
    private static JsonNode states;
    private static Capture definition;

    @BeforeAll
    static void build() throws Exception {
        Stack stack = TestStacks.stack("us-west-2");
        workflow(stack).scaleUp(new FailoverWorkflow.Capacity("cluster-west", "service-west",
                        "arn:aws:ecs:us-west-2:123456789012:service/cluster-west/service-west", 10))
                .dns(Optional.of(new FailoverWorkflow.DnsSwitch("ZZONE", "api.example.com", "west-alb.example.net", "ZALB")))
                .build();
        template = Template.fromStack(stack);
        definition = new Capture();
        template.hasResourceProperties("AWS::StepFunctions::StateMachine", Match.objectLike(Map.of(
                "StateMachineName", "promote-west", "DefinitionString", definition)));
        states = SynthSupport.definition(definition.asObject()).get("States");
    }

    private static FailoverWorkflow.Builder workflow(Stack stack) {
        return FailoverWorkflow.Builder.create(stack, "Failover").name("promote-west")
                .globalCluster("global-payments", TARGET, "arn:aws:rds:*:123456789012:cluster:payments-*")
                .lagAlarm("lag-alarm")
                .readiness(Function.fromFunctionArn(stack, "Fn", "arn:aws:lambda:us-west-2:123456789012:function:api:live"))
                .notify(Topic.fromTopicArn(stack, "Topic", "arn:aws:sns:us-west-2:123456789012:alerts"))
                .key(Key.fromKeyArn(stack, "Key", "arn:aws:kms:us-west-2:123456789012:key/11111111-2222-3333-4444-555555555555"));
    }

    @Test
    void withoutAnEcsServiceTheWorkflowGoesFromPromotionStraightToDnsAndValidation() throws Exception {
        Stack stack = TestStacks.stack("us-west-2");
        workflow(stack).build();
        Capture serverless = new Capture();
        Template.fromStack(stack).hasResourceProperties("AWS::StepFunctions::StateMachine", Match.objectLike(Map.of(
                "DefinitionString", serverless)));
        JsonNode serverlessStates = SynthSupport.definition(serverless.asObject()).get("States");
        assertThat(serverlessStates.has("ScaleUpService")).isFalse();
        assertThat(serverlessStates.get("TargetIsWriter?").get("Choices").get(0).get("Next").asText()).isEqualTo("NoDnsToSwitch");
        assertThat(serverlessStates.get("NoDnsToSwitch").get("Next").asText()).isEqualTo("ValidateReadiness");
    }

    @Test
    void theDefinitionIsBoundedToTenMinutesAndStartsByValidatingTheInput() throws Exception {
        JsonNode root = SynthSupport.definition(definition.asObject());
        assertThat(root.get("TimeoutSeconds").asInt()).isEqualTo(600);
        assertThat(root.get("StartAt").asText()).isEqualTo("ValidInput?");
        assertThat(states.get("InvalidInput").get("Type").asText()).isEqualTo("Fail");
    }

    @Test
    void plannedRunsSwitchOverAndUnplannedRunsFailOverWithDataLossOnlyPastTheLagGate() {
        JsonNode switchover = states.get("SwitchoverGlobalCluster");
        assertThat(switchover.get("Resource").asText()).endsWith(":states:::aws-sdk:rds:switchoverGlobalCluster");
        assertThat(switchover.get("Parameters").get("GlobalClusterIdentifier").asText()).isEqualTo("global-payments");
        assertThat(switchover.get("Parameters").get("TargetDbClusterIdentifier").asText()).isEqualTo(TARGET);
        JsonNode failover = states.get("FailoverGlobalCluster");
        assertThat(failover.get("Resource").asText()).endsWith(":states:::aws-sdk:rds:failoverGlobalCluster");
        assertThat(failover.get("Parameters").get("TargetDbClusterIdentifier").asText()).isEqualTo(TARGET);
        assertThat(failover.get("Parameters").get("AllowDataLoss").asBoolean()).isTrue();
        JsonNode choices = states.get("PlannedOrUnplanned?").get("Choices");
        assertThat(choices.get(0).get("Next").asText()).isEqualTo("SwitchoverGlobalCluster");
        assertThat(choices.get(1).get("Next").asText()).isEqualTo("RefuseLaggingPromotion");
        assertThat(choices.get(1).toString()).contains("\"StringEquals\":\"ALARM\"", "allowDataLoss");
        assertThat(states.get("PlannedOrUnplanned?").get("Default").asText()).isEqualTo("FailoverGlobalCluster");
        assertThat(states.get("CheckReplicationLag").get("Parameters").get("AlarmNames").get(0).asText()).isEqualTo("lag-alarm");
    }

    @Test
    void afterPromotionItScalesSwitchesDnsValidatesReadinessAndNotifies() {
        assertThat(states.get("IsTargetWriter").get("Parameters").get("promoted.$").asText())
                .isEqualTo("States.ArrayContains($.writer.writers, $.target)");
        assertThat(states.get("TargetIsWriter?").get("Default").asText()).isEqualTo("WaitForWriter");
        assertThat(states.get("RaiseMinimumCapacity").get("Parameters").get("MinCapacity").asInt()).isEqualTo(10);
        assertThat(states.get("ScaleUpService").get("Parameters").get("DesiredCount").asInt()).isEqualTo(10);
        assertThat(states.get("ScaleUpService").get("Next").asText()).isEqualTo("SwitchDns");
        assertThat(states.get("SwitchDns").get("Next").asText()).isEqualTo("ValidateReadiness");
        assertThat(states.get("ValidateReadiness").get("Parameters").get("Payload").get("path").asText()).isEqualTo("/health/ready");
        assertThat(states.get("Ready?").get("Choices").get(0).get("NumericEquals").asInt()).isEqualTo(200);
        assertThat(states.get("NotifySuccess").get("Resource").asText()).endsWith(":states:::sns:publish");
    }

    @Test
    void everyTaskRetriesAndFailuresAreCaughtIntoANotification() {
        List<String> tasks = List.of("DescribeGlobalCluster", "CheckReplicationLag", "SwitchoverGlobalCluster",
                "FailoverGlobalCluster", "DescribeWriter", "RaiseMinimumCapacity", "ScaleUpService", "SwitchDns", "ValidateReadiness");
        for (String task : tasks) {
            assertThat(states.get(task).has("Retry")).as(task + " retries").isTrue();
            assertThat(states.get(task).get("Catch").get(0).get("Next").asText()).as(task + " catch").isEqualTo("NotifyFailure");
        }
        assertThat(states.get("NotifyFailure").get("Next").asText()).isEqualTo("PromotionFailed");
    }

    @Test
    void theRoleMayPromoteOnlyThisDesignsClusters() {
        Capture statements = new Capture();
        template.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", statements)))));
        for (String action : List.of("rds:FailoverGlobalCluster", "rds:SwitchoverGlobalCluster")) {
            String promote = statements.asArray().stream().map(Object::toString)
                    .filter(s -> s.contains(action)).findFirst().orElseThrow();
            assertThat(promote).contains("arn:aws:rds:*:123456789012:cluster:payments-*",
                    "arn:aws:rds::123456789012:global-cluster:global-payments").doesNotContain("Resource=*");
        }
    }
}
