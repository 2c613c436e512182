package dev.paymentsdr.lab.drill;

import dev.paymentsdr.failover.application.HealthMonitor;
import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionResult;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.lab.Lab;
import dev.paymentsdr.lab.LabConfig;
import dev.paymentsdr.lab.LabRegion;
import dev.paymentsdr.lab.failover.LabFailover;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a drill: for each run a fresh lab in a temporary directory, open-loop load through the front
 * door, the fault, the monitor and orchestrator in this process, and the measurement against the new primary.
 */
public final class DrillRunner {
    private static final Duration MAX_LAG = Duration.ofSeconds(5);

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
            progress.say(String.format(java.util.Locale.ROOT, "run %d: RTO %s ms, acknowledged payments lost %d, acked %d, failed %d (%s)",
                    run, result.rtoMs() == null ? "-" : String.format(java.util.Locale.ROOT, "%.0f", result.rtoMs()),
                    result.rpoLostAcked(), result.acked(), result.failedRequests(), result.outcome()));
            results.add(result);
        }
        return results;
    }

    RunResult runOnce(int run) throws InterruptedException {
        Path root = createRoot();
        Lab lab = null;
        try {
            progress.phase("starting lab");
            lab = Lab.up(LabConfig.builder().dir(root.resolve("lab")).replication(settings.replication())
                    .checkInterval(settings.probeInterval()).fall(settings.failureThreshold()).build(), progress::say);
            return drive(run, lab);
        } finally {
            progress.phase("stopping lab");
            if (lab != null) {
                try {
                    lab.down(true);
                } catch (RuntimeException e) {
                    progress.say("lab down reported: " + e.getMessage());
                }
            }
            TemporaryPostgres.deleteTree(root);
        }
    }

    private RunResult drive(int run, Lab lab) throws InterruptedException {
        long origin = System.nanoTime();
        List<TimelineEvent> timeline = Collections.synchronizedList(new ArrayList<>());
        java.util.function.BiConsumer<String, String> mark =
                (name, detail) -> timeline.add(new TimelineEvent(name, (System.nanoTime() - origin) / 1e6, detail));
        LabFailover failover = LabFailover.of(lab).withExecutionLog(log -> new TimelineLog(log, mark, progress::say,
                settings.scenario() == Scenario.PLANNED_SWITCHOVER));
        LabRegion active = lab.primary();
        LabRegion standby = lab.standby();
        AtomicReference<ExecutionResult> outcome = new AtomicReference<>();
        AtomicBoolean stopMonitor = new AtomicBoolean();
        Thread monitorThread = null;
        try (LoadGenerator load = new LoadGenerator(lab.haproxy().frontDoorUrl(),
                "drill-" + run + "-" + UUID.randomUUID().toString().substring(0, 8) + "-", origin)) {
            progress.counters(load::ok, load::failed);
            if (settings.scenario().detectedByMonitor()) {
                HealthMonitor monitor = failover.monitor(new HealthMonitor.Settings(settings.probeInterval(),
                        settings.failureThreshold(), MAX_LAG, false), new HealthMonitor.Listener() {
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
                                outcome.set(result);
                                stopMonitor.set(true);
                            }
                        });
                monitorThread = new Thread(() -> {
                    try {
                        monitor.run(stopMonitor::get);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "drill-monitor");
                monitorThread.setDaemon(true);
                monitorThread.start();
            }
            progress.phase("load before the fault");
            load.start(settings.rate());
            Thread.sleep(settings.warmup().toMillis());

            progress.phase("fault: " + settings.scenario().label());
            injectFault(failover, active, standby, mark, outcome);

            progress.phase("waiting for recovery");
            awaitRecovery(load, timeline, outcome);
            progress.phase("load after recovery");
            Thread.sleep(settings.tail().toMillis());
            progress.phase("draining in-flight requests");
            List<RequestRecord> records = load.stop();
            stopMonitor.set(true);
            progress.phase("comparing with the new primary");
            ExecutionResult result = outcome.get();
            String described = result == null ? "no failover happened within " + settings.recoveryTimeout().toSeconds() + " s"
                    : result.outcome() + ": " + result.message();
            return RunResult.measure(run, records, List.copyOf(timeline), keysOnPrimary(lab), described);
        } finally {
            stopMonitor.set(true);
            if (monitorThread != null) {
                monitorThread.join(10_000);
            }
        }
    }

    private void injectFault(LabFailover failover, LabRegion active, LabRegion standby,
                             java.util.function.BiConsumer<String, String> mark, AtomicReference<ExecutionResult> outcome) {
        switch (settings.scenario()) {
            case REGION_OUTAGE -> {
                mark.accept("fault", "SIGKILL to " + active.name() + "'s database and service");
                active.killService();
                active.db().kill();
            }
            case SERVICE_CRASH -> {
                mark.accept("fault", "SIGKILL to " + active.name() + "'s payment service");
                active.killService();
            }
            case DB_CRASH -> {
                mark.accept("fault", "SIGKILL to " + active.name() + "'s database");
                active.db().kill();
            }
            case PLANNED_SWITCHOVER -> {
                mark.accept("fault", "planned switchover from " + active.name() + " to " + standby.name() + " requested");
                FailoverRequest request = new FailoverRequest(ExecutionId.generate(Instant.now()), FailoverMode.PLANNED,
                        RegionId.of(active.name()), RegionId.of(standby.name()), MAX_LAG, false, "drill");
                Thread operator = new Thread(() -> outcome.set(failover.orchestrator().run(request, false)), "drill-switchover");
                operator.setDaemon(true);
                operator.start();
            }
            default -> throw new IllegalArgumentException("scenario " + settings.scenario().label() + " is not implemented");
        }
    }

    /** Waits until the failover ended and a payment sent after the fault was acknowledged (or the timeout). */
    private void awaitRecovery(LoadGenerator load, List<TimelineEvent> timeline,
                               AtomicReference<ExecutionResult> outcome) throws InterruptedException {
        double faultMs = timeline.stream().filter(e -> e.name().equals("fault")).findFirst().orElseThrow().atMs();
        long faultNanos = Math.round(faultMs * 1_000_000);
        long deadline = System.nanoTime() + settings.recoveryTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            ExecutionResult result = outcome.get();
            boolean finished = result != null;
            boolean failed = finished && !result.succeeded();
            boolean acked = load.snapshot().stream().anyMatch(r -> r.acked() && r.sentNanos() >= faultNanos);
            if (failed || (finished && acked)) {
                return;
            }
            Thread.sleep(50);
        }
    }

    /** Every drill idempotency key in the region that is primary now. */
    private static Set<String> keysOnPrimary(Lab lab) {
        Set<String> keys = new HashSet<>();
        try (Connection c = lab.primary().db().connect("postgres"); Statement s = c.createStatement();
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
