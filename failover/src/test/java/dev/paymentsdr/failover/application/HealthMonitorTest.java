package dev.paymentsdr.failover.application;

import static dev.paymentsdr.failover.application.InMemoryWorld.EAST_1;
import static dev.paymentsdr.failover.application.InMemoryWorld.EAST_2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.failover.domain.model.DatabaseRole;
import dev.paymentsdr.failover.domain.model.ExecutionResult;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.port.out.FailoverPorts;
import dev.paymentsdr.failover.testing.HandClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {
    private final HandClock clock = new HandClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryWorld world = new InMemoryWorld();
    private final InMemoryExecutionLog log = new InMemoryExecutionLog();
    private final List<FailoverRequest> started = new ArrayList<>();
    private final List<String> probes = new ArrayList<>();
    private final List<String> passiveProbes = new ArrayList<>();

    private HealthMonitor monitor(int threshold) {
        FailoverPorts ports = new FailoverPorts(world, world, world, world, world, log, new InMemoryLease(clock));
        FailoverOrchestrator orchestrator = new FailoverOrchestrator(ports, FailoverSettings.defaults(), clock, d -> { }, "monitor");
        return new HealthMonitor(world, world, world, orchestrator,
                new HealthMonitor.Settings(Duration.ofSeconds(1), threshold, Duration.ofSeconds(5), false), clock,
                clock::advance, new HealthMonitor.Listener() {
                    @Override
                    public void onProbe(RegionId region, boolean ready, int failures, String detail) {
                        probes.add(region + ":" + ready + ":" + failures);
                    }

                    @Override
                    public void onPassiveProbe(RegionId region, DatabaseRole role) {
                        passiveProbes.add(region + ":" + role);
                    }

                    @Override
                    public void onFailoverStarted(FailoverRequest request) {
                        started.add(request);
                    }
                }, Runnable::run, Runnable::run);
    }

    @Test
    void givenAHealthyActiveRegion_thenThePassiveRegionsDatabaseIsProbedToo() {
        HealthMonitor monitor = monitor(3);

        monitor.probeOnce();
        monitor.probeOnce();

        assertThat(passiveProbes).containsExactly(EAST_2 + ":STANDBY", EAST_2 + ":STANDBY");
    }

    @Test
    void givenAFailingActiveRegion_thenThePassiveRegionIsNotProbedSoDetectionIsNotDelayed() {
        HealthMonitor monitor = monitor(3);
        world.regionOutage(EAST_1);

        monitor.probeOnce();
        monitor.probeOnce();

        assertThat(passiveProbes).isEmpty();
    }

    @Test
    void givenAHealthyActiveRegion_thenNoFailoverStarts() {
        HealthMonitor monitor = monitor(3);
        for (int i = 0; i < 5; i++) {
            assertThat(monitor.probeOnce()).isEmpty();
        }
        assertThat(started).isEmpty();
    }

    @Test
    void givenTheActiveRegionFailsThreeTimesInARow_thenAnUnplannedFailoverToTheOtherRegionStarts() {
        HealthMonitor monitor = monitor(3);
        world.regionOutage(EAST_1);

        assertThat(monitor.probeOnce()).isEmpty();
        assertThat(monitor.probeOnce()).isEmpty();
        Optional<ExecutionResult> result = monitor.probeOnce();

        assertThat(result).hasValueSatisfying(r -> assertThat(r.succeeded()).isTrue());
        assertThat(started).singleElement().satisfies(r -> {
            assertThat(r.mode()).isEqualTo(FailoverMode.UNPLANNED);
            assertThat(r.from()).isEqualTo(EAST_1);
            assertThat(r.to()).isEqualTo(EAST_2);
            assertThat(r.requestedBy()).contains("3 failed probes");
        });
        assertThat(probes).containsExactly("us-east-1:false:1", "us-east-1:false:2", "us-east-1:false:3");
    }

    @Test
    void givenAFlappingRegion_thenFailuresMustBeConsecutive() {
        HealthMonitor monitor = monitor(3);
        for (int i = 0; i < 4; i++) {
            world.servicesUp.remove(EAST_1);
            monitor.probeOnce();
            monitor.probeOnce();
            world.servicesUp.add(EAST_1);
            monitor.probeOnce();
        }
        assertThat(started).isEmpty();
    }

    @Test
    void afterAFailoverTheMonitorWatchesTheNewActiveRegion() {
        HealthMonitor monitor = monitor(1);
        world.regionOutage(EAST_1);
        monitor.probeOnce();
        probes.clear();

        monitor.probeOnce();

        assertThat(probes).containsExactly("us-east-2:true:0");
    }

    @Test
    void givenARefusedFailover_thenTheLoopStopsAndReturnsItForTheOperator() throws InterruptedException {
        HealthMonitor monitor = monitor(2);
        world.regionOutage(EAST_1);
        world.lag = Optional.empty();

        Optional<ExecutionResult> result = monitor.run(() -> false);

        assertThat(result).hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(ExecutionResult.Outcome.REFUSED));
        assertThat(started).hasSize(1);
    }

    @Test
    void probesStartAtAFixedRateSoASlowAnswerDoesNotStretchDetection() throws InterruptedException {
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        ReadinessOnly slow = region -> {
            now[0] = now[0].plusMillis(300);
            return true;
        };
        List<Duration> sleeps = new ArrayList<>();
        FailoverPorts ports = new FailoverPorts(world, world, world, world, world, log, new InMemoryLease(clock));
        FailoverOrchestrator unused = new FailoverOrchestrator(ports, FailoverSettings.defaults(), clock, d -> { }, "x");
        HealthMonitor monitor = new HealthMonitor(world, slow, world, unused,
                new HealthMonitor.Settings(Duration.ofSeconds(1), 3, Duration.ofSeconds(5), false), moving,
                d -> { sleeps.add(d); now[0] = now[0].plus(d); }, (region, ready, failures, detail) -> { }, Runnable::run, Runnable::run);

        monitor.run(() -> sleeps.size() == 2);

        assertThat(sleeps).containsExactly(Duration.ofMillis(700), Duration.ofMillis(700));
    }
}
