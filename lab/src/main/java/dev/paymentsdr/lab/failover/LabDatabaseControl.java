package dev.paymentsdr.lab.failover;

import dev.paymentsdr.failover.domain.model.DatabaseRole;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.domain.model.ReplicationLag;
import dev.paymentsdr.failover.port.out.DatabaseControl;
import dev.paymentsdr.lab.Lab;
import dev.paymentsdr.lab.LabRegion;
import dev.paymentsdr.lab.RegionRole;
import dev.paymentsdr.lab.ReplicationMode;
import dev.paymentsdr.localpg.LocalPgException;
import dev.paymentsdr.localpg.OsUser;
import dev.paymentsdr.localpg.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The database port on the lab's PostgreSQL pair: roles from {@code pg_is_in_recovery()}, lag from
 * {@code pg_stat_replication} (or the standby's own view), read-only fencing, {@code pg_promote()},
 * and rejoin with {@code pg_rewind} (or a fresh base backup when rewind is impossible).
 */
public final class LabDatabaseControl implements DatabaseControl {
    private static final String DB = "postgres";
    private static final Duration POLL = Duration.ofMillis(100);

    private final Lab lab;

    public LabDatabaseControl(Lab lab) {
        this.lab = lab;
    }

    private LabRegion region(RegionId id) {
        return lab.region(id.name());
    }

    @Override
    public DatabaseRole role(RegionId region) {
        try (Connection c = region(region).db().connect(DB); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_is_in_recovery(), current_setting('default_transaction_read_only')")) {
            rs.next();
            if (rs.getBoolean(1)) {
                return DatabaseRole.STANDBY;
            }
            return "on".equals(rs.getString(2)) ? DatabaseRole.FENCED_PRIMARY : DatabaseRole.PRIMARY;
        } catch (SQLException | RuntimeException e) {
            return DatabaseRole.UNREACHABLE;
        }
    }

    @Override
    public Optional<ReplicationLag> lag(RegionId standby, RegionId primary) {
        Optional<ReplicationLag> fromPrimary = lagSeenByPrimary(standby, primary);
        return fromPrimary.isPresent() ? fromPrimary : lagSeenByStandby(standby);
    }

    private Optional<ReplicationLag> lagSeenByPrimary(RegionId standby, RegionId primary) {
        String sql = "select coalesce(extract(epoch from replay_lag), 0), pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn),"
                + " sync_state, state from pg_stat_replication where application_name = ?";
        try (Connection c = region(primary).db().connect(DB); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, region(standby).replicationName());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long bytes = rs.getLong(2);
                Duration delay = bytes == 0 ? Duration.ZERO : Duration.ofMillis(Math.round(rs.getDouble(1) * 1000));
                boolean sync = "sync".equals(rs.getString(3)) && "streaming".equals(rs.getString(4));
                return Optional.of(new ReplicationLag(delay, bytes, sync, true));
            }
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** With the primary gone, the standby can only say how much of what it received it has not replayed yet. */
    private Optional<ReplicationLag> lagSeenByStandby(RegionId standby) {
        String sql = "select pg_is_in_recovery(), coalesce(pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()), 0),"
                + " coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 0)";
        try (Connection c = region(standby).db().connect(DB); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return Optional.of(ReplicationLag.none(false, false));
            }
            long bytes = Math.max(0, rs.getLong(2));
            Duration delay = bytes == 0 ? Duration.ZERO : Duration.ofMillis(Math.round(rs.getDouble(3) * 1000));
            return Optional.of(new ReplicationLag(delay, bytes, false, false));
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String fence(RegionId region) {
        PostgresServer db = region(region).db();
        DatabaseRole role = role(region);
        switch (role) {
            case STANDBY:
                return region + " database is a standby: nothing to fence";
            case FENCED_PRIMARY:
                terminateClientSessions(db);
                return region + " database was already read-only";
            case PRIMARY:
                db.execute(DB, "alter system set default_transaction_read_only = on", "select pg_reload_conf()");
                awaitReadOnly(db, Duration.ofSeconds(10));
                terminateClientSessions(db);
                return region + " database made read-only (default_transaction_read_only=on) and its client sessions ended";
            default:
                return fenceUnreachable(region, db);
        }
    }

    /**
     * A primary that does not answer may still come back: stop what is left of it and leave a
     * {@code standby.signal}, so that if anything restarts it, it starts in recovery (read-only).
     */
    private String fenceUnreachable(RegionId region, PostgresServer db) {
        String stopped = "";
        if (db.isRunning()) {
            db.kill();
            stopped = "its hung postmaster was killed; ";
        }
        if (db.isInitialized()) {
            Path signal = db.dataDir().resolve("standby.signal");
            try {
                if (!Files.exists(signal)) {
                    Files.createFile(signal);
                    OsUser.handOver(signal);
                }
            } catch (IOException e) {
                throw new LocalPgException("cannot fence " + region + ": cannot write " + signal + ": " + e.getMessage(), e);
            }
        }
        lab.setRole(region.name(), RegionRole.STANDBY);
        return region + " database unreachable: " + stopped + "marked to restart only as a standby (standby.signal)";
    }

    private static void awaitReadOnly(PostgresServer db, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try (Connection c = db.connect(DB); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("show default_transaction_read_only")) {
                rs.next();
                if ("on".equals(rs.getString(1))) {
                    return;
                }
            } catch (SQLException e) {
                // the server may be busy reloading; ask again
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LocalPgException("the database on port " + db.port() + " did not become read-only within "
                        + timeout.toSeconds() + " s");
            }
            pause(POLL);
        }
    }

    private static void terminateClientSessions(PostgresServer db) {
        db.execute(DB, "select pg_terminate_backend(pid) from pg_stat_activity"
                + " where backend_type = 'client backend' and pid <> pg_backend_pid()");
    }

    @Override
    public String awaitCaughtUp(RegionId standby, RegionId primary, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        PostgresServer old = region(primary).db();
        String caughtUp = primary + " was already stopped";
        if (old.isRunning()) {
            String lsn = awaitReplayed(standby, () -> singleOrFail(old, "select pg_current_wal_lsn()::text"), false, deadline);
            caughtUp = standby + " replayed everything up to " + lsn + " (zero lag)";
            // A clean stop streams the old primary's shutdown checkpoint to the standby before it exits. Once the
            // standby has replayed it, the standby's new timeline forks after the old primary's last record, so
            // the old primary can later follow it without a rewind.
            old.stop();
        }
        String checkpoint = old.latestCheckpointLocation();
        awaitReplayed(standby, () -> checkpoint, true, deadline);
        return caughtUp + "; " + primary + " stopped cleanly and its shutdown checkpoint " + checkpoint
                + " was replayed too";
    }

    /**
     * Waits until the standby's replay position is at the LSN (or, when {@code past}, beyond it: the record
     * that starts there is replayed too); returns that LSN.
     */
    private String awaitReplayed(RegionId standby, java.util.function.Supplier<String> target, boolean past,
                                 Instant deadline) {
        Long behind = null;
        String lsn = null;
        while (true) {
            try (Connection s = region(standby).db().connect(DB);
                 PreparedStatement q = s.prepareStatement(
                         "select pg_wal_lsn_diff(?::pg_lsn, coalesce(pg_last_wal_replay_lsn(), '0/0'))")) {
                lsn = target.get();
                q.setString(1, lsn);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    behind = rs.getLong(1);
                }
                if (past ? behind < 0 : behind <= 0) {
                    return lsn;
                }
            } catch (SQLException | LocalPgException e) {
                behind = null;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LocalPgException(standby + " did not replay up to " + lsn + " in time ("
                        + (behind == null ? "a database did not answer" : behind + " bytes behind") + ")");
            }
            pause(POLL);
        }
    }

    @Override
    public String promote(RegionId standby) {
        LabRegion target = region(standby);
        PostgresServer db = target.db();
        DatabaseRole role = role(standby);
        String done;
        if (role == DatabaseRole.PRIMARY) {
            done = standby + " was already a primary";
        } else if (role == DatabaseRole.STANDBY) {
            String promoted = singleOrFail(db, "select pg_promote(true, 60)::text");
            if (!"true".equals(promoted)) {
                throw new LocalPgException("pg_promote() on " + standby + " did not finish within 60 s");
            }
            done = standby + " promoted with pg_promote()";
        } else {
            throw new LocalPgException("cannot promote " + standby + ": its database is "
                    + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ", not a standby");
        }
        // A promoted standby must not wait for a synchronous standby it does not have.
        db.configure(target.databaseSettings(RegionRole.STANDBY));
        db.execute(DB, "alter system reset synchronous_standby_names", "alter system reset default_transaction_read_only",
                "select pg_reload_conf()");
        for (LabRegion other : lab.regions()) {
            if (!other.name().equals(standby.name())) {
                lab.setRole(other.name(), RegionRole.STANDBY);
            }
        }
        lab.setRole(standby.name(), RegionRole.PRIMARY);
        boolean sync = lab.state().replication() == ReplicationMode.SYNC;
        return done + (sync ? "; running without a synchronous standby until the old primary rejoins" : "");
    }

    @Override
    public String rejoinAsStandby(RegionId region, RegionId primary, Duration timeout) {
        LabRegion follower = region(region);
        LabRegion leader = region(primary);
        if (streamsSteadily(leader, follower)) {
            restoreSynchronousStandby(leader);
            lab.setRole(region.name(), RegionRole.STANDBY);
            return region + " already streams from " + primary;
        }
        Instant deadline = Instant.now().plus(timeout);
        PostgresServer db = follower.db();
        PostgresServer source = leader.db();
        ensureSlot(source, follower.replicationName());
        stopQuietly(db);
        lab.setRole(region.name(), RegionRole.STANDBY);
        String how;
        boolean rewound;
        try {
            // pg_rewind replays a crashed target in single-user mode, which refuses to run with standby.signal.
            Files.deleteIfExists(db.dataDir().resolve("standby.signal"));
            db.rewindFrom(source);
            how = "rewound with pg_rewind";
            rewound = true;
        } catch (IOException | LocalPgException rewindFailure) {
            reclone(db, source, follower);
            how = "rebuilt from a fresh base backup (pg_rewind was impossible: " + firstLine(rewindFailure.getMessage()) + ")";
            rewound = false;
        }
        startAsStandby(db, follower);
        // a standby that can follow streams within a second or two; one that cannot is dropped every 5 s
        Instant firstTry = Instant.now().plusSeconds(8);
        if (!awaitStreaming(leader, follower, firstTry.isBefore(deadline) ? firstTry : deadline)) {
            if (!rewound) {
                throw notStreaming(region, primary, how, timeout, db);
            }
            // A rewind that finds nothing to undo can still leave a server that cannot follow the new timeline.
            stopQuietly(db);
            reclone(db, source, follower);
            startAsStandby(db, follower);
            how = "rebuilt from a fresh base backup (after pg_rewind it could not follow the new timeline)";
            if (!awaitStreaming(leader, follower, deadline)) {
                throw notStreaming(region, primary, how, timeout, db);
            }
        }
        restoreSynchronousStandby(leader);
        return region + " " + how + " and streams from " + primary + " as a standby";
    }

    private static LocalPgException notStreaming(RegionId region, RegionId primary, String how, Duration timeout,
                                                 PostgresServer db) {
        return new LocalPgException(region + " was " + how + " but does not stream from " + primary + " within "
                + timeout.toSeconds() + " s; see " + db.logFile());
    }

    private void startAsStandby(PostgresServer db, LabRegion follower) {
        db.configure(follower.databaseSettings(RegionRole.STANDBY));
        useSlot(db, follower.replicationName());
        Path signal = db.dataDir().resolve("standby.signal");
        try {
            if (!Files.exists(signal)) {
                Files.createFile(signal);
                OsUser.handOver(signal);
            }
        } catch (IOException e) {
            throw new LocalPgException("cannot write " + signal + ": " + e.getMessage(), e);
        }
        db.start();
    }

    private static void stopQuietly(PostgresServer db) {
        if (db.isRunning()) {
            try {
                db.stop();
            } catch (LocalPgException e) {
                db.kill();
            }
        }
    }

    private static boolean awaitStreaming(LabRegion leader, LabRegion follower, Instant deadline) {
        while (Instant.now().isBefore(deadline)) {
            if (streamsSteadily(leader, follower)) {
                return true;
            }
            pause(POLL);
        }
        return false;
    }

    /** Streaming on three polls in a row: a standby on a wrong timeline connects, then is dropped at once. */
    private static boolean streamsSteadily(LabRegion leader, LabRegion follower) {
        for (int i = 0; i < 3; i++) {
            if (!isStreaming(leader, follower)) {
                return false;
            }
            pause(Duration.ofMillis(300));
        }
        return true;
    }

    private void reclone(PostgresServer db, PostgresServer source, LabRegion follower) {
        dev.paymentsdr.localpg.TemporaryPostgres.deleteTree(db.dataDir());
        Map<String, String> settings = new java.util.LinkedHashMap<>(follower.databaseSettings(RegionRole.STANDBY));
        db.initStandbyFrom(source, follower.replicationName(), settings);
    }

    /** In sync mode, once a standby streams again, the primary waits for it again: RPO 0 is back. */
    private void restoreSynchronousStandby(LabRegion leader) {
        if (lab.state().replication() != ReplicationMode.SYNC) {
            return;
        }
        leader.db().configure(leader.databaseSettings(RegionRole.PRIMARY));
        leader.db().execute(DB, "select pg_reload_conf()");
    }

    /**
     * pg_rewind copies the source's postgresql.auto.conf, which names the source's own old slot; point the
     * stopped server at its own slot instead (auto.conf wins over every other settings file).
     */
    private static void useSlot(PostgresServer db, String slot) {
        Path autoConf = db.dataDir().resolve("postgresql.auto.conf");
        try {
            StringBuilder text = new StringBuilder();
            if (Files.exists(autoConf)) {
                for (String line : Files.readAllLines(autoConf)) {
                    if (!line.strip().startsWith("primary_slot_name")) {
                        text.append(line).append('\n');
                    }
                }
            }
            text.append("primary_slot_name = '").append(slot).append("'\n");
            Files.writeString(autoConf, text.toString());
            OsUser.handOver(autoConf);
        } catch (IOException e) {
            throw new LocalPgException("cannot update " + autoConf + ": " + e.getMessage(), e);
        }
    }

    private static void ensureSlot(PostgresServer primary, String slot) {
        primary.execute(DB, "select pg_create_physical_replication_slot('" + slot + "')"
                + " where not exists (select 1 from pg_replication_slots where slot_name = '" + slot + "')");
    }

    private static boolean isStreaming(LabRegion leader, LabRegion follower) {
        try (Connection c = leader.db().connect(DB);
             PreparedStatement s = c.prepareStatement(
                     "select 1 from pg_stat_replication where application_name = ? and state = 'streaming'")) {
            s.setString(1, follower.replicationName());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && !isInRecovery(leader) && receiverStreams(follower);
            }
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private static boolean receiverStreams(LabRegion follower) throws SQLException {
        try (Connection c = follower.db().connect(DB)) {
            return "streaming".equals(single(c, "select coalesce((select status from pg_stat_wal_receiver), 'none')"));
        }
    }

    private static boolean isInRecovery(LabRegion region) throws SQLException {
        try (Connection c = region.db().connect(DB)) {
            return "true".equals(single(c, "select pg_is_in_recovery()::text"));
        }
    }

    private static String singleOrFail(PostgresServer db, String sql) {
        try (Connection c = db.connect(DB)) {
            return single(c, sql);
        } catch (SQLException e) {
            throw new LocalPgException("SQL on port " + db.port() + " failed: " + e.getMessage(), e);
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown reason";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalPgException("interrupted while waiting for a database", e);
        }
    }
}
