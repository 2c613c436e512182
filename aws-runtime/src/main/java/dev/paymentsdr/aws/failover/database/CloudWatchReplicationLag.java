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
        Lags lags = lags(standby, clusterId);
        if (lags.replication().isEmpty() && lags.rpo().isEmpty()) {
            return Optional.empty();
        }
        Duration larger = lags.replication().orElse(Duration.ZERO).compareTo(lags.rpo().orElse(Duration.ZERO)) >= 0
                ? lags.replication().orElse(Duration.ZERO) : lags.rpo().orElse(Duration.ZERO);
        return Optional.of(ReplicationLag.inTime(larger, true));
    }

    /** Both of the secondary's lag metrics, each empty when it has no recent datapoint. */
    public Lags lags(RegionId standby, String clusterId) {
        return new Lags(newest(standby, clusterId, REPLICATION_LAG).map(CloudWatchReplicationLag::millis),
                newest(standby, clusterId, RPO_LAG).map(CloudWatchReplicationLag::millis));
    }

    private static Duration millis(double value) {
        return Duration.ofMillis(Math.round(value));
    }

    /**
     * A secondary's two lags as Aurora publishes them.
     *
     * @param replication {@code AuroraGlobalDBReplicationLag}: how far its storage is behind
     * @param rpo         {@code AuroraGlobalDBRPOLag}: how much acknowledged work it could miss
     */
    public record Lags(Optional<Duration> replication, Optional<Duration> rpo) {
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
