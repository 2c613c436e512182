package dev.paymentsdr.failover.application;

import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Time limits of the orchestrator's waiting steps and of its lease. The lease outlives any single wait
 * (it is also renewed during waits), so it never expires while its holder is still acting.
 *
 * @param joinTimeout how long a joining trigger waits for the running execution
 */
public record FailoverSettings(Duration readyTimeout, Duration validateTimeout, Duration catchUpTimeout,
                               Duration rejoinTimeout, Duration leaseTtl, Duration joinPollInterval,
                               Duration joinTimeout) {
    public FailoverSettings {
        for (Duration d : new Duration[] {readyTimeout, validateTimeout, catchUpTimeout, rejoinTimeout, leaseTtl,
                joinPollInterval, joinTimeout}) {
            Objects.requireNonNull(d, "durations must be set");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations must be positive, was " + d);
            }
        }
        Duration longestWait = Stream.of(readyTimeout, validateTimeout, catchUpTimeout, rejoinTimeout, joinPollInterval)
                .max(Duration::compareTo).orElseThrow();
        if (leaseTtl.compareTo(longestWait) <= 0) {
            throw new IllegalArgumentException("the lease TTL (" + leaseTtl.toSeconds() + " s) must be longer than the"
                    + " longest single wait (" + longestWait.toSeconds() + " s), or the lease could expire while a step waits");
        }
    }

    /** Limits that suit the lab: seconds, not minutes. */
    public static FailoverSettings defaults() {
        return new FailoverSettings(Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(30),
                Duration.ofSeconds(120), Duration.ofSeconds(180), Duration.ofMillis(200), Duration.ofMinutes(5));
    }
}
