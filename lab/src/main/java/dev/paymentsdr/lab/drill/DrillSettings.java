package dev.paymentsdr.lab.drill;

import dev.paymentsdr.lab.LabConfig;
import dev.paymentsdr.lab.ReplicationMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a drill does: scenario, number of runs, open-loop rate and closed-loop clients, replication mode, the
 * regions and their link latency, probe timing, and how long to load before the fault and after recovery.
 *
 * @param workDir           where each run's throwaway lab directory is created (short path: unix socket limits)
 * @param regions           the two regions and the round trip of the links between them
 * @param closedLoopClients clients that each send their next payment once the previous one answered or timed out
 */
public record DrillSettings(Scenario scenario, int runs, int rate, ReplicationMode replication, Duration probeInterval,
                            int failureThreshold, Duration warmup, Duration tail, Duration recoveryTimeout, Path workDir,
                            Regions regions, int closedLoopClients) {
    /** Default number of closed-loop clients. */
    public static final int DEFAULT_CLOSED_LOOP_CLIENTS = 4;

    /**
     * The lab's two regions and the round trip of the links between them (null: the pair's typical one).
     */
    public record Regions(String primary, String standby, Duration linkRoundTrip) {
        public static Regions defaults() {
            return new Regions(LabConfig.DEFAULT_PRIMARY_REGION, LabConfig.DEFAULT_STANDBY_REGION, null);
        }

        /** The round trip the drill's links run with: the one set, or the pair's typical one. */
        public Duration roundTrip() {
            return applyTo(LabConfig.builder()).build().linkRoundTrip();
        }

        /** Applies the regions (and the latency, when set) to a lab configuration. */
        LabConfig.Builder applyTo(LabConfig.Builder builder) {
            builder.primaryRegion(primary).standbyRegion(standby);
            return linkRoundTrip == null ? builder : builder.linkRoundTrip(linkRoundTrip);
        }
    }

    public DrillSettings {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(replication, "replication");
        Objects.requireNonNull(regions, "regions");
        List<String> errors = new ArrayList<>();
        if (runs < 1 || runs > 100) {
            errors.add("runs must be 1..100, was " + runs);
        }
        if (rate < 1 || rate > 2000) {
            errors.add("rate must be 1..2000 payments per second, was " + rate);
        }
        if (closedLoopClients < 0 || closedLoopClients > 64) {
            errors.add("closed-loop clients must be 0..64, was " + closedLoopClients);
        }
        if (failureThreshold < 1 || failureThreshold > 100) {
            errors.add("failures must be 1..100, was " + failureThreshold);
        }
        for (Duration d : List.of(probeInterval, warmup, tail, recoveryTimeout)) {
            if (d.isNegative() || d.isZero()) {
                errors.add("durations must be positive, was " + d);
            }
        }
        try {
            regions.applyTo(LabConfig.builder()).build();
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage().replaceFirst("^invalid lab configuration: ", ""));
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
    }

    /**
     * The defaults: us-east-1 and us-east-2 at their typical round trip, 1 s probes, 3 failures, 4
     * closed-loop clients, 3 s of load before the fault and 2 s after recovery.
     */
    public static DrillSettings of(Scenario scenario, int runs, int rate, ReplicationMode replication) {
        return new DrillSettings(scenario, runs, rate, replication, Duration.ofSeconds(1), 3, Duration.ofSeconds(3),
                Duration.ofSeconds(2), Duration.ofSeconds(90), Path.of("/tmp"), Regions.defaults(),
                DEFAULT_CLOSED_LOOP_CLIENTS);
    }

    public DrillSettings withTiming(Duration newWarmup, Duration newTail) {
        return new DrillSettings(scenario, runs, rate, replication, probeInterval, failureThreshold, newWarmup, newTail,
                recoveryTimeout, workDir, regions, closedLoopClients);
    }

    public DrillSettings withRegions(Regions newRegions) {
        return new DrillSettings(scenario, runs, rate, replication, probeInterval, failureThreshold, warmup, tail,
                recoveryTimeout, workDir, newRegions, closedLoopClients);
    }

    public DrillSettings withClosedLoopClients(int clients) {
        return new DrillSettings(scenario, runs, rate, replication, probeInterval, failureThreshold, warmup, tail,
                recoveryTimeout, workDir, regions, clients);
    }
}
