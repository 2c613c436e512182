package dev.paymentsdr.localpg.replication;

import dev.paymentsdr.localpg.LocalPgException;
import dev.paymentsdr.localpg.Poll;
import dev.paymentsdr.localpg.PostgresServer;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps an old primary from taking writes: read-only when it answers; when it does not, stopped (a frozen
 * process is killed: SIGKILL ends even a stopped process) and marked so that it only ever restarts as a standby.
 */
public final class Fencing {
    private static final String DB = "postgres";

    private final Replication replication;
    private final Poll poll;

    public Fencing(Replication replication, Poll poll) {
        this.replication = replication;
        this.poll = poll;
    }

    /**
     * Makes a reachable primary read-only ({@code default_transaction_read_only}, reloaded, checked) and ends its
     * client sessions, so no transaction that began before can commit; returns what was done.
     */
    public String makeReadOnly(PostgresServer server, Duration timeout) {
        Instant deadline = poll.deadline(timeout);
        server.execute(DB, timeout, "alter system set default_transaction_read_only = on", "select pg_reload_conf()");
        poll.until("port " + server.port() + " to become read-only", deadline, () -> replication.role(server)
                == ServerRole.READ_ONLY_PRIMARY ? java.util.Optional.of(true) : java.util.Optional.empty());
        endClientSessions(server, poll.left(deadline));
        return "made read-only (default_transaction_read_only=on) and its client sessions ended";
    }

    /** Ends every client session of a read-only primary (a transaction that began before the fence cannot commit). */
    public void endClientSessions(PostgresServer server, Duration timeout) {
        server.execute(DB, timeout.isZero() ? Duration.ofMillis(500) : timeout, "select pg_terminate_backend(pid)"
                + " from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()");
    }

    /**
     * For a primary that does not answer: kills what is left of it and leaves {@code standby.signal}, so that
     * whatever restarts it, it comes back read-only in recovery; returns what was done.
     */
    public String stopUnreachable(PostgresServer server) {
        String stopped = "";
        if (server.isRunning()) {
            server.kill();
            stopped = "its postmaster (not answering) was killed; ";
        }
        if (server.isInitialized()) {
            server.setStandbySignal(true);
        }
        if (server.isRunning()) {
            throw new LocalPgException("the server on port " + server.port() + " is still running after SIGKILL");
        }
        return stopped + "marked to restart only as a standby (standby.signal)";
    }
}
