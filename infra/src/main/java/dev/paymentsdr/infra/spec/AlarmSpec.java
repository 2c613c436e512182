package dev.paymentsdr.infra.spec;

import java.util.Optional;
import software.amazon.awscdk.Duration;

/**
 * The alarms of one region and their thresholds; an empty threshold means that alarm is not wanted. Immutable:
 * start from {@link #none()} or {@link #flagship()} and add what a document names.
 */
public record AlarmSpec(
        Optional<Duration> replicationLag,
        Optional<Double> databaseCpuPercent,
        Optional<Integer> databaseConnections,
        Optional<Threshold> functionErrors,
        Optional<Threshold> functionThrottles,
        Optional<Duration> apiLatencyP99,
        Optional<Threshold> tableReadThrottles,
        Optional<Threshold> tableWriteThrottles,
        Optional<Duration> bucketReplicationLatency,
        boolean unhealthyTargets,
        boolean runningTasksBelowMinimum,
        boolean deadLetters) {

    /** No alarm at all. */
    public static AlarmSpec none() {
        return new AlarmSpec(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, false, false);
    }

    /**
     * The flagship's alarms: replication lag above 5 minutes, CPU 80 %, 500 connections, 5 function errors or
     * throttles a minute, p99 above 1 s, 10 table throttles in 5 minutes, S3 replication above 15 minutes, unhealthy
     * targets, tasks below minimum, dead letters.
     */
    public static AlarmSpec flagship() {
        return none().replicationLag(Duration.minutes(5)).database(80, 500)
                .functionErrors(Threshold.atLeast(5, Duration.minutes(1)))
                .functionThrottles(Threshold.atLeast(5, Duration.minutes(1)))
                .apiLatencyP99(Duration.seconds(1))
                .tableThrottles(Threshold.above(10, Duration.minutes(5)), Threshold.above(10, Duration.minutes(5)))
                .bucketReplicationLatency(Duration.minutes(15))
                .service().deadLetters(true);
    }

    /** Alarm when Aurora global replication lag into this region is above {@code bound}. */
    public AlarmSpec replicationLag(Duration bound) {
        return new AlarmSpec(Optional.of(bound), databaseCpuPercent, databaseConnections, functionErrors, functionThrottles,
                apiLatencyP99, tableReadThrottles, tableWriteThrottles, bucketReplicationLatency, unhealthyTargets,
                runningTasksBelowMinimum, deadLetters);
    }

    /** Alarms on database CPU above {@code cpuPercent} and connections above {@code connections}. */
    public AlarmSpec database(double cpuPercent, int connections) {
        if (cpuPercent <= 0 || cpuPercent > 100 || connections < 1) {
            throw new IllegalArgumentException("database CPU threshold must be 0-100 % and connections at least 1, got "
                    + cpuPercent + " % and " + connections);
        }
        return new AlarmSpec(replicationLag, Optional.of(cpuPercent), Optional.of(connections), functionErrors,
                functionThrottles, apiLatencyP99, tableReadThrottles, tableWriteThrottles, bucketReplicationLatency,
                unhealthyTargets, runningTasksBelowMinimum, deadLetters);
    }

    /** Alarm on the payment functions' errors. */
    public AlarmSpec functionErrors(Threshold threshold) {
        return new AlarmSpec(replicationLag, databaseCpuPercent, databaseConnections, Optional.of(threshold), functionThrottles,
                apiLatencyP99, tableReadThrottles, tableWriteThrottles, bucketReplicationLatency, unhealthyTargets,
                runningTasksBelowMinimum, deadLetters);
    }

    /** Alarm on the payment functions' throttles. */
    public AlarmSpec functionThrottles(Threshold threshold) {
        return new AlarmSpec(replicationLag, databaseCpuPercent, databaseConnections, functionErrors, Optional.of(threshold),
                apiLatencyP99, tableReadThrottles, tableWriteThrottles, bucketReplicationLatency, unhealthyTargets,
                runningTasksBelowMinimum, deadLetters);
    }

    /** Alarm on the REST API's p99 latency above {@code bound}. */
    public AlarmSpec apiLatencyP99(Duration bound) {
        return new AlarmSpec(replicationLag, databaseCpuPercent, databaseConnections, functionErrors, functionThrottles,
                Optional.of(bound), tableReadThrottles, tableWriteThrottles, bucketReplicationLatency, unhealthyTargets,
                runningTasksBelowMinimum, deadLetters);
    }

    /** Alarms on the global table's read and write throttle events. */
    public AlarmSpec tableThrottles(Threshold reads, Threshold writes) {
        return new AlarmSpec(replicationLag, databaseCpuPercent, databaseConnections, functionErrors, functionThrottles,
                apiLatencyP99, Optional.of(reads), Optional.of(writes), bucketReplicationLatency, unhealthyTargets,
                runningTasksBelowMinimum, deadLetters);
    }

    /** Alarm when S3 replication to the other region takes longer than {@code bound}. */
    public AlarmSpec bucketReplicationLatency(Duration bound) {
        return new AlarmSpec(replicationLag, databaseCpuPercent, databaseConnections, functionErrors, functionThrottles,
                apiLatencyP99, tableReadThrottles, tableWriteThrottles, Optional.of(bound), unhealthyTargets,
                runningTasksBelowMinimum, deadLetters);
    }

    /** Alarms on unhealthy ALB targets and on fewer running tasks than the minimum. */
    public AlarmSpec service() {
        return service(true);
    }

    /** With ({@code true}) or without the service alarms (a design without ECS). */
    public AlarmSpec service(boolean wanted) {
        return new AlarmSpec(replicationLag, databaseCpuPercent, databaseConnections, functionErrors, functionThrottles,
                apiLatencyP99, tableReadThrottles, tableWriteThrottles, bucketReplicationLatency, wanted, wanted, deadLetters);
    }

    /** Alarms on messages in dead-letter queues. */
    public AlarmSpec deadLetters(boolean wanted) {
        return new AlarmSpec(replicationLag, databaseCpuPercent, databaseConnections, functionErrors, functionThrottles,
                apiLatencyP99, tableReadThrottles, tableWriteThrottles, bucketReplicationLatency, unhealthyTargets,
                runningTasksBelowMinimum, wanted);
    }
}
