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
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
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

    /** Creates topic and dashboard; alarm names start with {@code namePrefix}. */
    public Observability(Construct scope, String id, String namePrefix, IKey key, Optional<String> alertEmail) {
        super(scope, id);
        this.namePrefix = namePrefix;
        topic = Topic.Builder.create(this, "Alerts")
                .topicName(namePrefix + "-alerts")
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

    /** Database alarms: global replication lag, CPU and connections of this region's cluster. */
    public void watchDatabase(GlobalDatabase database, Duration lagBound, int maxConnections) {
        alarm("db-replication-lag", database.metric("AuroraGlobalDBReplicationLag"), lagBound.toMilliseconds().doubleValue(),
                ComparisonOperator.GREATER_THAN_THRESHOLD, 3, TreatMissingData.NOT_BREACHING,
                "Aurora global replication lag into this region above the RPO bound; the failover workflow refuses unplanned promotion while this is in ALARM unless allowDataLoss is set.");
        alarm("db-cpu", database.metric("CPUUtilization"), 80, ComparisonOperator.GREATER_THAN_THRESHOLD, 5,
                TreatMissingData.NOT_BREACHING, "database CPU above 80% for 5 minutes");
        alarm("db-connections", database.metric("DatabaseConnections"), maxConnections,
                ComparisonOperator.GREATER_THAN_THRESHOLD, 5, TreatMissingData.NOT_BREACHING,
                "database connections above " + maxConnections);
    }

    /** Service alarms: unhealthy ALB targets and running tasks below the minimum. */
    public void watchService(PaymentService service) {
        alarm("alb-unhealthy-hosts", service.unhealthyHosts(), 0, ComparisonOperator.GREATER_THAN_THRESHOLD, 3,
                TreatMissingData.NOT_BREACHING, "payment service targets failing /health behind the ALB");
        alarm("ecs-running-tasks-below-minimum", service.runningTasks(), service.minTasks(),
                ComparisonOperator.LESS_THAN_THRESHOLD, 3, TreatMissingData.BREACHING,
                "fewer payment tasks running than the configured minimum of " + service.minTasks());
    }

    /** Function and API alarms: Lambda errors and throttles, API p99 latency. */
    public void watchFunctions(PaymentFunctions functions, Duration latencyBound) {
        alarm("lambda-errors", functions.errors(), 5, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1,
                TreatMissingData.NOT_BREACHING, "payment API function errors: 5 or more in a minute");
        alarm("lambda-throttles", functions.throttles(), 5, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1,
                TreatMissingData.NOT_BREACHING, "payment API function throttles: 5 or more in a minute");
        alarm("api-latency-p99", functions.latencyP99(), latencyBound.toMilliseconds().doubleValue(),
                ComparisonOperator.GREATER_THAN_THRESHOLD, 2, TreatMissingData.NOT_BREACHING,
                "payment API p99 latency above " + latencyBound.toMilliseconds() + " ms");
    }

    /** Alarm on read plus write throttle events of the global table's replica in this region. */
    public void watchTable(String tableName) {
        MathExpression throttles = MathExpression.Builder.create()
                .expression("reads + writes")
                .usingMetrics(java.util.Map.of(
                        "reads", tableMetric(tableName, "ReadThrottleEvents"),
                        "writes", tableMetric(tableName, "WriteThrottleEvents")))
                .label("DynamoDB throttle events")
                .period(Duration.minutes(5))
                .build();
        alarm("dynamodb-throttles", throttles, 10, ComparisonOperator.GREATER_THAN_THRESHOLD, 1,
                TreatMissingData.NOT_BREACHING, "DynamoDB throttle events above 10 in 5 minutes");
    }

    /** Alarm on S3 replication latency above the 15-minute Replication Time Control SLA. */
    public void watchReplication(ReplicatedBucket bucket) {
        alarm("s3-replication-latency", bucket.replicationLatency(), 900, ComparisonOperator.GREATER_THAN_THRESHOLD, 1,
                TreatMissingData.NOT_BREACHING, "S3 replication to the other region slower than 15 minutes");
    }

    /** Alarm when Route 53 sees {@code region}'s health check failing for three minutes. */
    public void watchHealthCheck(String region, String healthCheckId) {
        alarm("health-check-" + region, DnsFailover.healthStatus(healthCheckId), 1, ComparisonOperator.LESS_THAN_THRESHOLD, 3,
                TreatMissingData.BREACHING, "Route 53 health check of " + region + " failing: DNS fails over; consider the failover workflow");
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

    private static Metric tableMetric(String tableName, String metricName) {
        return Metric.Builder.create()
                .namespace("AWS/DynamoDB")
                .metricName(metricName)
                .dimensionsMap(java.util.Map.of("TableName", tableName))
                .statistic("Sum")
                .period(Duration.minutes(5))
                .build();
    }
}
