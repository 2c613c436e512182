package dev.paymentsdr.infra.constructs;

import dev.paymentsdr.infra.nag.Nag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.stepfunctions.CatchProps;
import software.amazon.awscdk.services.stepfunctions.Choice;
import software.amazon.awscdk.services.stepfunctions.Condition;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.Fail;
import software.amazon.awscdk.services.stepfunctions.IChainable;
import software.amazon.awscdk.services.stepfunctions.JsonPath;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.Pass;
import software.amazon.awscdk.services.stepfunctions.Result;
import software.amazon.awscdk.services.stepfunctions.RetryProps;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.Succeed;
import software.amazon.awscdk.services.stepfunctions.TaskInput;
import software.amazon.awscdk.services.stepfunctions.Wait;
import software.amazon.awscdk.services.stepfunctions.WaitTime;
import software.amazon.awscdk.services.stepfunctions.tasks.CallAwsService;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.amazon.awscdk.services.stepfunctions.tasks.SnsPublish;
import software.constructs.Construct;

/**
 * The "promote this region" workflow, deployed in every region so that it runs where the takeover happens:
 * check replication lag, switch over (planned) or fail over (unplanned, refused while lag is above the bound unless
 * {@code allowDataLoss} is set), wait until the global cluster reports this region's cluster as writer, scale the
 * service up, point DNS here, validate {@code /health/ready}, notify. Input:
 * {@code {"mode": "switchover" | "failover", "allowDataLoss": true | false}}.
 */
public final class FailoverWorkflow extends Construct {
    private final StateMachine stateMachine;

    private FailoverWorkflow(Builder props) {
        super(props.scope, props.id);
        Stack stack = Stack.of(this);
        String globalClusterArn = "arn:" + stack.getPartition() + ":rds::" + stack.getAccount() + ":global-cluster:"
                + props.globalClusterIdentifier();

        Pass remember = Pass.Builder.create(this, "RememberTarget")
                .comment("the cluster of this region, which becomes the writer")
                .result(Result.fromString(props.targetClusterArn()))
                .resultPath("$.target")
                .build();
        Fail invalidInput = Fail.Builder.create(this, "InvalidInput")
                .error("InvalidInput")
                .cause("input must be {\"mode\": \"switchover\" | \"failover\", \"allowDataLoss\": true | false (optional, failover only)}")
                .build();

        SnsPublish notifyFailure = SnsPublish.Builder.create(this, "NotifyFailure")
                .topic(props.topic())
                .subject("payments-dr: promotion of " + stack.getRegion() + " FAILED")
                .message(TaskInput.fromText(JsonPath.jsonToString(JsonPath.objectAt("$.error"))))
                .resultPath(JsonPath.DISCARD)
                .build();
        notifyFailure.next(Fail.Builder.create(this, "PromotionFailed").error("PromotionFailed")
                .cause("see the execution history and the notification").build());

        CallAwsService describe = sdk("DescribeGlobalCluster", "rds", "describeGlobalClusters",
                "rds:DescribeGlobalClusters", List.of(globalClusterArn),
                Map.of("GlobalClusterIdentifier", props.globalClusterIdentifier()),
                Map.of("members.$", "$.GlobalClusters[0].GlobalClusterMembers"), "$.before", notifyFailure);
        CallAwsService checkLag = sdk("CheckReplicationLag", "cloudwatch", "describeAlarms",
                "cloudwatch:DescribeAlarms", List.of("*"),
                Map.of("AlarmNames", List.of(props.lagAlarmName())),
                Map.of("state.$", "$.MetricAlarms[0].StateValue"), "$.lag", notifyFailure);
        CallAwsService switchover = sdk("SwitchoverGlobalCluster", "rds", "switchoverGlobalCluster",
                "rds:SwitchoverGlobalCluster", props.memberClusterArns(globalClusterArn),
                Map.of("GlobalClusterIdentifier", props.globalClusterIdentifier(),
                        "TargetDbClusterIdentifier", props.targetClusterArn()),
                null, JsonPath.DISCARD, notifyFailure);
        CallAwsService failover = sdk("FailoverGlobalCluster", "rds", "failoverGlobalCluster",
                "rds:FailoverGlobalCluster", props.memberClusterArns(globalClusterArn),
                Map.of("GlobalClusterIdentifier", props.globalClusterIdentifier(),
                        "TargetDbClusterIdentifier", props.targetClusterArn(),
                        "AllowDataLoss", true),
                null, JsonPath.DISCARD, notifyFailure);
        Pass refuse = Pass.Builder.create(this, "RefuseLaggingPromotion")
                .parameters(Map.of("Error", "ReplicationLagAboveBound",
                        "Cause", "replication lag alarm " + props.lagAlarmName()
                                + " is in ALARM; an unplanned failover now loses acknowledged payments. Retry with \"allowDataLoss\": true to accept that."))
                .resultPath("$.error")
                .build();
        refuse.next(notifyFailure);

        Wait waitForWriter = Wait.Builder.create(this, "WaitForWriter")
                .time(WaitTime.duration(Duration.seconds(20))).build();
        CallAwsService describeWriter = sdk("DescribeWriter", "rds", "describeGlobalClusters",
                "rds:DescribeGlobalClusters", List.of(globalClusterArn),
                Map.of("GlobalClusterIdentifier", props.globalClusterIdentifier()),
                Map.of("writers.$", "$.GlobalClusters[0].GlobalClusterMembers[?(@.IsWriter == true)].DbClusterArn"),
                "$.writer", notifyFailure);
        Pass isWriter = Pass.Builder.create(this, "IsTargetWriter")
                .parameters(Map.of("promoted.$", "States.ArrayContains($.writer.writers, $.target)"))
                .resultPath("$.writerCheck")
                .build();

        // Without an ECS service (a serverless design) there is no capacity to raise: promotion goes straight to DNS.
        CallAwsService scaleUp = null;
        CallAwsService scaledUp = null;
        if (props.ecs().isPresent()) {
            Capacity ecs = props.ecs().get();
            String resourceId = "service/" + ecs.clusterName() + "/" + ecs.serviceName();
            CallAwsService raiseMinimum = sdk("RaiseMinimumCapacity", "applicationautoscaling", "registerScalableTarget",
                    "application-autoscaling:RegisterScalableTarget", List.of("*"),
                    Map.of("ServiceNamespace", "ecs", "ResourceId", resourceId, "ScalableDimension", "ecs:service:DesiredCount",
                            "MinCapacity", ecs.scaleTo()),
                    null, JsonPath.DISCARD, notifyFailure);
            CallAwsService updateService = sdk("ScaleUpService", "ecs", "updateService", "ecs:UpdateService",
                    List.of(ecs.serviceArn()),
                    Map.of("Cluster", ecs.clusterName(), "Service", ecs.serviceName(), "DesiredCount", ecs.scaleTo()),
                    null, JsonPath.DISCARD, notifyFailure);
            raiseMinimum.next(updateService);
            scaleUp = raiseMinimum;
            scaledUp = updateService;
        }

        IChainable switchDns;
        if (props.dns().isPresent()) {
            DnsSwitch dns = props.dns().get();
            switchDns = sdk("SwitchDns", "route53", "changeResourceRecordSets", "route53:ChangeResourceRecordSets",
                    List.of("arn:" + stack.getPartition() + ":route53:::hostedzone/" + dns.hostedZoneId()),
                    Map.of("HostedZoneId", dns.hostedZoneId(),
                            "ChangeBatch", Map.of(
                                    "Comment", "payments-dr: primary record now points to " + stack.getRegion(),
                                    "Changes", List.of(Map.of("Action", "UPSERT", "ResourceRecordSet", Map.of(
                                            "Name", dns.recordName(),
                                            "Type", "A",
                                            "SetIdentifier", DnsFailover.PRIMARY_SET_ID,
                                            "Failover", "PRIMARY",
                                            "AliasTarget", Map.of(
                                                    "DNSName", dns.aliasDnsName(),
                                                    "HostedZoneId", dns.aliasHostedZoneId(),
                                                    "EvaluateTargetHealth", true)))))),
                    null, JsonPath.DISCARD, notifyFailure);
        } else {
            switchDns = Pass.Builder.create(this, "NoDnsToSwitch")
                    .comment("synthesized without domainName: clients use this region's endpoints directly").build();
        }

        LambdaInvoke validate = LambdaInvoke.Builder.create(this, "ValidateReadiness")
                .lambdaFunction(props.readinessFunction())
                .payload(TaskInput.fromObject(Map.of(
                        "httpMethod", "GET",
                        "path", "/health/ready",
                        "resource", "/health/ready",
                        "headers", Map.of("User-Agent", "payments-dr-failover-workflow"),
                        "requestContext", Map.of("stage", PaymentFunctions.STAGE, "httpMethod", "GET", "path", "/health/ready"))))
                .resultSelector(Map.of("statusCode.$", "$.Payload.statusCode"))
                .resultPath("$.ready")
                .retryOnServiceExceptions(true)
                .build();
        validate.addCatch(notifyFailure, CatchProps.builder().errors(List.of("States.ALL")).resultPath("$.error").build());
        Wait waitForReady = Wait.Builder.create(this, "WaitForReadiness")
                .time(WaitTime.duration(Duration.seconds(15))).build();
        SnsPublish notifySuccess = SnsPublish.Builder.create(this, "NotifySuccess")
                .topic(props.topic())
                .subject("payments-dr: " + stack.getRegion() + " promoted")
                .message(TaskInput.fromText(JsonPath.format("payments-dr: {} to " + stack.getRegion()
                        + " complete; this region is the writer and /health/ready answers 200.", JsonPath.stringAt("$.mode"))))
                .resultPath(JsonPath.DISCARD)
                .build();

        Choice validInput = Choice.Builder.create(this, "ValidInput?").build();
        Choice mode = Choice.Builder.create(this, "PlannedOrUnplanned?").build();
        Choice writerReady = Choice.Builder.create(this, "TargetIsWriter?").build();
        Choice ready = Choice.Builder.create(this, "Ready?").build();

        validInput
                .when(Condition.and(Condition.isPresent("$.mode"), Condition.or(
                        Condition.stringEquals("$.mode", "switchover"), Condition.stringEquals("$.mode", "failover"))),
                        remember.next(describe).next(checkLag).next(mode))
                .otherwise(invalidInput);
        mode.when(Condition.stringEquals("$.mode", "switchover"), switchover)
                .when(Condition.and(Condition.stringEquals("$.lag.state", "ALARM"), Condition.not(Condition.and(
                        Condition.isPresent("$.allowDataLoss"), Condition.booleanEquals("$.allowDataLoss", true)))), refuse)
                .otherwise(failover);
        switchover.next(waitForWriter);
        failover.next(waitForWriter);
        waitForWriter.next(describeWriter).next(isWriter).next(writerReady);
        if (scaledUp != null) {
            scaledUp.next(switchDns);
        }
        ((software.amazon.awscdk.services.stepfunctions.INextable) switchDns).next(validate);
        validate.next(ready);
        writerReady.when(Condition.booleanEquals("$.writerCheck.promoted", true), scaleUp != null ? scaleUp : switchDns)
                .otherwise(waitForWriter);
        ready.when(Condition.numberEquals("$.ready.statusCode", 200), notifySuccess.next(Succeed.Builder.create(this, "Promoted").build()))
                .otherwise(waitForReady.next(validate));

        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .retention(props.logRetention())
                .encryptionKey(props.key())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .stateMachineName(props.name())
                .definitionBody(DefinitionBody.fromChainable(validInput))
                .timeout(Duration.minutes(10))
                .tracingEnabled(true)
                .logs(LogOptions.builder().destination(logs).level(LogLevel.ALL).includeExecutionData(true).build())
                .build();
        props.key().grant(stateMachine, "kms:GenerateDataKey*", "kms:Decrypt");
        if (props.ecs().isPresent()) {
            stateMachine.addToRolePolicy(PolicyStatement.Builder.create()
                    .actions(List.of("iam:CreateServiceLinkedRole"))
                    .resources(List.of("arn:" + stack.getPartition() + ":iam::" + stack.getAccount()
                            + ":role/aws-service-role/ecs.application-autoscaling.amazonaws.com/*"))
                    .build());
        }
        var policy = stateMachine.getRole().getNode().tryFindChild("DefaultPolicy");
        if (policy != null) {
            dev.paymentsdr.infra.nag.Checkov.skip(policy, "CKV_AWS_111", "The writes on '*' are X-Ray trace segments, CloudWatch Logs "
                    + "delivery and application-autoscaling:RegisterScalableTarget, which have no resource-level permissions; the "
                    + "promotion, ECS, Route 53 and SNS writes are scoped to this design's global cluster, members, service, zone and topic.");
        }
        Nag.suppress(stateMachine, "AwsSolutions-IAM5",
                "cloudwatch:DescribeAlarms and application-autoscaling:RegisterScalableTarget have no resource-level permissions; "
                        + "X-Ray and log delivery need '*'; the rest is scoped to this design's global cluster, member clusters, service and topic.");
    }

    private CallAwsService sdk(String id, String service, String action, String iamAction, List<String> resources,
                               Map<String, Object> parameters, Map<String, Object> selector, String resultPath,
                               IChainable onError) {
        CallAwsService task = CallAwsService.Builder.create(this, id)
                .service(service)
                .action(action)
                .iamAction(iamAction)
                .iamResources(resources)
                .parameters(parameters)
                .resultSelector(selector)
                .resultPath(resultPath)
                .build();
        task.addRetry(RetryProps.builder().errors(List.of("States.TaskFailed")).interval(Duration.seconds(5))
                .maxAttempts(3).backoffRate(2).build());
        task.addCatch(onError, CatchProps.builder().errors(List.of("States.ALL")).resultPath("$.error").build());
        return task;
    }

    /** The state machine. */
    public StateMachine stateMachine() {
        return stateMachine;
    }

    /** The DNS change that sends clients to this region: UPSERT of the PRIMARY failover record. */
    public record DnsSwitch(String hostedZoneId, String recordName, String aliasDnsName, String aliasHostedZoneId) {
    }

    /** The ECS service the workflow scales up once this region is the writer. */
    public record Capacity(String clusterName, String serviceName, String serviceArn, int scaleTo) {
    }

    /**
     * Builder of {@link FailoverWorkflow}: {@code FailoverWorkflow.Builder.create(this, "Failover").name(..)
     * .globalCluster(id, targetClusterArn, memberClusterArnPattern).lagAlarm(name).readiness(fn).notify(topic).key(key)
     * [.scaleUp(capacity)] [.dns(switch)].build()}.
     */
    public static final class Builder {
        private final Construct scope;
        private final String id;
        private String name;
        private String globalClusterIdentifier;
        private String targetClusterArn;
        private String memberClusterArnPattern;
        private String lagAlarmName;
        private Capacity ecs;
        private DnsSwitch dns;
        private IFunction readinessFunction;
        private ITopic topic;
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
        /** The global cluster, this region's cluster (the promotion target) and an ARN pattern matching both regions' clusters. */
        public Builder globalCluster(String identifier, String targetClusterArn, String memberClusterArnPattern) {
            this.globalClusterIdentifier = identifier;
            this.targetClusterArn = targetClusterArn;
            this.memberClusterArnPattern = memberClusterArnPattern;
            return this;
        }
        /** The replication-lag alarm that gates an unplanned failover. */
        public Builder lagAlarm(String alarmName) { this.lagAlarmName = alarmName; return this; }
        /** Scale this ECS service up after promotion (omit for a serverless design). */
        public Builder scaleUp(Capacity value) { this.ecs = value; return this; }
        /** Upsert the PRIMARY record to this region (omit without a domain). */
        public Builder dns(Optional<DnsSwitch> value) { this.dns = value.orElse(null); return this; }
        /** The function invoked with GET /health/ready until it answers 200. */
        public Builder readiness(IFunction function) { this.readinessFunction = function; return this; }
        /** Topic notified of success and failure. */
        public Builder notify(ITopic value) { this.topic = value; return this; }
        /** KMS key of the logs. */
        public Builder key(IKey value) { this.key = value; return this; }
        /** Retention of the execution logs. */
        public Builder logRetention(RetentionDays value) { this.logRetention = value; return this; }

        String name() { return name; }
        String globalClusterIdentifier() { return globalClusterIdentifier; }
        String targetClusterArn() { return targetClusterArn; }
        String lagAlarmName() { return lagAlarmName; }
        Optional<Capacity> ecs() { return Optional.ofNullable(ecs); }
        Optional<DnsSwitch> dns() { return Optional.ofNullable(dns); }
        IFunction readinessFunction() { return readinessFunction; }
        ITopic topic() { return topic; }
        IKey key() { return key; }
        RetentionDays logRetention() { return logRetention; }
        List<String> memberClusterArns(String globalClusterArn) { return List.of(globalClusterArn, memberClusterArnPattern); }

        /** Creates the workflow; everything but scaleUp and dns is required. */
        public FailoverWorkflow build() {
            if (name == null || globalClusterIdentifier == null || lagAlarmName == null || readinessFunction == null
                    || topic == null || key == null) {
                throw new IllegalArgumentException("FailoverWorkflow " + id
                        + " needs name, globalCluster, lagAlarm, readiness, notify and key");
            }
            return new FailoverWorkflow(this);
        }
    }
}
