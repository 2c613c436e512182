package dev.paymentsdr.localpg.replication;

import dev.paymentsdr.localpg.LocalPgException;
import dev.paymentsdr.localpg.Poll;
import dev.paymentsdr.localpg.PostgresServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Makes a server a streaming standby of a leader, from whatever state it is in (running, stopped, crashed,
 * fenced, half-rewound, half-copied): rewind with pg_rewind when its data can follow, otherwise, or when the
 * rewound server does not start or does not stream, a fresh base backup. It only returns once the server
 * streams steadily; a rerun after an interruption starts again from what it finds.
 */
public final class StandbyRejoin {
    /** How long a rewound server gets to stream before it is rebuilt instead. */
    private static final Duration FIRST_TRY = Duration.ofSeconds(15);
    /** Streaming on this many polls in a row: a standby on a wrong timeline connects, then is dropped at once. */
    private static final int STEADY_POLLS = 3;

    private final Replication replication;
    private final Poll poll;

    public StandbyRejoin(Replication replication, Poll poll) {
        this.replication = replication;
        this.poll = poll;
    }

    /**
     * What the standby is: its replication slot on the leader (also its application name) and the settings of its
     * configuration file as a standby.
     */
    public record Standby(String slotName, Map<String, String> settings) {
    }

    /** Rejoins {@code follower} to {@code leader}; returns how, for the log. Fails after {@code timeout}. */
    public String rejoin(PostgresServer follower, PostgresServer leader, Standby standby, Duration timeout) {
        Instant deadline = poll.deadline(timeout);
        if (streamsSteadily(leader, follower, standby)) {
            return "already streams from port " + leader.port();
        }
        prepareLeader(leader, standby, deadline);
        follower.stopOrKill(bounded(deadline, Duration.ofSeconds(30)));
        if (follower.isInitialized()) {
            String rewound = tryRewind(follower, leader, standby, deadline);
            if (rewound != null) {
                return rewound;
            }
        }
        return rebuild(follower, leader, standby, deadline, follower.isInitialized()
                ? "pg_rewind could not make it follow" : "it had no data directory");
    }

    /**
     * The leader checkpoints (its control file must name its current timeline before pg_rewind reads it) and
     * keeps a slot for the follower, reserving the WAL the follower will ask for.
     */
    private void prepareLeader(PostgresServer leader, Standby standby, Instant deadline) {
        Duration limit = bounded(deadline, replication.timeout().plusSeconds(30));
        leader.execute("postgres", limit, "checkpoint");
        ReplicationSlots.ensure(leader, standby.slotName(), limit);
    }

    /** Rewinds, starts and waits for streaming; null when any of that failed (the caller rebuilds). */
    private String tryRewind(PostgresServer follower, PostgresServer leader, Standby standby, Instant deadline) {
        String how;
        try {
            // pg_rewind finishes a crashed target's recovery in single-user mode, which refuses standby.signal.
            follower.setStandbySignal(false);
            String output = follower.rewindFrom(leader, bounded(deadline, Duration.ofMinutes(3)));
            how = output.contains("no rewind required") ? "restarted as a standby (no rewind was needed)"
                    : "rewound with pg_rewind";
            startAsStandby(follower, leader, standby, deadline);
        } catch (LocalPgException e) {
            follower.stopOrKill(Duration.ofSeconds(10));
            return null;
        }
        Instant firstTry = poll.clock().instant().plus(FIRST_TRY);
        if (awaitSteady(leader, follower, standby, firstTry.isBefore(deadline) ? firstTry : deadline)) {
            return how + " and streams from port " + leader.port();
        }
        follower.stopOrKill(Duration.ofSeconds(10));
        return null;
    }

    private String rebuild(PostgresServer follower, PostgresServer leader, Standby standby, Instant deadline, String why) {
        follower.deleteData();
        try {
            follower.initStandbyFrom(leader, standby.slotName(), standby.settings());
            startAsStandby(follower, leader, standby, deadline);
        } catch (LocalPgException e) {
            throw new LocalPgException("rebuilding the standby on port " + follower.port() + " from a fresh base backup"
                    + " failed (" + why + "): " + e.getMessage() + "; see " + follower.logFile(), e);
        }
        if (!awaitSteady(leader, follower, standby, deadline)) {
            throw new LocalPgException("the standby on port " + follower.port() + " was rebuilt from a fresh base backup ("
                    + why + ") but does not stream from port " + leader.port() + " in time; see " + follower.logFile());
        }
        return "rebuilt from a fresh base backup (" + why + ") and streams from port " + leader.port();
    }

    private void startAsStandby(PostgresServer follower, PostgresServer leader, Standby standby, Instant deadline) {
        follower.configure(standby.settings());
        follower.writeStandbyConfig(leader, standby.slotName());
        follower.start(bounded(deadline, Duration.ofSeconds(60)));
    }

    private boolean awaitSteady(PostgresServer leader, PostgresServer follower, Standby standby, Instant deadline) {
        return poll.within(deadline, () -> streamsSteadily(leader, follower, standby));
    }

    private boolean streamsSteadily(PostgresServer leader, PostgresServer follower, Standby standby) {
        for (int i = 0; i < STEADY_POLLS; i++) {
            if (!replication.streams(leader, follower, standby.slotName())) {
                return false;
            }
            if (i < STEADY_POLLS - 1) {
                poll.pause();
            }
        }
        return true;
    }

    /** The smaller of what is left until the deadline and {@code cap}, but at least one second. */
    private Duration bounded(Instant deadline, Duration cap) {
        Duration left = poll.left(deadline);
        Duration limit = left.compareTo(cap) < 0 ? left : cap;
        return limit.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : limit;
    }
}
