package dev.paymentsdr.infra.constructs;

import dev.paymentsdr.infra.nag.Nag;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.stepfunctions.CatchProps;
import software.amazon.awscdk.services.stepfunctions.Choice;
import software.amazon.awscdk.services.stepfunctions.Condition;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.Fail;
import software.amazon.awscdk.services.stepfunctions.JsonPath;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.Pass;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.Succeed;
import software.amazon.awscdk.services.stepfunctions.TaskInput;
import software.amazon.awscdk.services.stepfunctions.Wait;
import software.amazon.awscdk.services.stepfunctions.WaitTime;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.constructs.Construct;

/**
 * The "promote this region" workflow: a thin shell around the failover trigger of its region, so the seeds'
 * "promote -> switch DNS -> validate" shows as states while the one orchestrator decides everything (lag gate,
 * fencing, ordering, lease, execution log). A first state names the orchestrator's execution; each phase invokes the
 * trigger with that execution id and the step to stop after, and the next phase continues the same execution. Input:
 * the trigger's ({@code {"mode": "planned" | "unplanned" | "failback", "allowDataLoss": .., "maxLag": .., "dryRun": ..}}).
 */
public final class FailoverWorkflow extends Construct {
    /** The seeds' limit for the whole promotion. */
    public static final Duration TIMEOUT = Duration.minutes(10);
    /** The trigger's error for an input it refuses (nothing was done). */
    static final String INVALID_INPUT = "dev.paymentsdr.aws.lambda.failover.trigger.TriggerInput$InvalidTriggerInputException";

    private final StateMachine stateMachine;

    private FailoverWorkflow(Builder b) {
        super(b.scope, b.id);
        Pass name = Pass.Builder.create(this, "NameExecution")
                .comment("one orchestrator execution for the whole workflow: every phase continues it")
                .parameters(Map.of("input.$", "$", "executionId.$", "States.Format('sfn-{}', States.UUID())"))
                .build();
        Fail invalid = Fail.Builder.create(this, "InvalidInput").error("InvalidInput")
                .causePath(JsonPath.stringAt("$.error.Cause")).build();
        Fail stopped = Fail.Builder.create(this, "FailoverStopped").error("FailoverStopped")
                .causePath(JsonPath.stringAt("$.result.answer.message")).build();

        LambdaInvoke dryRun = invoke("DryRun", b.trigger, "$.input", "$.result", invalid);
        Choice isDryRun = Choice.Builder.create(this, "DryRun?").build();
        isDryRun.when(Condition.and(Condition.isPresent("$.input.dryRun"), Condition.booleanEquals("$.input.dryRun", true)),
                dryRun.next(Succeed.Builder.create(this, "NothingChanged").comment("a dry run changes nothing").build()));

        Phase promote = phase("Promote", "promote", b.trigger, invalid, stopped, true);
        Phase switchDns = phase("SwitchDns", "switch-traffic", b.trigger, invalid, stopped, false);
        Phase validate = phase("Validate", null, b.trigger, invalid, stopped, false);
        promote.done().next(switchDns.start());
        switchDns.done().next(validate.start());
        validate.done().next(Succeed.Builder.create(this, "Promoted").comment("the orchestrator completed the execution").build());
        isDryRun.otherwise(promote.start());

        LogGroup logs = LogGroup.Builder.create(this, "Logs").retention(b.logRetention).encryptionKey(b.key)
                .removalPolicy(RemovalPolicy.DESTROY).build();
        stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .stateMachineName(b.name)
                .definitionBody(DefinitionBody.fromChainable(name.next(isDryRun)))
                .timeout(TIMEOUT)
                .tracingEnabled(true)
                .logs(LogOptions.builder().destination(logs).level(LogLevel.ALL).includeExecutionData(true).build())
                .build();
        b.key.grant(stateMachine, "kms:GenerateDataKey*", "kms:Decrypt");
        Nag.suppress(stateMachine, "AwsSolutions-IAM5", "lambda:InvokeFunction on the trigger's versions (':*', added by the "
                + "CDK's LambdaInvoke) and X-Ray segments and log delivery, which have no resource-level permissions.");
    }

    /** A phase's entry and its exit (when the orchestrator stopped where asked, or finished). */
    private record Phase(Pass start, Pass done) {
    }

    /**
     * A phase: the trigger runs the execution until {@code stopAfter} (to the end when null). A busy lease waits and
     * tries again; a refusal or failure ends the workflow with the orchestrator's message.
     */
    private Phase phase(String id, String stopAfter, IFunction trigger, Fail invalid, Fail stopped, boolean first) {
        Pass payload = Pass.Builder.create(this, id + "Input")
                .parameters(first ? Map.of("payload.$", "States.JsonMerge($.input, $.phase, false)")
                        : Map.of("payload.$", "$.phase"))
                .resultPath("$.call").build();
        Pass phase = Pass.Builder.create(this, id + "Phase")
                .parameters(stopAfter == null ? Map.of("executionId.$", "$.executionId")
                        : Map.of("executionId.$", "$.executionId", "runUntil", stopAfter))
                .resultPath("$.phase").build();
        LambdaInvoke call = invoke(id, trigger, "$.call.payload", "$.result", invalid);
        Pass done = Pass.Builder.create(this, id + "Done").comment(id + " finished").build();
        Wait busy = Wait.Builder.create(this, id + "Busy").comment("another execution holds the lease")
                .time(WaitTime.duration(Duration.seconds(30))).build();
        Choice outcome = Choice.Builder.create(this, id + "Outcome?").build();
        outcome.when(Condition.stringEquals("$.result.answer.outcome", stopAfter == null ? "COMPLETED" : "PAUSED"), done)
                .when(Condition.stringEquals("$.result.answer.outcome", "COMPLETED"), done)
                .when(Condition.stringEquals("$.result.answer.outcome", "BUSY"), busy.next(phase))
                .otherwise(stopped);
        phase.next(payload).next(call).next(outcome);
        return new Phase(phase, done);
    }

    private LambdaInvoke invoke(String id, IFunction trigger, String payloadPath, String resultPath, Fail invalid) {
        LambdaInvoke call = LambdaInvoke.Builder.create(this, id)
                .comment("the failover trigger of this region")
                .lambdaFunction(trigger)
                .payload(TaskInput.fromJsonPathAt(payloadPath))
                .resultSelector(Map.of("answer.$", "$.Payload"))
                .resultPath(resultPath)
                .retryOnServiceExceptions(true)
                .taskTimeout(software.amazon.awscdk.services.stepfunctions.Timeout.duration(TIMEOUT))
                .build();
        call.addCatch(invalid, CatchProps.builder().errors(List.of(INVALID_INPUT)).resultPath("$.error").build());
        return call;
    }

    /** The state machine. */
    public StateMachine stateMachine() {
        return stateMachine;
    }

    /** Builder of {@link FailoverWorkflow}: {@code FailoverWorkflow.Builder.create(this, "Workflow").name(..).trigger(fn).key(key).build()}. */
    public static final class Builder {
        private final Construct scope;
        private final String id;
        private String name;
        private IFunction trigger;
        private IKey key;
        private RetentionDays logRetention = RetentionDays.ONE_YEAR;

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /** Starts the workflow {@code id} under {@code scope}. */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** State machine name. */
        public Builder name(String value) { this.name = value; return this; }
        /** The failover trigger of this region, which the workflow runs. */
        public Builder trigger(IFunction value) { this.trigger = value; return this; }
        /** KMS key of the logs. */
        public Builder key(IKey value) { this.key = value; return this; }
        /** Retention of the execution logs. */
        public Builder logRetention(RetentionDays value) { this.logRetention = value; return this; }

        /** Creates the workflow; name, trigger and key are required. */
        public FailoverWorkflow build() {
            if (name == null || trigger == null || key == null) {
                throw new IllegalArgumentException("FailoverWorkflow " + id + " needs name, trigger and key");
            }
            return new FailoverWorkflow(this);
        }
    }
}
