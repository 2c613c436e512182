package dev.paymentsdr.bench;

import dev.paymentsdr.localpg.FreePorts;
import dev.paymentsdr.localpg.Poll;
import dev.paymentsdr.localpg.PostgresBinaries;
import dev.paymentsdr.localpg.PostgresServer;
import dev.paymentsdr.localpg.TemporaryPostgres;
import dev.paymentsdr.localpg.replication.Replication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The benchmark's database: a fresh durable primary and, unless the mode is {@link ReplicationMode#NONE}, a
 * streaming standby made from it the way the lab makes one (base backup through a replication slot); in
 * {@link ReplicationMode#SYNC} the primary names it in {@code synchronous_standby_names}, as the lab's primary does.
 */
final class BenchDatabase implements AutoCloseable {
    /** The standby's application name and slot. */
    static final String STANDBY_NAME = "bench_standby";
    private static final Duration STREAMING_TIMEOUT = Duration.ofSeconds(120);

    private final ReplicationMode mode;
    private final TemporaryPostgres primary;
    private final PostgresServer standby;

    private BenchDatabase(ReplicationMode mode, TemporaryPostgres primary, PostgresServer standby) {
        this.mode = mode;
        this.primary = primary;
        this.standby = standby;
    }

    static BenchDatabase start(ReplicationMode mode) {
        Map<String, String> settings = new LinkedHashMap<>(durable());
        if (mode == ReplicationMode.SYNC) {
            // Set before the standby exists, as the lab does: nothing commits until it streams.
            settings.put("synchronous_standby_names", "'FIRST 1 (" + STANDBY_NAME + ")'");
        }
        TemporaryPostgres primary = TemporaryPostgres.start(settings);
        if (mode == ReplicationMode.NONE) {
            return new BenchDatabase(mode, primary, null);
        }
        PostgresServer standby = null;
        try {
            // Beside the primary, in the temporary directory that is deleted with it.
            Path home = primary.server().home().getParent().resolve("standby");
            standby = new PostgresServer(PostgresBinaries.require(), home, FreePorts.pick(), primary.password());
            Map<String, String> standbySettings = new LinkedHashMap<>(durable());
            standbySettings.put("hot_standby_feedback", "on");
            standbySettings.put("wal_receiver_status_interval", "'1s'");
            standby.initStandbyFrom(primary.server(), STANDBY_NAME, standbySettings);
            standby.start();
            BenchDatabase database = new BenchDatabase(mode, primary, standby);
            database.awaitStreaming();
            return database;
        } catch (RuntimeException e) {
            if (standby != null) {
                standby.kill();
            }
            primary.close();
            throw e;
        }
    }

    /** Commits that reach the disk on both servers, as in production. */
    private static Map<String, String> durable() {
        return Map.of("fsync", "on", "synchronous_commit", "on", "max_connections", "200");
    }

    private void awaitStreaming() {
        Replication replication = new Replication(Duration.ofSeconds(5));
        String wanted = mode == ReplicationMode.SYNC ? "sync" : "async";
        Poll poll = Poll.system(Duration.ofMillis(200));
        poll.until("the standby to stream from the primary as " + wanted, poll.deadline(STREAMING_TIMEOUT),
                () -> replication.streams(primary.server(), standby, STANDBY_NAME)
                        ? replication.syncState(primary.server(), STANDBY_NAME).filter(wanted::equals)
                        : Optional.empty());
    }

    ReplicationMode mode() {
        return mode;
    }

    TemporaryPostgres primary() {
        return primary;
    }

    /** The servers whose processes do the database's work: the primary and, when there is one, the standby. */
    List<PostgresServer> servers() {
        return standby == null ? List.of(primary.server()) : List.of(primary.server(), standby);
    }

    /** Stops the primary first (as the lab does: a sync standby stopped first would leave commits waiting), then the standby. */
    @Override
    public void close() {
        try {
            if (standby != null) {
                primary.server().stopOrKill(Duration.ofSeconds(30));
                standby.stopOrKill(Duration.ofSeconds(30));
            }
        } finally {
            primary.close();
        }
    }
}
