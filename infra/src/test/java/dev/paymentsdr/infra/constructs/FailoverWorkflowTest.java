package dev.paymentsdr.infra.constructs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paymentsdr.infra.SynthSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Function;

/** The workflow is a thin shell around the failover trigger: phases of one orchestrator execution, no rules of its own. */
class FailoverWorkflowTest {
    private static final String TRIGGER = "arn:aws:lambda:us-west-2:123456789012:function:payments-dr-failover-us-west-2-test";
    private static JsonNode root;
    private static JsonNode states;

    @BeforeAll
    static void build() throws Exception {
        Stack stack = TestStacks.stack("us-west-2");
        FailoverWorkflow.Builder.create(stack, "Failover").name("promote-west")
                .trigger(Function.fromFunctionArn(stack, "Trigger", TRIGGER))
                .key(Key.fromKeyArn(stack, "Key", "arn:aws:kms:us-west-2:123456789012:key/11111111-2222-3333-4444-555555555555"))
                .build();
        Capture definition = new Capture();
        Template.fromStack(stack).hasResourceProperties("AWS::StepFunctions::StateMachine", Match.objectLike(Map.of(
                "StateMachineName", "promote-west", "DefinitionString", definition)));
        root = SynthSupport.definition(definition.asObject());
        states = root.get("States");
    }

    private static String next(String state) {
        return states.get(state).get("Next").asText();
    }

    @Test
    void theSeedsPromoteSwitchDnsValidateAreStatesOfOneExecution_withinTenMinutes() {
        assertThat(root.get("TimeoutSeconds").asInt()).isEqualTo(600);
        assertThat(root.get("StartAt").asText()).isEqualTo("NameExecution");
        assertThat(states.get("NameExecution").get("Parameters").get("executionId.$").asText())
                .isEqualTo("States.Format('sfn-{}', States.UUID())");
        assertThat(states.get("DryRun?").get("Default").asText()).isEqualTo("PromotePhase");
        assertThat(states.get("PromotePhase").get("Parameters").get("runUntil").asText()).isEqualTo("promote");
        assertThat(states.get("PromoteInput").get("Parameters").get("payload.$").asText())
                .isEqualTo("States.JsonMerge($.input, $.phase, false)");
        assertThat(next("PromoteDone")).isEqualTo("SwitchDnsPhase");
        assertThat(states.get("SwitchDnsPhase").get("Parameters").get("runUntil").asText()).isEqualTo("switch-traffic");
        assertThat(next("SwitchDnsDone")).isEqualTo("ValidatePhase");
        assertThat(states.get("ValidatePhase").get("Parameters").has("runUntil")).isFalse();
        assertThat(next("ValidateDone")).isEqualTo("Promoted");
    }

    @Test
    void everyTaskInvokesTheTrigger_andNothingElseActs() {
        List<String> resources = new ArrayList<>();
        states.fields().forEachRemaining(e -> {
            if (e.getValue().get("Type").asText().equals("Task")) {
                resources.add(e.getValue().get("Resource").asText());
                assertThat(e.getValue().get("Parameters").get("FunctionName").asText()).as(e.getKey()).isEqualTo(TRIGGER);
            }
        });
        assertThat(resources).hasSize(4).allMatch(r -> r.endsWith(":states:::lambda:invoke"));
        String definition = root.toString();
        assertThat(definition).doesNotContain("rds:", "route53:", "ecs:", "AllowDataLoss", "ALARM");
    }

    @Test
    void eachPhaseGoesOnWhenTheOrchestratorPaused_waitsWhenTheLeaseIsBusy_andStopsWithItsMessageOtherwise() {
        JsonNode choices = states.get("SwitchDnsOutcome?").get("Choices");
        assertThat(choices.get(0).get("StringEquals").asText()).isEqualTo("PAUSED");
        assertThat(choices.get(0).get("Next").asText()).isEqualTo("SwitchDnsDone");
        assertThat(choices.get(2).get("StringEquals").asText()).isEqualTo("BUSY");
        assertThat(choices.get(2).get("Next").asText()).isEqualTo("SwitchDnsBusy");
        assertThat(next("SwitchDnsBusy")).isEqualTo("SwitchDnsPhase");
        assertThat(states.get("SwitchDnsOutcome?").get("Default").asText()).isEqualTo("FailoverStopped");
        assertThat(states.get("ValidateOutcome?").get("Choices").get(0).get("StringEquals").asText()).isEqualTo("COMPLETED");
        assertThat(states.get("FailoverStopped").get("CausePath").asText()).isEqualTo("$.result.answer.message");
        assertThat(states.get("Promote").get("Catch").get(0).get("ErrorEquals").get(0).asText())
                .isEqualTo(FailoverWorkflow.INVALID_INPUT);
    }

    @Test
    void aDryRunInvokesTheTriggerOnceAndChangesNothing() {
        assertThat(states.get("DryRun?").get("Choices").get(0).get("Next").asText()).isEqualTo("DryRun");
        assertThat(states.get("DryRun").get("Parameters").get("Payload.$").asText()).isEqualTo("$.input");
        assertThat(next("DryRun")).isEqualTo("NothingChanged");
    }
}
