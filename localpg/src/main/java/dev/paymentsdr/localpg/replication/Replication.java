package dev.paymentsdr.localpg.replication;

import dev.paymentsdr.localpg.LocalPgException;
import dev.paymentsdr.localpg.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * Read-only questions about streaming replication, each asked within a deadline: a server's role, a standby's
 * lag (from the primary, or from the standby alone), whether a standby streams from a primary, WAL positions.
 */
public final class Replication {
    private static final String DB = "postgres";

    private final Duration timeout;

    /** @param timeout the limit of each question (connect, login and query together) */
    public Replication(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The server's role; UNREACHABLE when it is not running, refuses, or does not answer in time. */
    public ServerRole role(PostgresServer server) {
        try (Connection c = server.connect(DB, timeout); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_is_in_recovery(), current_setting('default_transaction_read_only')")) {
            rs.next();
            if (rs.getBoolean(1)) {
                return ServerRole.STANDBY;
            }
            return "on".equals(rs.getString(2)) ? ServerRole.READ_ONLY_PRIMARY : ServerRole.PRIMARY;
        } catch (SQLException | RuntimeException e) {
            return ServerRole.UNREACHABLE;
        }
    }

    /**
     * The standby's lag as the primary sees it in {@code pg_stat_replication} (row of {@code applicationName});
     * empty when the primary does not answer or the standby is not connected to it.
     */
    public Optional<StandbyLag> lagSeenByPrimary(PostgresServer primary, String applicationName) {
        String sql = "select coalesce(extract(epoch from replay_lag), 0), pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn),"
                + " sync_state, state from pg_stat_replication where application_name = ?";
        try (Connection c = primary.connect(DB, timeout); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, applicationName);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long bytes = Math.max(0, rs.getLong(2));
                Duration delay = bytes == 0 ? Duration.ZERO : Duration.ofMillis(Math.round(rs.getDouble(1) * 1000));
                boolean sync = "sync".equals(rs.getString(3)) && "streaming".equals(rs.getString(4));
                return Optional.of(new StandbyLag(delay, bytes, sync, true));
            }
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * With the primary gone, the standby can only say how much of what it received it has not replayed;
     * empty when it does not answer, and no lag at all when it is no longer in recovery.
     */
    public Optional<StandbyLag> lagSeenByStandby(PostgresServer standby) {
        String sql = "select pg_is_in_recovery(), coalesce(pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()), 0),"
                + " coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 0)";
        try (Connection c = standby.connect(DB, timeout); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return Optional.of(new StandbyLag(Duration.ZERO, 0, false, false));
            }
            long bytes = Math.max(0, rs.getLong(2));
            Duration delay = bytes == 0 ? Duration.ZERO : Duration.ofMillis(Math.round(rs.getDouble(3) * 1000));
            return Optional.of(new StandbyLag(delay, bytes, false, false));
        } catch (SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * True when {@code follower} streams from {@code leader} right now: the leader is a primary with a streaming
     * walsender for {@code applicationName}, and the follower is in recovery with a streaming WAL receiver.
     */
    public boolean streams(PostgresServer leader, PostgresServer follower, String applicationName) {
        try {
            String leaderView = leader.queryValue(DB, timeout, "select (not pg_is_in_recovery() and exists(select 1 from"
                    + " pg_stat_replication where application_name = ? and state = 'streaming'))::text", applicationName);
            String followerView = follower.queryValue(DB, timeout, "select (pg_is_in_recovery() and coalesce((select status"
                    + " from pg_stat_wal_receiver), 'none') = 'streaming')::text");
            return "true".equals(leaderView) && "true".equals(followerView);
        } catch (LocalPgException e) {
            return false;
        }
    }

    /** The sync state ({@code sync}, {@code async}, {@code potential}...) of a standby on the primary, if connected. */
    public Optional<String> syncState(PostgresServer primary, String applicationName) {
        try {
            return Optional.ofNullable(primary.queryValue(DB, timeout,
                    "select sync_state from pg_stat_replication where application_name = ?", applicationName));
        } catch (LocalPgException e) {
            return Optional.empty();
        }
    }

    /** The primary's current WAL position. */
    public String currentLsn(PostgresServer primary) {
        return primary.queryValue(DB, timeout, "select pg_current_wal_lsn()::text");
    }

    /** Bytes the standby still has to replay to reach {@code lsn} (negative once it replayed past it). */
    public long replayBehind(PostgresServer standby, String lsn) {
        String behind = standby.queryValue(DB, timeout,
                "select pg_wal_lsn_diff(?::pg_lsn, coalesce(pg_last_wal_replay_lsn(), '0/0'))::bigint::text", lsn);
        return Long.parseLong(behind);
    }
}
