package dev.paymentsdr.failover.application;

import static dev.paymentsdr.failover.application.InMemoryWorld.EAST_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.port.out.Capacity;
import dev.paymentsdr.failover.port.out.FailoverPorts;
import dev.paymentsdr.failover.testing.HandClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The monitor tells a {@link ProbeObserver} each probe of the active region, with the time the probe took. */
class ProbeObserverTest {
    private final HandClock clock = new HandClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<String> heard = new ArrayList<>();

    @Test
    void eachProbeIsHeardWithItsResultItsLatencyAndTheFailuresInARow() {
        InMemoryWorld world = new InMemoryWorld();
        // readiness that takes 40 ms by the monitor's clock
        Capacity slowReadiness = new Capacity() {
            @Override
            public boolean isReady(RegionId region) {
                clock.advance(Duration.ofMillis(40));
                return world.isReady(region);
            }

            @Override
            public String ensureRunning(RegionId region, Duration timeout) {
                return world.ensureRunning(region, timeout);
            }

            @Override
            public String ensureReady(RegionId region, Duration timeout) {
                return world.ensureReady(region, timeout);
            }
        };
        FailoverPorts ports = new FailoverPorts(world, world, world, world, world, new InMemoryExecutionLog(),
                new InMemoryLease(clock));
        HealthMonitor monitor = new HealthMonitor(world, slowReadiness, world,
                new FailoverOrchestrator(ports, FailoverSettings.defaults(), clock, d -> { }, "test"),
                new HealthMonitor.Settings(Duration.ofSeconds(1), 3, Duration.ofSeconds(5), false), clock, d -> { },
                (region, ready, failures, detail) -> { })
                .observeProbes((region, ready, latency, failures) -> heard.add(region + " " + ready + " "
                        + latency.toMillis() + " ms " + failures));

        monitor.probeOnce();
        world.regionOutage(EAST_1);
        monitor.probeOnce();
        monitor.probeOnce();

        assertThat(heard).containsExactly("us-east-1 true 40 ms 0", "us-east-1 false 40 ms 1", "us-east-1 false 40 ms 2");
    }
}
