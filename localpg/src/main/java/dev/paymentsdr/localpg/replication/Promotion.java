package dev.paymentsdr.localpg.replication;

import dev.paymentsdr.localpg.LocalPgException;
import dev.paymentsdr.localpg.PostgresServer;
import java.time.Duration;

/** Promotes a standby so that it commits on its own and can be the source of a later pg_rewind. */
public final class Promotion {
    private static final String DB = "postgres";

    private final Replication replication;

    public Promotion(Replication replication) {
        this.replication = replication;
    }

    /**
     * Promotes the standby ({@code pg_promote()}, waiting), unfences and unsynchronizes it. Returns what was done;
     * harmless on a server that is a primary already. It does not checkpoint: a checkpoint under load can take
     * seconds, all of them outage; the checkpoint pg_rewind needs (the control file names the old timeline until
     * then) is taken by {@link StandbyRejoin} just before it rewinds.
     */
    public String promote(PostgresServer standby, Duration timeout) {
        long started = System.nanoTime();
        ServerRole role = replication.role(standby);
        long asked = System.nanoTime();
        String done;
        if (role == ServerRole.STANDBY) {
            long seconds = Math.max(1, timeout.toSeconds());
            String promoted = standby.queryValue(DB, timeout.plusSeconds(1), "select pg_promote(true, " + seconds + ")::text");
            if (!"true".equals(promoted)) {
                throw new LocalPgException("pg_promote() on port " + standby.port() + " did not finish within " + seconds + " s");
            }
            // where a slow promotion spent its time (a rare 5 s one in the network-partition drill is not explained yet)
            done = "promoted with pg_promote() (role asked in " + millis(started, asked) + " ms, pg_promote() took "
                    + millis(asked, System.nanoTime()) + " ms)";
        } else if (role == ServerRole.PRIMARY || role == ServerRole.READ_ONLY_PRIMARY) {
            done = "was already a primary";
        } else {
            throw new LocalPgException("cannot promote the server on port " + standby.port() + ": it does not answer");
        }
        // A promoted standby must not wait for a synchronous standby it does not have, nor stay fenced.
        standby.execute(DB, timeout, "alter system reset synchronous_standby_names",
                "alter system reset default_transaction_read_only", "select pg_reload_conf()");
        return done;
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }
}
