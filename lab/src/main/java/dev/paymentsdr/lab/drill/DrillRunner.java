package dev.paymentsdr.lab.drill;

import dev.paymentsdr.failover.application.HealthMonitor;
import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.domain.model.RecordType;
import dev.paymentsdr.failover.domain.model.Step;
import dev.paymentsdr.failover.domain.model.ExecutionResult;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.lab.Lab;
import dev.paymentsdr.lab.LabConfig;
import dev.paymentsdr.lab.LabRegion;
import dev.paymentsdr.lab.Network;
import dev.paymentsdr.lab.failover.LabFailover;
import dev.paymentsdr.lab.process.ProcessControl;
import dev.paymentsdr.lab.process.ShutdownCleanup;
import dev.paymentsdr.localpg.TemporaryPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * Runs a drill: for each run a fresh lab in a temporary directory, open-loop load through the front
 * door, the fault, the monitor and orchestrator in this process, and the measurement against the new primary.
 */
public final class DrillRunner {
    private static final Duration MAX_LAG = Duration.ofSeconds(5);
    /** The replication-lag scenario pauses replay for seconds; a tighter bound makes the gate's refusal certain. */
    private static final Duration REPLAY_PAUSED_MAX_LAG = Duration.ofSeconds(2);

    private final DrillSettings settings;
    private final DrillProgress progress;

    public DrillRunner(DrillSettings settings, DrillProgress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Runs every run, one after the other; a run that cannot even start its lab fails the drill. */
    public List<RunResult> runAll() throws InterruptedException {
        List<RunResult> results = new ArrayList<>();
        for (int run = 1; run <= settings.runs(); run++) {
            progress.run(run, settings.runs());
            RunResult result = runOnce(run);
            progress.say(String.format(java.util.Locale.ROOT, "run %d: RTO %s ms (closed loop %s ms), acknowledged payments"
                            + " lost %d, acked %d, failed %d (%s)", run, ms(result.rtoMs()), ms(result.closedLoopRtoMs()),
                    result.rpoLostAcked(), result.acked(), result.failedRequests(), result.outcome()));
            progress.say("timeline (ms): " + result.timeline().stream().map(e -> e.name() + " "
                    + String.format(java.util.Locale.ROOT, "%.0f", e.atMs())).collect(java.util.stream.Collectors.joining(", ")));
            if (result.outages().size() > 1) {
                progress.say("outages: " + result.outages().stream().map(o -> o.name() + " from " + o.startEvent()
                        + ": RTO " + ms(o.openLoopRtoMs()) + " ms (closed loop " + ms(o.closedLoopRtoMs()) + " ms)")
                        .collect(java.util.stream.Collectors.joining("; ")));
            }
            if (!result.unmeasuredFailureWindows().isEmpty()) {
                progress.say("every answer failed outside the measured outages: " + windows(result.unmeasuredFailureWindows()));
            }
            progress.say("steps (ms): " + result.steps().ms().entrySet().stream().map(e -> e.getKey() + " " + ms(e.getValue()))
                    .collect(java.util.stream.Collectors.joining(", ")));
            results.add(result);
        }
        return results;
    }

    /** Failure windows as {@code 9800-11100 ms (1300 ms)}, comma-separated. */
    static String windows(List<RunResult.FailureWindow> windows) {
        return windows.stream().map(w -> w.fromMs() + "-" + w.toMs() + " ms (" + w.lengthMs() + " ms)")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String ms(Double value) {
        return value == null ? "-" : String.format(java.util.Locale.ROOT, "%.0f", value);
    }

    RunResult runOnce(int run) throws InterruptedException {
        Path root = createRoot();
        // Ctrl-C or SIGTERM at any phase: stop the temporary lab, sweep what it started, delete it (once: the
        // interrupted main thread may be on its way to do the same).
        java.util.concurrent.atomic.AtomicBoolean removed = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable remove = () -> {
            synchronized (removed) {
                if (!removed.getAndSet(true)) {
                    removeLab(root);
                }
            }
        };
        // unregistered only once the removal is done, so a signal during the normal clean-up still waits for it
        ShutdownCleanup.Registration registration = ShutdownCleanup.register("stopping the drill's temporary lab in "
                + root, remove);
        try {
            progress.phase("starting lab");
            Lab lab = Lab.up(settings.regions().applyTo(LabConfig.builder()).dir(root.resolve("lab"))
                    .replication(settings.replication()).checkInterval(settings.probeInterval())
                    .fall(settings.failureThreshold()).build(), progress::say);
            return drive(run, lab);
        } finally {
            progress.phase("stopping lab");
            remove.run();
            registration.close();
        }
    }

    /** Stops the lab under {@code root} (if it got a state file), kills anything left that names it, deletes it. */
    private void removeLab(Path root) {
        Path labDir = root.resolve("lab");
        try {
            if (Lab.exists(labDir)) {
                Lab lab = Lab.open(labDir);
                // frozen processes (hang scenarios) must run again to stop cleanly
                lab.regions().forEach(r -> {
                    r.servicePid().ifPresent(ProcessControl::resume);
                    r.db().pid().ifPresent(pid -> ProcessHandle.of(pid).ifPresent(p -> {
                        ProcessControl.resume(pid);
                        p.descendants().forEach(d -> ProcessControl.resume(d.pid()));
                    }));
                });
                lab.down(true);
            }
        } catch (RuntimeException e) {
            progress.say("lab down reported: " + e.getMessage());
        }
        int swept = ProcessControl.killAllMentioning(root.toString());
        if (swept > 0) {
            progress.say("killed " + swept + " process(es) that outlived 'lab down' in " + root);
        }
        // a process that was just killed may still have created a file while the tree was being deleted
        for (int attempt = 0; attempt < 5 && Files.exists(root); attempt++) {
            TemporaryPostgres.deleteTree(root);
            if (Files.exists(root)) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private RunResult drive(int run, Lab lab) throws InterruptedException {
        long origin = System.nanoTime();
        Instant originInstant = Instant.now();
        List<TimelineEvent> timeline = Collections.synchronizedList(new ArrayList<>());
        BiConsumer<String, String> mark =
                (name, detail) -> timeline.add(new TimelineEvent(name, (System.nanoTime() - origin) / 1e6, detail));
        AtomicReference<TimelineLog> timelineLog = new AtomicReference<>();
        LabFailover failover = LabFailover.of(lab).withExecutionLog(log -> {
            TimelineLog wrapped = new TimelineLog(log, mark, progress::say);
            timelineLog.set(wrapped);
            return wrapped;
        });
        Fault fault = new Fault(lab, failover, lab.primary(), lab.standby(), mark, originInstant, timeline);
        AtomicBoolean stopMonitor = new AtomicBoolean();
        Thread monitorThread = null;
        try (LoadGenerator load = new LoadGenerator(lab.haproxy().frontDoorUrl(),
                "drill-" + run + "-" + UUID.randomUUID().toString().substring(0, 8) + "-", origin)) {
            progress.counters(load::ok, load::failed);
            if (settings.scenario().detectedByMonitor()) {
                monitorThread = startMonitor(failover, mark, fault.monitorOutcome, stopMonitor);
            }
            progress.phase("load before the fault");
            load.start(settings.rate(), settings.closedLoopClients());
            if (settings.scenario() == Scenario.REPLICATION_LAG) {
                fault.standby.db().execute("postgres", "select pg_wal_replay_pause()");
                mark.accept("replay paused", "pg_wal_replay_pause() on " + fault.standby.name());
            }
            Thread.sleep(settings.warmup().toMillis());
            if (settings.scenario().detectedByMonitor()) {
                // the monitor probes at a fixed rate from its start: a fault at a random point of the probe interval
                // meets the next probe as a real one would, not always right after one
                fault.delayMs = java.util.concurrent.ThreadLocalRandom.current().nextLong(settings.probeInterval().toMillis());
                Thread.sleep(fault.delayMs);
            }

            progress.phase("fault: " + settings.scenario().label());
            fault.inject(load);

            progress.phase("waiting for recovery");
            awaitRecovery(load, timeline, fault);
            if (settings.scenario() == Scenario.NETWORK_PARTITION) {
                mark.accept("healed", "partition healed: " + String.join(", ", lab.network().heal(fault.active.name())));
            }
            progress.phase("load after recovery");
            Thread.sleep(settings.tail().toMillis());
            progress.phase("draining in-flight requests");
            List<RequestRecord> records = load.stop();
            stopMonitor.set(true);
            progress.phase("writes straight to the fenced region");
            LabRegion fenced = settings.scenario().endsWithFailback() ? fault.standby : fault.active;
            RunResult.FencedWrites fencedWrites = StaleClient.writeTo(fenced, "stale-" + run + "-"
                    + UUID.randomUUID().toString().substring(0, 8) + "-");
            mark.accept("stale writes", fencedWrites.sent() + " writes straight to " + fenced.name() + ": "
                    + fencedWrites.statuses());
            RunResult.StandbyCheck standby = settings.scenario().endsWithStandby() ? StandbyCheck.of(lab) : null;
            progress.phase("comparing with the new primary");
            ExecutionResult result = fault.outcome.get() != null ? fault.outcome.get() : fault.monitorOutcome.get();
            String described = result == null ? "no failover happened within " + settings.recoveryTimeout().toSeconds() + " s"
                    : result.outcome() + ": " + result.message();
            Set<String> keys;
            try {
                keys = keysOnPrimary(lab);
            } catch (IllegalStateException e) {
                // a run whose failover did not happen may leave a frozen primary: nothing can be shown to be kept
                keys = Set.of();
                described = described + "; every acknowledged payment counts as lost: " + e.getMessage();
            }
            return RunResult.measure(run, records, List.copyOf(timeline), keys, described, fencedWrites, standby)
                    .withSteps(stepTimes(timelineLog.get(), timeline));
        } finally {
            stopMonitor.set(true);
            if (monitorThread != null) {
                monitorThread.join(10_000);
            }
        }
    }

    /**
     * Each step's time from the execution log (also the records a killed failover process wrote there) and, where
     * the monitor decided, the detection time from the fault to its decision.
     */
    private StepTimes stepTimes(TimelineLog log, List<TimelineEvent> timeline) {
        Double detect = null;
        if (settings.scenario().detectedByMonitor()) {
            synchronized (timeline) {
                Optional<TimelineEvent> fault = timeline.stream().filter(e -> e.name().equals("fault")).findFirst();
                Optional<TimelineEvent> detected = timeline.stream().filter(e -> e.name().equals("detected")).findFirst();
                if (fault.isPresent() && detected.isPresent()) {
                    detect = detected.get().atMs() - fault.get().atMs();
                }
            }
        }
        try {
            return StepTimes.of(detect, log.executions().stream().map(log::read).toList());
        } catch (RuntimeException e) {
            progress.say("cannot read the step times from the execution log: " + e.getMessage());
            return StepTimes.of(detect, List.of());
        }
    }

    private Thread startMonitor(LabFailover failover, BiConsumer<String, String> mark,
                                AtomicReference<ExecutionResult> monitorOutcome, AtomicBoolean stop) {
        Duration maxLag = settings.scenario() == Scenario.REPLICATION_LAG ? REPLAY_PAUSED_MAX_LAG : MAX_LAG;
        HealthMonitor monitor = failover.monitor(new HealthMonitor.Settings(settings.probeInterval(),
                settings.failureThreshold(), maxLag, false), new HealthMonitor.Listener() {
                    @Override
                    public void onProbe(RegionId region, boolean ready, int failures, String detail) {
                    }

                    @Override
                    public void onFailoverStarted(FailoverRequest request) {
                        mark.accept("detected", request.requestedBy());
                        progress.phase("failing over");
                    }

                    @Override
                    public void onFailoverFinished(ExecutionResult result) {
                        monitorOutcome.set(result);
                        stop.set(true);
                    }
                });
        Thread thread = new Thread(() -> {
            try {
                monitor.run(stop::get);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "drill-monitor");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Injects one scenario's fault and, where the scenario needs an operator, plays the operator's part. */
    private final class Fault {
        final Lab lab;
        final LabFailover failover;
        final LabRegion active;
        final LabRegion standby;
        final BiConsumer<String, String> mark;
        final Instant originInstant;
        final List<TimelineEvent> timeline;
        final AtomicReference<ExecutionResult> monitorOutcome = new AtomicReference<>();
        /** The result that ends the scenario (when an operator acts after the monitor). */
        final AtomicReference<ExecutionResult> outcome = new AtomicReference<>();
        /** How much later than the warm-up the fault came (a random point of the probe interval); -1 when not delayed. */
        long delayMs = -1;
        /** The links on which a region outage dropped its database's bytes, healed when the region comes back. */
        final List<String> dropped = new ArrayList<>();

        Fault(Lab lab, LabFailover failover, LabRegion active, LabRegion standby, BiConsumer<String, String> mark,
              Instant originInstant, List<TimelineEvent> timeline) {
            this.lab = lab;
            this.failover = failover;
            this.active = active;
            this.standby = standby;
            this.mark = mark;
            this.originInstant = originInstant;
            this.timeline = timeline;
        }

        /** The scenario's end result if it is known when the fault has been played out, else null (the monitor's). */
        ExecutionResult inject(LoadGenerator load) throws InterruptedException {
            switch (settings.scenario()) {
                case REGION_OUTAGE -> regionOutage();
                // each fault is marked once it is in place: a process still running while the signal goes out (or the
                // links are cut) may acknowledge one more payment, which would end the outage before it began
                case SERVICE_CRASH -> {
                    active.killService();
                    markFault("SIGKILL to " + active.name() + "'s payment service");
                }
                case DB_CRASH -> {
                    active.db().kill();
                    markFault("SIGKILL to " + active.name() + "'s database");
                }
                case DB_HANG -> {
                    freeze(false);
                    markFault("SIGSTOP to " + active.name() + "'s database");
                }
                case REGION_HANG -> {
                    freeze(true);
                    markFault("SIGSTOP to " + active.name() + "'s database and service");
                }
                case PLANNED_SWITCHOVER -> {
                    mark.accept("fault", "planned switchover from " + active.name() + " to " + standby.name() + " requested");
                    Thread operator = new Thread(() -> outcome.set(failover.orchestrator().run(
                            request(FailoverMode.PLANNED, active, standby, false), false)), "drill-switchover");
                    operator.setDaemon(true);
                    operator.start();
                }
                case REPLICATION_LAG -> {
                    regionOutage();
                    ExecutionResult first = awaitMonitor();
                    if (first != null && first.outcome() == ExecutionResult.Outcome.REFUSED) {
                        mark.accept("rerun", "operator reruns with --allow-data-loss");
                        outcome.set(failover.orchestrator().run(request(FailoverMode.UNPLANNED, active, standby, true), false));
                    }
                }
                case NETWORK_PARTITION -> {
                    markFault(active.name() + " cut off from clients and from " + standby.name() + ": "
                            + String.join(", ", lab.network().cut(active.name(), Network.partitionOf("all"))));
                }
                case FAILBACK -> {
                    mark.accept("fault", "planned switchover from " + active.name() + " to " + standby.name() + " requested");
                    ExecutionResult first = failover.orchestrator().run(request(FailoverMode.PLANNED, active, standby,
                            false), false);
                    outcome.set(first);
                    if (first.succeeded()) {
                        failBack(load, "drain");
                    }
                }
                case FAILBACK_AFTER_OUTAGE -> {
                    regionOutage();
                    ExecutionResult first = awaitMonitor();
                    if (first != null && first.succeeded()) {
                        failBack(load, "fault");
                    }
                }
                case ORCHESTRATOR_CRASH -> orchestratorCrash();
                default -> throw new IllegalArgumentException("scenario " + settings.scenario().label() + " is not implemented");
            }
            return outcome.get();
        }

        /** Once traffic is back after {@code since}, and a second of load later, fails back to the original region. */
        private void failBack(LoadGenerator load, String since) throws InterruptedException {
            awaitAckAfter(load, since);
            Thread.sleep(1000);
            if (!dropped.isEmpty()) {
                mark.accept("network back", active.name() + "'s network is back: " + String.join(", ",
                        lab.network().heal(active.name())));
                dropped.clear();
            }
            mark.accept("failback", "failback to " + active.name() + " requested");
            outcome.set(failover.orchestrator().run(request(FailoverMode.FAILBACK, standby, active, false), false));
        }

        /** SIGSTOP to the database (postmaster first, so it forks no new backend), and the service too if asked. */
        private void freeze(boolean service) {
            long pid = active.db().pid().orElseThrow(() -> new IllegalStateException(active.name() + "'s database is not running"));
            List<Long> roots = new ArrayList<>();
            if (service) {
                active.servicePid().ifPresent(roots::add);
            }
            roots.add(pid);
            ProcessControl.freezeTrees(roots);
        }

        /** A region dies with its network: the WAL its database still had in flight to the standby is lost too. */
        private void regionOutage() {
            dropped.addAll(lab.network().dropFromDatabase(active.name()));
            active.killService();
            active.db().kill();
            markFault("SIGKILL to " + active.name() + "'s database and service; what its database sends to other"
                    + " regions is dropped (" + String.join(", ", dropped) + ")");
        }

        private void markFault(String detail) {
            mark.accept("fault", delayMs < 0 ? detail : detail + " (" + delayMs + " ms after the warm-up: a random point"
                    + " of the probe interval)");
        }

        private ExecutionResult awaitMonitor() throws InterruptedException {
            long deadline = System.nanoTime() + settings.recoveryTimeout().toNanos();
            while (monitorOutcome.get() == null && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            ExecutionResult result = monitorOutcome.get();
            outcome.set(result);
            return result;
        }

        private void awaitAckAfter(LoadGenerator load, String event) throws InterruptedException {
            long since = Math.round(eventMs(timeline, event) * 1_000_000);
            long deadline = System.nanoTime() + settings.recoveryTimeout().toNanos();
            while (System.nanoTime() < deadline && load.snapshot().stream().noneMatch(r -> r.acked() && r.sentNanos() >= since)) {
                Thread.sleep(50);
            }
        }

        /**
         * An operator starts {@code drctl failover} as its own process; it is killed with SIGKILL right after
         * its promote step is logged, and the rerun with the same execution id resumes after promote.
         */
        private void orchestratorCrash() throws InterruptedException {
            regionOutage();
            Optional<ExecutionId> previous = failover.executionLog().latest();
            mark.accept("detected", "operator starts 'drctl failover'");
            Path log = lab.dir().resolve("logs").resolve("orchestrator-" + System.nanoTime() + ".log");
            Process process;
            try {
                Files.createDirectories(log.getParent());
                process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), "dev.paymentsdr.lab.failover.cli.FailoverMain",
                        "--lab-dir", lab.dir().toString(), "--max-lag", MAX_LAG.toMillis() + "ms")
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the failover process: " + e.getMessage(), e);
            }
            long deadline = System.nanoTime() + settings.recoveryTimeout().toNanos();
            ExecutionId started = null;
            while (process.isAlive() && System.nanoTime() < deadline) {
                Optional<ExecutionId> latest = failover.executionLog().latest();
                if (latest.isPresent() && !latest.equals(previous)) {
                    started = latest.get();
                    ExecutionId id = started;
                    if (failover.executionLog().read(id).stream()
                            .anyMatch(r -> r.type() == RecordType.STEP_COMPLETED && r.step() == Step.PROMOTE)) {
                        break;
                    }
                }
                Thread.sleep(5);
            }
            process.destroyForcibly();
            process.waitFor();
            if (started == null) {
                throw new IllegalStateException("the failover process wrote no execution; see " + log);
            }
            FailoverRequest request = failover.executionLog().read(started).get(0).request();
            List<ExecutionRecord> before = failover.executionLog().read(request.executionId());
            for (ExecutionRecord r : before) {
                if (r.type() == RecordType.STEP_COMPLETED && (r.step() == Step.FENCE || r.step() == Step.PROMOTE)) {
                    timeline.add(new TimelineEvent(r.step() == Step.FENCE ? "fenced" : "promoted",
                            Duration.between(originInstant, r.at()).toNanos() / 1e6, r.detail()));
                }
            }
            ExecutionRecord last = before.isEmpty() ? null : before.get(before.size() - 1);
            mark.accept("orchestrator killed", "SIGKILL to the failover process after "
                    + (last == null ? "nothing" : last.type() + (last.step() == null ? "" : " " + last.step().label())));
            mark.accept("resumed", "rerun with --execution-id " + request.executionId());
            outcome.set(failover.orchestrator().run(request, false));
        }

        private FailoverRequest request(FailoverMode mode, LabRegion from, LabRegion to, boolean allowDataLoss) {
            Duration maxLag = settings.scenario() == Scenario.REPLICATION_LAG ? REPLAY_PAUSED_MAX_LAG : MAX_LAG;
            return new FailoverRequest(ExecutionId.generate(Instant.now()), mode, RegionId.of(from.name()),
                    RegionId.of(to.name()), maxLag, allowDataLoss, "drill " + settings.scenario().label());
        }
    }

    private static double eventMs(List<TimelineEvent> timeline, String name) {
        synchronized (timeline) {
            return timeline.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().atMs();
        }
    }

    /**
     * Waits until the scenario's last move ended and a payment sent after its outage began (the drain for a
     * switchover or failback) was acknowledged, or the timeout.
     */
    private void awaitRecovery(LoadGenerator load, List<TimelineEvent> timeline, Fault fault) throws InterruptedException {
        long deadline = System.nanoTime() + settings.recoveryTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            ExecutionResult result = fault.outcome.get() != null ? fault.outcome.get() : fault.monitorOutcome.get();
            String last;
            synchronized (timeline) {
                last = timeline.stream().anyMatch(e -> e.name().equals("failback drain")) ? "failback drain"
                        : timeline.stream().anyMatch(e -> e.name().equals("drain")) ? "drain" : "fault";
            }
            long since = Math.round(eventMs(timeline, last) * 1_000_000);
            boolean finished = result != null;
            boolean acked = load.snapshot().stream().anyMatch(r -> r.acked() && r.sentNanos() >= since);
            if ((finished && !result.succeeded()) || (finished && acked)) {
                return;
            }
            Thread.sleep(50);
        }
    }

    /** Every drill idempotency key in the region that is primary now. */
    private static Set<String> keysOnPrimary(Lab lab) {
        Set<String> keys = new HashSet<>();
        try (Connection c = lab.primary().db().connect("postgres", Duration.ofSeconds(10)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select idempotency_key from payments where idempotency_key like 'drill-%'")) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the payments of the new primary " + lab.primary().name() + ": "
                    + e.getMessage(), e);
        }
        return keys;
    }

    private Path createRoot() {
        try {
            Files.createDirectories(settings.workDir());
            Path root = Files.createTempDirectory(settings.workDir(), "drill-");
            // the postgres account must pass through to its own 0700 homes below
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a drill directory under " + settings.workDir() + ": " + e.getMessage(), e);
        }
    }
}
