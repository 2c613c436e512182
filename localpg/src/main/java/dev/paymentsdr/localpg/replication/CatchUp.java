package dev.paymentsdr.localpg.replication;

import dev.paymentsdr.localpg.Poll;
import dev.paymentsdr.localpg.PostgresServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A planned switchover's zero-lag wait: the standby replays everything the old primary wrote, shutdown included. */
public final class CatchUp {
    private final Replication replication;
    private final Poll poll;

    public CatchUp(Replication replication, Poll poll) {
        this.replication = replication;
        this.poll = poll;
    }

    /**
     * Waits until {@code standby} replayed the primary's current WAL position, stops the primary cleanly, and waits
     * until the standby replayed its shutdown checkpoint too: the standby's new timeline then forks after the old
     * primary's last record, so the old primary can follow it without a rewind. Returns what was done.
     */
    public String await(PostgresServer standby, PostgresServer primary, Duration timeout) {
        Instant deadline = poll.deadline(timeout);
        String caughtUp = "the old primary was already stopped";
        if (primary.isRunning()) {
            String lsn = replication.currentLsn(primary);
            poll.until("the standby to replay up to " + lsn, deadline,
                    () -> replication.replayBehind(standby, lsn) <= 0 ? Optional.of(true) : Optional.empty());
            caughtUp = "the standby replayed everything up to " + lsn + " (zero lag)";
            primary.stop(poll.left(deadline).plusSeconds(1));
        }
        String checkpoint = primary.latestCheckpointLocation();
        poll.until("the standby to replay the old primary's shutdown checkpoint " + checkpoint, deadline,
                () -> replication.replayBehind(standby, checkpoint) < 0 ? Optional.of(true) : Optional.empty());
        return caughtUp + "; the old primary stopped cleanly and its shutdown checkpoint " + checkpoint
                + " was replayed too";
    }
}
