package dev.paymentsdr.lab;

import dev.paymentsdr.lab.state.LabState;
import dev.paymentsdr.localpg.FreePorts;
import dev.paymentsdr.localpg.LocalPgException;
import dev.paymentsdr.localpg.PostgresServer;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Brings a lab up (creating its state at the first call) and down; on a failed start it stops what it started. */
final class LabLauncher {
    private final Lab lab;
    private final LabConfig config;
    private final Consumer<String> progress;
    private final java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean cancelled;

    LabLauncher(Lab lab, LabConfig config, Consumer<String> progress) {
        this.lab = lab;
        this.config = config;
        this.progress = progress;
    }

    /**
     * Asks a running {@link #up} to stop at its next step and undo what it started, and waits (at most 90 s)
     * until it has.
     */
    void cancelAndAwait() {
        cancelled = true;
        try {
            finished.await(90, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkNotCancelled() {
        if (cancelled) {
            throw new LabException("lab up was interrupted (Ctrl-C or SIGTERM)");
        }
    }

    /** Starts whatever is not running; returns the components it started. */
    List<String> up() {
        try {
            return upOnce();
        } finally {
            finished.countDown();
        }
    }

    private List<String> upOnce() {
        LabLayout.prepareDir(lab.dir());
        try (LabLock ignored = lock()) {
            lab.binaries();
            lab.haproxyBinary();
            Optional<LabState> existing = lab.store().load();
            if (existing.isPresent()) {
                LabLayout.checkSameLab(existing.get(), config);
            } else {
                lab.store().save(LabLayout.create(config, progress));
            }
            return startMissing();
        }
    }

    void down(boolean purge) {
        try (LabLock ignored = lock()) {
            LabState state = lab.state();
            List<String> failures = new ArrayList<>();
            attempt(failures, "haproxy", () -> lab.haproxy().stop());
            for (LabRegion region : lab.regions()) {
                attempt(failures, "service " + region.name(), region::stopService);
            }
            // The primary first: stopping a sync standby first would leave the primary's commits waiting.
            List<LabRegion> ordered = new ArrayList<>(lab.regions());
            ordered.sort((a, b) -> Boolean.compare(a.role() != RegionRole.PRIMARY, b.role() != RegionRole.PRIMARY));
            for (LabRegion region : ordered) {
                attempt(failures, "database " + region.name(), () -> stopDatabase(region));
            }
            if (!failures.isEmpty()) {
                throw new LabException("lab down could not stop everything: " + String.join("; ", failures));
            }
            if (purge) {
                Path pgRoot = Path.of(state.pgRoot());
                if (!pgRoot.startsWith(lab.dir())) {
                    Lab.deleteTree(pgRoot);
                }
                Path socket = Path.of(state.haproxySocket());
                if (!socket.startsWith(lab.dir())) {
                    deleteQuietly(socket);
                }
                Lab.deleteTree(lab.dir());
            }
        }
    }

    private List<String> startMissing() {
        List<String> started = new ArrayList<>();
        Deque<Runnable> undo = new ArrayDeque<>();
        checkPortsFree();
        try {
            LabRegion primary = lab.primary();
            List<LabRegion> standbys = lab.regions().stream().filter(r -> r.role() != RegionRole.PRIMARY).toList();
            startDatabase(primary, null, started, undo);
            for (LabRegion standby : standbys) {
                startDatabase(standby, primary, started, undo);
            }
            for (LabRegion standby : standbys) {
                waitForStreaming(primary, standby);
            }
            startService(primary, started, undo);
            waitUntilReady(primary);
            for (LabRegion standby : standbys) {
                startService(standby, started, undo);
            }
            Haproxy haproxy = lab.haproxy();
            checkNotCancelled();
            if (!haproxy.isRunning()) {
                progress.accept("starting HAProxy front door on " + haproxy.frontDoorUrl());
                haproxy.start(config.startTimeout());
                undo.push(haproxy::stop);
                started.add("haproxy");
            }
            waitForRoute(haproxy, primary);
            return started;
        } catch (RuntimeException e) {
            if (!undo.isEmpty()) {
                progress.accept("start failed; stopping what was started: " + String.join(", ", started));
            }
            while (!undo.isEmpty()) {
                try {
                    undo.pop().run();
                } catch (RuntimeException cleanupFailure) {
                    e.addSuppressed(cleanupFailure);
                }
            }
            throw e;
        }
    }

    /** Fails before anything starts when a port of a component that is not running is taken. */
    private void checkPortsFree() {
        List<String> taken = new ArrayList<>();
        for (LabRegion region : lab.regions()) {
            PostgresServer db = region.db();
            if (!db.isRunning() && !FreePorts.isFree(db.port())) {
                taken.add("database " + region.name() + " port " + db.port());
            }
            if (!region.isServiceRunning() && !FreePorts.isFree(region.servicePort())) {
                taken.add("service " + region.name() + " port " + region.servicePort());
            }
        }
        Haproxy haproxy = lab.haproxy();
        if (!haproxy.isRunning() && !FreePorts.isFree(haproxy.frontDoorPort())) {
            taken.add("haproxy front-door port " + haproxy.frontDoorPort());
        }
        if (!taken.isEmpty()) {
            throw new LabException("cannot start the lab in " + lab.dir() + ": ports in use by other processes: "
                    + String.join(", ", taken) + ". Free them, or choose other ports with 'drctl lab down --purge' and"
                    + " 'drctl lab up --front-door-port/--primary-db-port/...'");
        }
    }

    private void startDatabase(LabRegion region, LabRegion primary, List<String> started, Deque<Runnable> undo) {
        checkNotCancelled();
        PostgresServer db = region.db();
        if (db.isRunning()) {
            return;
        }
        String component = "database " + region.name();
        if (!FreePorts.isFree(db.port())) {
            throw LabException.startFailed(component, "port " + db.port() + " is in use by another process", db.logFile());
        }
        try {
            if (!db.isInitialized()) {
                if (primary == null) {
                    progress.accept("creating the " + region.name() + " primary database (initdb) in " + db.home());
                    db.initPrimary(region.databaseSettings(RegionRole.PRIMARY));
                } else {
                    progress.accept("creating the " + region.name() + " standby (pg_basebackup from " + primary.name() + ")");
                    db.initStandbyFrom(primary.db(), region.replicationName(), region.databaseSettings(RegionRole.STANDBY));
                }
            } else {
                checkRoleMatchesData(region, db);
                db.configure(region.databaseSettings(region.role()));
            }
            progress.accept("starting " + component + " on port " + db.port());
            db.start();
        } catch (LocalPgException e) {
            undo.push(() -> stopDatabase(region));
            throw LabException.startFailed(component, e.getMessage(), db.logFile());
        }
        Long pid = db.pid().orElse(null);
        lab.store().update(s -> s.withRegion(region.name(), r -> r.withDbPid(pid)));
        undo.push(() -> stopDatabase(region));
        started.add(component);
    }

    /**
     * A data directory whose kind (standby.signal or not) contradicts the recorded role is never started: an
     * old primary that has not rejoined would otherwise come back as a second writable primary.
     */
    private static void checkRoleMatchesData(LabRegion region, PostgresServer db) {
        boolean isStandbyData = Files.exists(db.dataDir().resolve("standby.signal"));
        if (region.role() == RegionRole.STANDBY && !isStandbyData) {
            throw LabException.startFailed("database " + region.name(), "it is recorded as a standby but its data"
                    + " directory " + db.dataDir() + " is a primary's (no standby.signal): it has not rejoined since a"
                    + " failover; rejoin it first (drctl failback), or recreate the lab with 'drctl lab down --purge'",
                    db.logFile());
        }
        if (region.role() == RegionRole.PRIMARY && isStandbyData) {
            throw LabException.startFailed("database " + region.name(), "it is recorded as the primary but its data"
                    + " directory " + db.dataDir() + " is a standby's (standby.signal); promote it or fix the roles in "
                    + dev.paymentsdr.lab.state.LabStateStore.FILE_NAME, db.logFile());
        }
    }

    private void startService(LabRegion region, List<String> started, Deque<Runnable> undo) {
        checkNotCancelled();
        if (region.isServiceRunning()) {
            return;
        }
        progress.accept("starting the payment service of " + region.name() + " on " + region.serviceUrl());
        undo.push(region::stopService);
        region.startService(config.startTimeout());
        started.add("service " + region.name());
    }

    private static void stopDatabase(LabRegion region) {
        PostgresServer db = region.db();
        Optional<ProcessHandle> postmaster = db.pid().flatMap(ProcessHandle::of);
        try {
            db.stop();
        } catch (LocalPgException e) {
            db.kill();
        }
        // pg_ctl returns once postmaster.pid is gone, a moment before the postmaster itself has exited
        postmaster.ifPresent(p -> {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new LabException("the PostgreSQL server of " + region.name() + " (pid " + p.pid()
                        + ") did not exit after pg_ctl stop; see " + db.logFile());
            }
        });
    }

    private void waitForStreaming(LabRegion primary, LabRegion standby) {
        boolean sync = lab.state().replication() == ReplicationMode.SYNC;
        Instant deadline = Instant.now().plus(config.startTimeout());
        String last = "no replication connection";
        while (Instant.now().isBefore(deadline)) {
            try (Connection c = primary.db().connect("postgres", java.time.Duration.ofSeconds(2));
                 PreparedStatement st = c.prepareStatement(
                         "select state, sync_state from pg_stat_replication where application_name = ?")) {
                st.setString(1, standby.replicationName());
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        last = "state " + rs.getString(1) + ", sync_state " + rs.getString(2);
                        if ("streaming".equals(rs.getString(1)) && (!sync || "sync".equals(rs.getString(2)))) {
                            return;
                        }
                    }
                }
            } catch (SQLException e) {
                last = e.getMessage();
            }
            checkNotCancelled();
            LabRegion.pause();
        }
        throw LabException.startFailed("replication " + primary.name() + " -> " + standby.name(),
                "the standby is not streaming" + (sync ? " synchronously" : "") + " (" + last + "); if a failover left "
                        + standby.name() + " behind, rejoin it with 'drctl failback', or start afresh with 'drctl lab down --purge'",
                standby.db().logFile());
    }

    private void waitUntilReady(LabRegion region) {
        Instant deadline = Instant.now().plus(config.startTimeout());
        while (!region.isReady()) {
            if (Instant.now().isAfter(deadline)) {
                throw LabException.startFailed("service " + region.name(), "/health/ready did not answer 200 within "
                        + config.startTimeout().toSeconds() + " s (last: " + region.readinessStatus() + ")", region.serviceLog());
            }
            checkNotCancelled();
            LabRegion.pause();
        }
    }

    private void waitForRoute(Haproxy haproxy, LabRegion primary) {
        Instant deadline = Instant.now().plus(config.startTimeout());
        while (!haproxy.routesTo().map(primary.name()::equals).orElse(false)) {
            if (Instant.now().isAfter(deadline)) {
                throw LabException.startFailed("haproxy", "does not route to " + primary.name() + " within "
                        + config.startTimeout().toSeconds() + " s (routes to: " + haproxy.routesTo().orElse("nobody") + ")",
                        haproxy.logFile());
            }
            checkNotCancelled();
            LabRegion.pause();
        }
    }

    /** Holds the lab's lock file: one up or down at a time across processes. */
    private record LabLock(FileChannel channel) implements AutoCloseable {
        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing the channel releases the lock; nothing else to do
            }
        }
    }

    private LabLock lock() {
        try {
            FileChannel channel = FileChannel.open(lab.dir().resolve("lab.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                progress.accept("another drctl is starting or stopping this lab; waiting for it ...");
                channel.lock();
            }
            return new LabLock(channel);
        } catch (IOException e) {
            throw new LabException("cannot lock " + lab.dir().resolve("lab.lock") + ": " + e.getMessage(), e);
        }
    }

    private static void attempt(List<String> failures, String component, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            failures.add(component + ": " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover socket file in /tmp is harmless
        }
    }
}
