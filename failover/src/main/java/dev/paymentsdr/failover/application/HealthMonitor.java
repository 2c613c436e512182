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
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The automatic mode: probes both regions at an interval and starts an unplanned failover after N
 * consecutive failures of the active region (Patroni's loop: read the state, decide, act; Route 53 checks
 * both records the same way). The passive region's database is probed only while the active region is
 * healthy, so watching it never delays the detection of an active region's failure.
 */
public final class HealthMonitor {
    /** How late a finished probe may be counted while probes are in flight. */
    static final Duration POLL_STEP = Duration.ofMillis(10);
    /**
     * A probe unanswered this long is overdue (a healthy region answers in milliseconds): the monitor asks the region's
     * database at once, so that by the time the probes have failed the answer tells a stalled service in front of a
     * live primary from a frozen or cut-off region.
     */
    static final Duration OVERDUE = Duration.ofMillis(250);
    /** Runs the probes of {@link #run}; daemon threads, so a probe stuck past its limit never holds the JVM. */
    private static final ExecutorService PROBES = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "health-monitor-probe");
        t.setDaemon(true);
        return t;
    });

    private final Traffic traffic;
    private final Capacity capacity;
    private final DatabaseControl databases;
    private final TriggerFailover trigger;
    private final Settings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Listener listener;
    private final ConsecutiveFailures failures;
    private volatile ProbeObserver probeObserver = ProbeObserver.NONE;
    private final Executor probes;
    private final Executor questions;
    /** When the first failed probe of the current run of failures started, and how long it took to fail. */
    private Instant streakStart;
    private Duration firstFailureTook;
    /** The failing region's database role, asked at the first failure of the run. */
    private CompletableFuture<DatabaseRole> streakDatabase;
    private Instant streakDatabaseAsked;

    public HealthMonitor(Traffic traffic, Capacity capacity, DatabaseControl databases, TriggerFailover trigger,
                         Settings settings, Clock clock, Sleeper sleeper, Listener listener) {
        this(traffic, capacity, databases, trigger, settings, clock, sleeper, listener, PROBES, PROBES);
    }

    /** As above, with the executors of the probes of {@link #run} and of the database question (tests run them on their clock). */
    HealthMonitor(Traffic traffic, Capacity capacity, DatabaseControl databases, TriggerFailover trigger,
                  Settings settings, Clock clock, Sleeper sleeper, Listener listener, Executor probes, Executor questions) {
        this.probes = probes;
        this.questions = questions;
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
        this.probeObserver = java.util.Objects.requireNonNull(observer, "observer");
        return this;
    }

    /**
     * Probes until {@code stop} says so, or until a failover it started does not complete (a refused
     * or failed failover needs an operator: the monitor does not retry it in a loop).
     * <p>
     * Probes start at a fixed rate, so a slow answer does not stretch the time to detection. While the active region
     * fails, or while a probe is still unanswered, the next probe starts a tenth of an interval after the last one
     * (HAProxy's fastinter) without waiting for earlier ones to time out: a frozen region is confirmed dead after one
     * probe limit and N-1 confirmation intervals, not N limits back to back. Answers count in the order the probes
     * started and each probe keeps the adapter's own limit, so it still takes N consecutive failures, and a region
     * that answers slowly but within the limit is never failed over.
     */
    public Optional<ExecutionResult> run(BooleanSupplier stop) throws InterruptedException {
        Deque<PendingProbe> pending = new ArrayDeque<>();
        Instant lastStart = null;
        while (!stop.getAsBoolean()) {
            while (!pending.isEmpty() && pending.peekFirst().answer().isDone()) {
                PendingProbe answered = pending.removeFirst();
                Optional<ExecutionResult> result = judge(answered.region(), answered.started(), answered.answer().join());
                if (result.isPresent()) {
                    if (!result.get().succeeded()) {
                        return result;
                    }
                    // the probes still in flight asked the region that was active before the failover
                    pending.clear();
                    lastStart = clock.instant();
                }
            }
            askIfOverdue(pending);
            Instant now = clock.instant();
            boolean confirming = !pending.isEmpty() || failures.failures() > 0;
            Instant next = lastStart == null ? now
                    : lastStart.plus(confirming ? settings.confirmInterval() : settings.interval());
            // more probes in flight than failures needed would only load a region that is already slow
            boolean mayStart = pending.size() < failures.threshold();
            if (mayStart && !now.isBefore(next)) {
                lastStart = now;
                startProbe().ifPresent(pending::addLast);
                continue;
            }
            Duration wait = mayStart ? Duration.between(now, next) : POLL_STEP;
            if (!pending.isEmpty() && wait.compareTo(POLL_STEP) > 0) {
                wait = POLL_STEP;
            }
            if (!wait.isNegative() && !wait.isZero()) {
                sleeper.sleep(wait);
            }
        }
        return Optional.empty();
    }

    private void askIfOverdue(Deque<PendingProbe> pending) {
        if (streakDatabase == null && !pending.isEmpty()
                && !Duration.between(pending.peekFirst().started(), clock.instant()).minus(OVERDUE).isNegative()) {
            askDatabase(pending.peekFirst().region());
        }
    }

    private void askDatabase(RegionId region) {
        streakDatabaseAsked = clock.instant();
        streakDatabase = CompletableFuture.supplyAsync(() -> databases.role(region), questions)
                .exceptionally(e -> DatabaseRole.UNREACHABLE);
    }

    private Optional<PendingProbe> startProbe() {
        return activeRegion().map(region -> new PendingProbe(region, clock.instant(),
                CompletableFuture.supplyAsync(() -> capacity.isReady(region), probes).exceptionally(e -> false)));
    }

    /** One probe of the active region; returns the failover's result when this probe started one. */
    public Optional<ExecutionResult> probeOnce() {
        Optional<RegionId> active = activeRegion();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        Instant started = clock.instant();
        return judge(active.get(), started, capacity.isReady(active.get()));
    }

    /** The region the global entry selects; when none is, the listener hears it. */
    private Optional<RegionId> activeRegion() {
        Optional<RegionId> active = traffic.activeRegion();
        if (active.isEmpty()) {
            listener.onProbe(null, false, 0, "no region is selected at the global entry");
        }
        return active;
    }

    /** Counts one probe's answer and starts the failover when it is the Nth failure in a row. */
    private Optional<ExecutionResult> judge(RegionId active, Instant started, boolean ready) {
        failures.record(ready);
        if (ready) {
            streakDatabase = null;
        } else if (failures.failures() == 1) {
            streakStart = started;
            firstFailureTook = Duration.between(started, clock.instant());
            if (streakDatabase == null) {
                askDatabase(active);
            }
        }
        boolean tripped = failures.failures() >= failures.threshold() && !aliveAndTooSoon() && !questionJustAsked();
        probeObserver.probed(active, ready, Duration.between(started, clock.instant()), failures.failures());
        listener.onProbe(active, ready, failures.failures(), ready ? "ready" : "not ready");
        Optional<RegionId> target = traffic.regions().stream().filter(r -> !r.equals(active)).findFirst();
        if (ready) {
            target.ifPresent(passive -> listener.onPassiveProbe(passive, databases.role(passive)));
        }
        if (!tripped) {
            return Optional.empty();
        }
        if (target.isEmpty()) {
            listener.onProbe(active, false, failures.failures(), "no other region to fail over to");
            return Optional.empty();
        }
        FailoverRequest request = new FailoverRequest(ExecutionId.generate(clock.instant()), FailoverMode.UNPLANNED,
                active, target.get(), settings.maxLag(), settings.allowDataLoss(),
                "monitor after " + failures.failures() + " failed probes");
        listener.onFailoverStarted(request);
        ExecutionResult result = trigger.runOnMonitorEvidence(request, true, databaseSilent());
        failures.reset();
        streakDatabase = null;
        listener.onFailoverFinished(result);
        return Optional.of(result);
    }

    /**
     * True when the failing region's database left the monitor's question unanswered for at least assess's grace (or
     * answered that it cannot be reached): the orchestrator then need not wait for it again.
     */
    private boolean databaseSilent() {
        if (streakDatabase == null) {
            return false;
        }
        if (streakDatabase.isDone()) {
            return streakDatabase.getNow(null) == DatabaseRole.UNREACHABLE;
        }
        return !questionYoungerThanGrace();
    }

    /**
     * True while the database question is unanswered but younger than assess's grace: its answer may still hold the
     * failover back.
     */
    private boolean questionJustAsked() {
        return streakDatabase != null && !streakDatabase.isDone() && questionYoungerThanGrace();
    }

    private boolean questionYoungerThanGrace() {
        return Duration.between(streakDatabaseAsked, clock.instant()).compareTo(StepActions.SILENT_SOURCE_GRACE) < 0;
    }

    /**
     * True while the failing region's database answers as a writable primary and the failures have not yet lasted as
     * long as N probes back to back would: the service of a live primary is slow (or stalled), not necessarily dead,
     * and overlapping confirmation probes must not fail it over any sooner than sequential ones did. A frozen,
     * dead or cut-off database has not answered by then, so detecting those keeps the overlap's speed.
     */
    private boolean aliveAndTooSoon() {
        if (streakDatabase == null || streakDatabase.getNow(null) != DatabaseRole.PRIMARY) {
            return false;
        }
        Duration lasted = Duration.between(streakStart, clock.instant());
        return lasted.compareTo(firstFailureTook.multipliedBy(failures.threshold())) < 0;
    }

    /** A probe in flight, the region it asks and when it started. */
    private record PendingProbe(RegionId region, Instant started, CompletableFuture<Boolean> answer) {
    }

    /**
     * How the monitor probes and what it asks for.
     *
     * @param failureThreshold consecutive failed probes that start a failover
     */
    public record Settings(Duration interval, int failureThreshold, Duration maxLag, boolean allowDataLoss) {
        /** The shortest time between confirmation probes. */
        public static final Duration MIN_CONFIRM_INTERVAL = Duration.ofMillis(100);

        /**
         * Time between probes while the active region fails or a probe is unanswered: a tenth of the interval, at least
         * 100 ms. At most N probes are in flight, and a live primary's stall is still judged over N limits back to back,
         * so asking sooner only shortens the time to confirm a region that is really gone.
         */
        public Duration confirmInterval() {
            Duration tenth = interval.dividedBy(10);
            return tenth.compareTo(MIN_CONFIRM_INTERVAL) < 0 ? MIN_CONFIRM_INTERVAL : tenth;
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
