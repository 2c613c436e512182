package dev.paymentsdr.failover.application;

import dev.paymentsdr.failover.domain.model.DatabaseRole;
import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionResult;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.domain.policy.ConsecutiveFailures;
import dev.paymentsdr.failover.port.in.TriggerFailover;
import dev.paymentsdr.failover.port.out.Capacity;
import dev.paymentsdr.failover.port.out.DatabaseControl;
import dev.paymentsdr.failover.port.out.Traffic;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The automatic mode: probes both regions at an interval and starts an unplanned failover after N
 * consecutive failures of the active region (Patroni's loop: read the state, decide, act; Route 53 checks
 * both records the same way). The passive region's database is probed only while the active region is
 * healthy, so watching it never delays the detection of an active region's failure.
 */
public final class HealthMonitor {
    private final Traffic traffic;
    private final Capacity capacity;
    private final DatabaseControl databases;
    private final TriggerFailover trigger;
    private final Settings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Listener listener;
    private final ConsecutiveFailures failures;
    private volatile ProbeObserver probes = ProbeObserver.NONE;

    public HealthMonitor(Traffic traffic, Capacity capacity, DatabaseControl databases, TriggerFailover trigger,
                         Settings settings, Clock clock, Sleeper sleeper, Listener listener) {
        this.traffic = traffic;
        this.capacity = capacity;
        this.databases = databases;
        this.trigger = trigger;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.listener = listener;
        this.failures = new ConsecutiveFailures(settings.failureThreshold());
    }

    /** Lets {@code observer} hear every probe of the active region with its latency (the monitor's metrics). */
    public HealthMonitor observeProbes(ProbeObserver observer) {
        this.probes = java.util.Objects.requireNonNull(observer, "observer");
        return this;
    }

    /**
     * Probes until {@code stop} says so, or until a failover it started does not complete (a refused
     * or failed failover needs an operator: the monitor does not retry it in a loop).
     */
    public Optional<ExecutionResult> run(BooleanSupplier stop) throws InterruptedException {
        while (!stop.getAsBoolean()) {
            java.time.Instant started = clock.instant();
            Optional<ExecutionResult> result = probeOnce();
            if (result.isPresent() && !result.get().succeeded()) {
                return result;
            }
            // probes start at a fixed rate: a slow answer must not stretch the time to detection; after a failed
            // probe the next ones come faster (HAProxy's fastinter), so 'fall N' confirms a failure in a fraction
            // of N intervals while a single slow answer still never triggers a failover on its own
            Duration period = failures.failures() > 0 ? settings.confirmInterval() : settings.interval();
            Duration left = period.minus(Duration.between(started, clock.instant()));
            if (!left.isNegative() && !left.isZero()) {
                sleeper.sleep(left);
            }
        }
        return Optional.empty();
    }

    /** One probe of the active region; returns the failover's result when this probe started one. */
    public Optional<ExecutionResult> probeOnce() {
        Optional<RegionId> active = traffic.activeRegion();
        if (active.isEmpty()) {
            listener.onProbe(null, false, 0, "no region is selected at the global entry");
            return Optional.empty();
        }
        java.time.Instant probeStarted = clock.instant();
        boolean ready = capacity.isReady(active.get());
        boolean tripped = failures.record(ready);
        probes.probed(active.get(), ready, Duration.between(probeStarted, clock.instant()), failures.failures());
        listener.onProbe(active.get(), ready, failures.failures(), ready ? "ready" : "not ready");
        Optional<RegionId> target = traffic.regions().stream().filter(r -> !r.equals(active.get())).findFirst();
        if (ready) {
            target.ifPresent(passive -> listener.onPassiveProbe(passive, databases.role(passive)));
        }
        if (!tripped) {
            return Optional.empty();
        }
        if (target.isEmpty()) {
            listener.onProbe(active.get(), false, failures.failures(), "no other region to fail over to");
            return Optional.empty();
        }
        FailoverRequest request = new FailoverRequest(ExecutionId.generate(clock.instant()), FailoverMode.UNPLANNED,
                active.get(), target.get(), settings.maxLag(), settings.allowDataLoss(),
                "monitor after " + failures.failures() + " failed probes");
        listener.onFailoverStarted(request);
        ExecutionResult result = trigger.run(request, true);
        failures.reset();
        listener.onFailoverFinished(result);
        return Optional.of(result);
    }

    /**
     * How the monitor probes and what it asks for.
     *
     * @param failureThreshold consecutive failed probes that start a failover
     */
    public record Settings(Duration interval, int failureThreshold, Duration maxLag, boolean allowDataLoss) {
        /** The shortest time between confirmation probes. */
        public static final Duration MIN_CONFIRM_INTERVAL = Duration.ofMillis(100);

        /** Time between probes while the active region is failing: a quarter of the interval, at least 100 ms. */
        public Duration confirmInterval() {
            Duration quarter = interval.dividedBy(4);
            return quarter.compareTo(MIN_CONFIRM_INTERVAL) < 0 ? MIN_CONFIRM_INTERVAL : quarter;
        }

        public Settings {
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("probe interval must be positive, was " + interval);
            }
            new ConsecutiveFailures(failureThreshold);
            if (maxLag == null || maxLag.isNegative()) {
                throw new IllegalArgumentException("max lag must not be negative, was " + maxLag);
            }
        }
    }

    /** Hears what the monitor sees, for the terminal and for drills. */
    public interface Listener {
        void onProbe(RegionId region, boolean ready, int consecutiveFailures, String detail);

        /** The passive region's database role (STANDBY when all is well), probed while the active region is healthy. */
        default void onPassiveProbe(RegionId region, DatabaseRole role) {
        }

        default void onFailoverStarted(FailoverRequest request) {
        }

        default void onFailoverFinished(ExecutionResult result) {
        }
    }
}
