package dev.paymentsdr.infra.constructs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import dev.paymentsdr.infra.spec.AlarmSpec;
import dev.paymentsdr.infra.spec.Threshold;
import software.constructs.Construct;

/**
 * Alerting and dashboards of one region: a KMS-encrypted SNS topic (with an e-mail subscription when an address
 * is given), alarms that notify it, and one dashboard that shows every alarmed metric.
 */
public final class Observability extends Construct {
    private final Topic topic;
    private final Dashboard dashboard;
    private final String namePrefix;
    private final List<Alarm> alarms = new ArrayList<>();

    /** Creates topic and dashboard; alarm and dashboard names start with {@code namePrefix}, the topic is {@code namePrefix-alerts}. */
    public Observability(Construct scope, String id, String namePrefix, IKey key, Optional<String> alertEmail) {
        this(scope, id, namePrefix, namePrefix + "-alerts", key, alertEmail);
    }

    /** Creates topic {@code topicName} and dashboard {@code namePrefix}; alarm names start with {@code namePrefix}. */
    public Observability(Construct scope, String id, String namePrefix, String topicName, IKey key, Optional<String> alertEmail) {
        super(scope, id);
        this.namePrefix = namePrefix;
        topic = Topic.Builder.create(this, "Alerts")
                .topicName(topicName)
                .displayName("payments-dr alerts " + namePrefix)
                .masterKey(key)
                .enforceSsl(true)
                .build();
        alertEmail.ifPresent(email -> topic.addSubscription(new EmailSubscription(email)));
        dashboard = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(namePrefix)
                .defaultInterval(Duration.hours(3))
                .build();
    }

    /**
     * Adds an alarm (and a dashboard graph) that fires when {@code metric} compares to {@code threshold} for
     * {@code periods} consecutive periods; the alarm name is {@code <prefix>-<name>}.
     */
    public Alarm alarm(String name, IMetric metric, double threshold, ComparisonOperator comparison, int periods,
                       TreatMissingData missing, String description) {
        Alarm alarm = Alarm.Builder.create(this, "Alarm-" + name)
                .alarmName(alarmName(name))
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(comparison)
                .evaluationPeriods(periods)
                .datapointsToAlarm(periods)
                .treatMissingData(missing)
                .build();
        alarm.addAlarmAction(new SnsAction(topic));
        alarm.addOkAction(new SnsAction(topic));
        alarms.add(alarm);
        List<IWidget> row = List.of(GraphWidget.Builder.create()
                .title(name)
                .left(List.of(metric))
                .leftAnnotations(List.of(software.amazon.awscdk.services.cloudwatch.HorizontalAnnotation.builder()
                        .value(threshold).label("alarm").build()))
                .width(12)
                .build());
        dashboard.addWidgets(row.toArray(IWidget[]::new));
        return alarm;
    }

    /** Adds a row of graphs without alarms (what an operator looks at first). */
    public void graphs(String title, IMetric... metrics) {
        dashboard.addWidgets(GraphWidget.Builder.create().title(title).left(List.of(metrics)).width(12).build());
    }

    /**
     * Database alarms as {@code spec} asks (global replication lag, CPU, connections) and graphs of connections and
     * queries of this region's cluster.
     */
    public void watchDatabase(GlobalDatabase database, AlarmSpec spec) {
        spec.replicationLag().ifPresent(lag -> alarm("db-replication-lag", database.metric("AuroraGlobalDBReplicationLag"),
                lag.toMilliseconds().doubleValue(), ComparisonOperator.GREATER_THAN_THRESHOLD, 3, TreatMissingData.NOT_BREACHING,
                "Aurora global replication lag into this region above " + lag.toMilliseconds() + " ms; the failover workflow refuses "
                        + "unplanned promotion while this is in ALARM unless allowDataLoss is set."));
        spec.databaseCpuPercent().ifPresent(cpu -> alarm("db-cpu", database.metric("CPUUtilization"), cpu,
                ComparisonOperator.GREATER_THAN_THRESHOLD, 5, TreatMissingData.NOT_BREACHING, "database CPU above " + cpu + " % for 5 minutes"));
        spec.databaseConnections().ifPresent(max -> alarm("db-connections", database.metric("DatabaseConnections"), max,
                ComparisonOperator.GREATER_THAN_THRESHOLD, 5, TreatMissingData.NOT_BREACHING, "database connections above " + max));
        boolean mysql = database.spec().engine() == dev.paymentsdr.infra.config.DatabaseEngineChoice.MYSQL;
        graphs("database connections and queries", database.metric("DatabaseConnections"),
                database.metric(mysql ? "Queries" : "CommitThroughput"));
    }

    /** Service alarms (unhealthy ALB targets, running tasks below the minimum) and graphs of CPU, memory, requests, latency. */
    public void watchService(PaymentService service, AlarmSpec spec) {
        if (spec.unhealthyTargets()) {
            alarm("alb-unhealthy-hosts", service.unhealthyHosts(), 0, ComparisonOperator.GREATER_THAN_THRESHOLD, 3,
                    TreatMissingData.NOT_BREACHING, "payment service targets failing /health behind the ALB");
        }
        if (spec.runningTasksBelowMinimum()) {
            alarm("ecs-running-tasks-below-minimum", service.runningTasks(), service.minTasks(),
                    ComparisonOperator.LESS_THAN_THRESHOLD, 3, TreatMissingData.BREACHING,
                    "fewer payment tasks running than the configured minimum of " + service.minTasks());
        }
        graphs("ECS task CPU and memory utilization", service.cpuUtilization(), service.memoryUtilization());
        graphs("ALB request count and p99 latency", service.requestCount(), service.responseTimeP99());
    }

    /** Function and API alarms as {@code spec} asks (errors, throttles, API p99 latency) and a graph of invocations. */
    public void watchFunctions(PaymentFunctions functions, AlarmSpec spec) {
        spec.functionErrors().ifPresent(t -> alarm("lambda-errors", functions.errors(t.period()), t.value(), comparison(t), 1,
                TreatMissingData.NOT_BREACHING, "payment function errors " + describe(t)));
        spec.functionThrottles().ifPresent(t -> alarm("lambda-throttles", functions.throttles(t.period()), t.value(), comparison(t), 1,
                TreatMissingData.NOT_BREACHING, "payment function throttles " + describe(t)));
        spec.apiLatencyP99().ifPresent(bound -> alarm("api-latency-p99", functions.latencyP99(), bound.toMilliseconds().doubleValue(),
                ComparisonOperator.GREATER_THAN_THRESHOLD, 2, TreatMissingData.NOT_BREACHING,
                "payment API p99 latency above " + bound.toMilliseconds() + " ms"));
        graphs("Lambda invocations", functions.invocations());
    }

    /** Alarms on read and write throttle events of the global table's replica in this region, as {@code spec} asks. */
    public void watchTable(String tableName, AlarmSpec spec) {
        spec.tableReadThrottles().ifPresent(t -> alarm("dynamodb-read-throttle", tableMetric(tableName, "ReadThrottleEvents", t.period()),
                t.value(), comparison(t), 1, TreatMissingData.NOT_BREACHING, "DynamoDB read throttle events " + describe(t)));
        spec.tableWriteThrottles().ifPresent(t -> alarm("dynamodb-write-throttle", tableMetric(tableName, "WriteThrottleEvents", t.period()),
                t.value(), comparison(t), 1, TreatMissingData.NOT_BREACHING, "DynamoDB write throttle events " + describe(t)));
    }

    /** Alarm on S3 replication latency above {@code bound} (the Replication Time Control SLA is 15 minutes). */
    public Alarm watchReplication(ReplicatedBucket bucket, software.amazon.awscdk.Duration bound) {
        return alarm("s3-replication-latency", bucket.replicationLatency(), bound.toSeconds().doubleValue(),
                ComparisonOperator.GREATER_THAN_THRESHOLD, 1, TreatMissingData.NOT_BREACHING,
                "S3 replication to the other region slower than " + bound.toMinutes() + " minutes");
    }

    private static ComparisonOperator comparison(Threshold threshold) {
        return threshold.inclusive() ? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD : ComparisonOperator.GREATER_THAN_THRESHOLD;
    }

    private static String describe(Threshold threshold) {
        return (threshold.inclusive() ? "reached " : "above ") + (long) threshold.value() + " in " + threshold.period().toMinutes() + " minute(s)";
    }

    /** Alarm when Route 53 sees {@code region}'s health check failing for three minutes. */
    public void watchHealthCheck(String region, String healthCheckId) {
        alarm("health-check-" + region, DnsFailover.healthStatus(healthCheckId), 1, ComparisonOperator.LESS_THAN_THRESHOLD, 3,
                TreatMissingData.BREACHING, "Route 53 health check of " + region + " failing: DNS fails over; consider the failover workflow");
    }

    /**
     * Alarm when the outbox relay fails five minutes in a row: payment events then reach neither the bus nor the
     * transaction-log archive, the evidence a reconciliation after a failover rests on (a standby's run succeeds).
     */
    public void watchRelay(OutboxRelayFunction relay) {
        alarm("outbox-relay-errors", relay.function().metricErrors(software.amazon.awscdk.services.cloudwatch.MetricOptions.builder()
                        .period(software.amazon.awscdk.Duration.minutes(1)).statistic("Sum").build()), 0,
                ComparisonOperator.GREATER_THAN_THRESHOLD, 5, TreatMissingData.NOT_BREACHING,
                "the outbox relay failed 5 minutes in a row: payment events and transaction-log objects are pending");
    }

    /** Alarm on messages in a dead-letter queue. */
    public void watchDeadLetters(String name, Metric depth) {
        alarm(name, depth, 0, ComparisonOperator.GREATER_THAN_THRESHOLD, 1, TreatMissingData.NOT_BREACHING,
                "messages in " + name + ": payment work that failed three times");
    }

    /** The alarm name for {@code name}, e.g. for looking the alarm up from the failover workflow. */
    public String alarmName(String name) {
        return namePrefix + "-" + name;
    }

    /** The alert topic. */
    public Topic topic() {
        return topic;
    }

    /** Every alarm created so far. */
    public List<Alarm> alarms() {
        return List.copyOf(alarms);
    }

    private static Metric tableMetric(String tableName, String metricName, software.amazon.awscdk.Duration period) {
        return Metric.Builder.create()
                .namespace("AWS/DynamoDB")
                .metricName(metricName)
                .dimensionsMap(java.util.Map.of("TableName", tableName))
                .statistic("Sum")
                .period(period)
                .build();
    }
}
