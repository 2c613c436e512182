package dev.paymentsdr.aws.failover.database;

import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.domain.model.ReplicationLag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * A secondary's lag, in time, as Aurora publishes it in the secondary's region: the larger of
 * {@code AuroraGlobalDBReplicationLag} (how far its storage is behind) and {@code AuroraGlobalDBRPOLag}
 * (how much acknowledged work it could miss), both in milliseconds, the newest one-minute maximum of the
 * last {@link #WINDOW}. No datapoint means the lag cannot be measured.
 */
public final class CloudWatchReplicationLag {
    /** How far back a datapoint may be and still count as the current lag. */
    public static final Duration WINDOW = Duration.ofMinutes(5);
    static final String NAMESPACE = "AWS/RDS";
    static final String REPLICATION_LAG = "AuroraGlobalDBReplicationLag";
    static final String RPO_LAG = "AuroraGlobalDBRPOLag";

    private final Function<RegionId, CloudWatchClient> cloudWatch;
    private final Clock clock;

    public CloudWatchReplicationLag(Function<RegionId, CloudWatchClient> cloudWatch, Clock clock) {
        this.cloudWatch = cloudWatch;
        this.clock = clock;
    }

    /** The standby cluster's lag; empty when CloudWatch has no recent datapoint or does not answer. */
    public Optional<ReplicationLag> lag(RegionId standby, String clusterId) {
        Optional<Double> replication = newest(standby, clusterId, REPLICATION_LAG);
        Optional<Double> rpo = newest(standby, clusterId, RPO_LAG);
        if (replication.isEmpty() && rpo.isEmpty()) {
            return Optional.empty();
        }
        double millis = Math.max(replication.orElse(0.0), rpo.orElse(0.0));
        return Optional.of(ReplicationLag.inTime(Duration.ofMillis(Math.round(millis)), true));
    }

    private Optional<Double> newest(RegionId region, String clusterId, String metric) {
        Instant end = clock.instant();
        try {
            return cloudWatch.apply(region).getMetricStatistics(b -> b.namespace(NAMESPACE).metricName(metric)
                            .dimensions(d -> d.name("DBClusterIdentifier").value(clusterId))
                            .startTime(end.minus(WINDOW)).endTime(end.plusSeconds(60)).period(60)
                            .statistics(Statistic.MAXIMUM))
                    .datapoints().stream().max(Comparator.comparing(Datapoint::timestamp)).map(Datapoint::maximum);
        } catch (SdkException e) {
            return Optional.empty();
        }
    }
}
