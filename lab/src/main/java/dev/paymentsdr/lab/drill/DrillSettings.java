package dev.paymentsdr.lab.drill;

import dev.paymentsdr.lab.ReplicationMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a drill does: scenario, number of runs, load rate, replication mode, probe timing, and how long
 * to load before the fault and after recovery.
 *
 * @param workDir where each run's throwaway lab directory is created (short path: unix socket limits)
 */
public record DrillSettings(Scenario scenario, int runs, int rate, ReplicationMode replication, Duration probeInterval,
                            int failureThreshold, Duration warmup, Duration tail, Duration recoveryTimeout, Path workDir) {
    public DrillSettings {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(replication, "replication");
        List<String> errors = new ArrayList<>();
        if (runs < 1 || runs > 100) {
            errors.add("runs must be 1..100, was " + runs);
        }
        if (rate < 1 || rate > 2000) {
            errors.add("rate must be 1..2000 payments per second, was " + rate);
        }
        if (failureThreshold < 1 || failureThreshold > 100) {
            errors.add("failures must be 1..100, was " + failureThreshold);
        }
        for (Duration d : List.of(probeInterval, warmup, tail, recoveryTimeout)) {
            if (d.isNegative() || d.isZero()) {
                errors.add("durations must be positive, was " + d);
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
    }

    /** The defaults: 1 s probes, 3 failures, 3 s of load before the fault and 2 s after recovery. */
    public static DrillSettings of(Scenario scenario, int runs, int rate, ReplicationMode replication) {
        return new DrillSettings(scenario, runs, rate, replication, Duration.ofSeconds(1), 3, Duration.ofSeconds(3),
                Duration.ofSeconds(2), Duration.ofSeconds(90), Path.of("/tmp"));
    }

    public DrillSettings withTiming(Duration warmup, Duration tail) {
        return new DrillSettings(scenario, runs, rate, replication, probeInterval, failureThreshold, warmup, tail,
                recoveryTimeout, workDir);
    }
}
