package dev.paymentsdr.infra.constructs;

import dev.paymentsdr.contract.Component;
import dev.paymentsdr.contract.Durations;
import dev.paymentsdr.contract.KeyValues;
import dev.paymentsdr.contract.RuntimeVariable;
import dev.paymentsdr.infra.nag.Checkov;
import dev.paymentsdr.infra.nag.Nag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The failover functions of one region, running the one orchestrator of aws-runtime: the failover trigger (which
 * activates this region), and where the blueprint asks for them the health monitor (an EventBridge schedule every
 * minute) and the readiness tester (hourly). Each function's role holds only what its code calls, on the resources of
 * this deployment ({@link Access}); the environment is the runtime contract's ({@link RuntimeVariable}).
 */
public final class FailoverFunctions extends Construct {
    /** Outside a VPC, and why. */
    static final String OUTSIDE_VPC = "The failover functions call AWS APIs of both regions (RDS, Route 53, ECS, CloudWatch, "
            + "DynamoDB, SNS, CloudFormation, Lambda) and each region's public health endpoint; they hold no payment data and "
            + "must work when the other region's network is down, so they run outside a VPC (Route 53 has no VPC endpoint).";
    private static final String ROUTE53 = "arn:" + software.amazon.awscdk.Aws.PARTITION + ":route53:::";
    /**
     * The accelerators of this account: the global stack creates the accelerator after the regional stacks that hold
     * these functions (it fronts their load balancers), so its generated id cannot be named here.
     */
    private static final String ACCELERATORS = "arn:" + software.amazon.awscdk.Aws.PARTITION + ":globalaccelerator::"
            + software.amazon.awscdk.Aws.ACCOUNT_ID + ":accelerator/*";
    /** The trigger's limit: Lambda's longest; a workflow runs the plan in phases below it. */
    static final Duration TRIGGER_TIMEOUT = Duration.minutes(15);
    static final Duration MONITOR_TIMEOUT = Duration.seconds(50);
    static final Duration READINESS_TIMEOUT = Duration.minutes(10);
    /** Each canary may wait this long, so both fit the readiness tester's limit. */
    static final java.time.Duration CANARY_TIMEOUT = java.time.Duration.ofMinutes(4);

    private final Function trigger;
    private final Optional<Function> monitor;
    private final Optional<Function> readiness;
    private final Queue failedEvents;

    private FailoverFunctions(Builder b) {
        super(b.scope, b.id);
        Map<String, String> common = new LinkedHashMap<>();
        common.put(RuntimeVariable.PAYMENTS_FAILOVER_RESOURCES.name(), KeyValues.encode(b.resources));
        common.put(RuntimeVariable.PAYMENTS_FAILOVER_STACKS.name(), KeyValues.encode(b.stacks));
        common.put(RuntimeVariable.POWERTOOLS_METRICS_NAMESPACE.name(), "PaymentsDr");

        trigger = function("Trigger", b.triggerName, Component.FAILOVER_TRIGGER, "failover trigger: runs the orchestrator to "
                + "activate this region", b, environment(common, "failover-trigger", Map.of()), TRIGGER_TIMEOUT, 5);
        failedEvents = Queue.Builder.create(this, "FailedTriggerEvents")
                .encryption(QueueEncryption.KMS).encryptionMasterKey(b.settings.key())
                .enforceSsl(true).retentionPeriod(Duration.days(14)).build();
        Nag.suppress(failedEvents, "AwsSolutions-SQS3", "This queue is itself the destination of trigger events that failed "
                + "every retry; an operator reads it, nothing consumes it.");
        trigger.configureAsyncInvoke(EventInvokeConfigOptions.builder().retryAttempts(2).maxEventAge(Duration.hours(1))
                .onFailure(new SqsDestination(failedEvents)).build());
        Checkov.skip(trigger, "CKV_AWS_116", "Asynchronous trigger events that fail every retry go to the on-failure "
                + "destination queue (EventInvokeConfig) of this construct, which the region's alarms watch.");
        b.access.grantTrigger(trigger);

        monitor = Optional.ofNullable(b.monitor).map(m -> {
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put(RuntimeVariable.PAYMENTS_FAILOVER_TRIGGER_FUNCTION.name(), trigger.getFunctionName());
            extra.put(RuntimeVariable.PAYMENTS_MONITOR_AUTOMATIC.name(), Boolean.toString(m.automatic()));
            m.lagAlert().ifPresent(d -> extra.put(RuntimeVariable.PAYMENTS_MONITOR_LAG_ALERT.name(), Durations.format(d)));
            Function fn = function("Monitor", m.name(), Component.HEALTH_MONITOR, "health monitor: lag, global cluster, "
                    + "readiness of both regions every minute; alerts; automatic failover", b,
                    environment(common, "health-monitor", extra), MONITOR_TIMEOUT, 2);
            b.access.grantMonitor(fn);
            trigger.grantInvoke(fn);
            schedule("MonitorSchedule", fn, Schedule.rate(Duration.minutes(1)), "every minute");
            return fn;
        });

        readiness = Optional.ofNullable(b.readiness).map(r -> {
            Map<String, String> extra = new LinkedHashMap<>();
            r.table().ifPresent(t -> extra.put(RuntimeVariable.PAYMENTS_READINESS_TABLE.name(), t));
            if (!r.buckets().isEmpty()) {
                extra.put(RuntimeVariable.PAYMENTS_READINESS_BUCKETS.name(), KeyValues.encode(r.buckets()));
            }
            extra.put(RuntimeVariable.PAYMENTS_READINESS_REPLICATION_TIMEOUT.name(), Durations.format(CANARY_TIMEOUT));
            Function fn = function("Readiness", r.name(), Component.READINESS_TESTER, "failover readiness test: canaries, "
                    + "both regions' database and API, a dry run of the failover", b, environment(common, "readiness-tester", extra),
                    READINESS_TIMEOUT, 1);
            b.access.grantReadiness(fn);
            schedule("ReadinessSchedule", fn, Schedule.rate(Duration.hours(1)), "hourly");
            return fn;
        });
        for (Function fn : functions()) {
            Checkov.skip(fn, "CKV_AWS_116", "Run by a schedule or invoked synchronously: a failed run is reported by its own "
                    + "alert and replaced by the next scheduled run; the trigger's asynchronous events have their own queue.");
        }
    }

    private static Map<String, String> environment(Map<String, String> common, String service, Map<String, String> extra) {
        Map<String, String> environment = new LinkedHashMap<>(common);
        environment.put(RuntimeVariable.POWERTOOLS_SERVICE_NAME.name(), service);
        environment.putAll(extra);
        return environment;
    }

    private Function function(String id, String name, Component component, String description, Builder b,
                              Map<String, String> environment, Duration timeout, int concurrency) {
        FunctionSettings settings = FunctionSettings.builder().code(b.settings.code()).key(b.settings.key())
                .logRetention(b.settings.logRetention()).environment(environment).build();
        return PaymentFunctions.javaFunction(this, id, name, component.handler(), description, settings, timeout, concurrency,
                false, OUTSIDE_VPC);
    }

    private void schedule(String id, Function target, Schedule schedule, String when) {
        Rule.Builder.create(this, id).description("payments-dr: " + target.getNode().getId() + " " + when)
                .schedule(schedule)
                .targets(List.of(new LambdaFunction(target, LambdaFunctionProps.builder().retryAttempts(0)
                        .maxEventAge(Duration.minutes(1)).build())))
                .build();
    }

    /** The failover trigger. */
    public Function trigger() {
        return trigger;
    }

    /** The health monitor, when the blueprint asks for it. */
    public Optional<Function> monitor() {
        return monitor;
    }

    /** The readiness tester, when the blueprint asks for it. */
    public Optional<Function> readiness() {
        return readiness;
    }

    /** Every function of this construct. */
    public List<Function> functions() {
        List<Function> all = new ArrayList<>(List.of(trigger));
        monitor.ifPresent(all::add);
        readiness.ifPresent(all::add);
        return all;
    }

    /** Where trigger events that failed every retry go. */
    public Queue failedEvents() {
        return failedEvents;
    }

    /** The monitor's name and settings. */
    public record Monitor(String name, boolean automatic, Optional<java.time.Duration> lagAlert) {
    }

    /**
     * The readiness tester's name and what it sends canaries through.
     *
     * @param buckets each region's replicated bucket, by region
     */
    public record Readiness(String name, Optional<String> table, Map<String, String> buckets) {
    }

    /**
     * What the functions may touch: each function gets the statements its code needs, on this deployment's resources.
     * ARNs of the other region are formatted from the names both regions derive from the environment suffix.
     */
    public record Access(String globalClusterArn, List<String> clusterArns, List<String> ecsServiceArns,
                         List<String> stateTableArns, String ownStateTableArn, String ownRegion, List<String> topicArns,
                         List<String> keyArns, String keyAlias, List<String> stackArns, Optional<String> hostedZoneArn,
                         List<String> paymentApiArns, List<String> readinessTableArns, Optional<String> ownBucketArn,
                         List<String> otherBucketArns, boolean accelerator) {
        void grantTrigger(IGrantable fn) {
            read(fn);
            allow(fn, List.of("rds:SwitchoverGlobalCluster", "rds:FailoverGlobalCluster", "rds:RemoveFromGlobalCluster"),
                    concat(List.of(globalClusterArn), clusterArns));
            allow(fn, List.of("route53:UpdateHealthCheck"), List.of(ROUTE53 + "healthcheck/*"));
            hostedZoneArn.ifPresent(zone -> allow(fn, List.of("route53:ChangeResourceRecordSets"), List.of(zone)));
            allow(fn, List.of("route53:GetChange"), List.of(ROUTE53 + "change/*"));
            if (!ecsServiceArns.isEmpty()) {
                allow(fn, List.of("ecs:UpdateService"), ecsServiceArns);
            }
            allow(fn, List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                    "dynamodb:Query"), stateTableArns);
            if (!paymentApiArns.isEmpty()) {
                allow(fn, List.of("execute-api:Invoke"), paymentApiArns);
            }
            if (accelerator) {
                allow(fn, List.of("globalaccelerator:UpdateEndpointGroup"), List.of(ACCELERATORS));
            }
        }

        void grantMonitor(IGrantable fn) {
            read(fn);
            PolicyStatement own = PolicyStatement.Builder.create().effect(Effect.ALLOW)
                    .actions(List.of("dynamodb:GetItem", "dynamodb:PutItem")).resources(List.of(ownStateTableArn))
                    .conditions(Map.of("ForAllValues:StringEquals", Map.of("dynamodb:LeadingKeys", List.of("monitor#" + ownRegion))))
                    .build();
            fn.getGrantPrincipal().addToPrincipalPolicy(own);
        }

        void grantReadiness(IGrantable fn) {
            read(fn);
            if (!readinessTableArns.isEmpty()) {
                fn.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create().effect(Effect.ALLOW)
                        .actions(List.of("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:DeleteItem"))
                        .resources(readinessTableArns)
                        .conditions(Map.of("ForAllValues:StringEquals", Map.of("dynamodb:LeadingKeys", List.of("readiness#canary"))))
                        .build());
            }
            ownBucketArn.ifPresent(own -> allow(fn, List.of("s3:PutObject", "s3:DeleteObject"),
                    List.of(own + "/readiness-canary/*")));
            if (!otherBucketArns.isEmpty()) {
                allow(fn, List.of("s3:GetObject"), otherBucketArns.stream().map(a -> a + "/readiness-canary/*").toList());
            }
        }

        /** What every failover function reads, and the alerts it sends. */
        private void read(IGrantable fn) {
            allow(fn, List.of("rds:DescribeGlobalClusters"), List.of(globalClusterArn));
            allow(fn, List.of("rds:DescribeDBClusters"), clusterArns);
            allow(fn, List.of("cloudwatch:GetMetricStatistics"), List.of("*"));
            allow(fn, List.of("route53:GetHealthCheck"), List.of(ROUTE53 + "healthcheck/*"));
            hostedZoneArn.ifPresent(zone -> allow(fn, List.of("route53:ListResourceRecordSets"), List.of(zone)));
            if (!ecsServiceArns.isEmpty()) {
                allow(fn, List.of("ecs:DescribeServices"), ecsServiceArns);
            }
            allow(fn, List.of("sns:Publish"), topicArns);
            allow(fn, List.of("cloudformation:DescribeStacks"), stackArns);
            if (accelerator) {
                // the traffic port reads the dials and the accelerator's status wherever it says which region is active
                allow(fn, List.of("globalaccelerator:DescribeAccelerator", "globalaccelerator:DescribeEndpointGroup"),
                        List.of(ACCELERATORS));
            }
            // the topics and buckets are encrypted with each region's data key, named by the same alias in both
            fn.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create().effect(Effect.ALLOW)
                    .actions(List.of("kms:GenerateDataKey*", "kms:Decrypt")).resources(keyArns)
                    .conditions(Map.of("ForAnyValue:StringEquals", Map.of("kms:ResourceAliases", List.of("alias/" + keyAlias))))
                    .build());
        }

        private static void allow(IGrantable fn, List<String> actions, List<String> resources) {
            fn.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create().effect(Effect.ALLOW)
                    .actions(actions).resources(resources).build());
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }
    }

    /**
     * Builder of {@link FailoverFunctions}: {@code FailoverFunctions.Builder.create(this, "Failover").settings(s)
     * .trigger(name).resources(pairs).stacks(pairs).access(access)[.monitor(m)][.readiness(r)].build()}.
     */
    public static final class Builder {
        private final Construct scope;
        private final String id;
        private FunctionSettings settings;
        private String triggerName;
        private Map<String, String> resources;
        private Map<String, String> stacks;
        private Access access;
        private Monitor monitor;
        private Readiness readiness;

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /** Starts the functions {@code id} under {@code scope}. */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** Code, key and log retention (functions run outside a VPC: a placement is refused). */
        public Builder settings(FunctionSettings value) { this.settings = value; return this; }
        /** The trigger's function name. */
        public Builder trigger(String name) { this.triggerName = name; return this; }
        /** The resources the environment names ({@code FailoverKeys} keys). */
        public Builder resources(Map<String, String> pairs) { this.resources = new LinkedHashMap<>(pairs); return this; }
        /** The stacks whose outputs name the rest: primary, secondary, global as {@code REGION/STACK}. */
        public Builder stacks(Map<String, String> pairs) { this.stacks = new LinkedHashMap<>(pairs); return this; }
        /** What the functions may touch. */
        public Builder access(Access value) { this.access = value; return this; }
        /** Adds the health monitor. */
        public Builder monitor(Monitor value) { this.monitor = value; return this; }
        /** Adds the readiness tester. */
        public Builder readiness(Readiness value) { this.readiness = value; return this; }

        /** Creates the functions; settings, trigger, resources, stacks and access are required. */
        public FailoverFunctions build() {
            if (settings == null || triggerName == null || resources == null || stacks == null || access == null) {
                throw new IllegalArgumentException("FailoverFunctions " + id + " need settings, trigger, resources, stacks and access");
            }
            if (settings.placement().isPresent()) {
                throw new IllegalArgumentException("the failover functions run outside a VPC: " + OUTSIDE_VPC);
            }
            return new FailoverFunctions(this);
        }
    }
}
