package dev.paymentsdr.localpg.replication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.localpg.FreePorts;
import dev.paymentsdr.localpg.Poll;
import dev.paymentsdr.localpg.PostgresBinaries;
import dev.paymentsdr.localpg.PostgresServer;
import dev.paymentsdr.localpg.TemporaryPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two real servers switched back and forth many times: planned switchovers, crashes of a primary that had
 * written WAL its standby never received (a real rewind), and rejoins from a damaged data directory. Each
 * switch must end with the old primary streaming from the new one, holding every committed row.
 */
class SwitchBackAndForthIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static Path root;
    private static PostgresServer a;
    private static PostgresServer b;
    private final Poll poll = Poll.system(Duration.ofMillis(100));
    private final Replication replication = new Replication(Duration.ofSeconds(2));
    private int rows;

    @BeforeAll
    static void startPair() throws Exception {
        root = Files.createTempDirectory(Path.of("/tmp"), "switch-it-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
        PostgresBinaries binaries = PostgresBinaries.require();
        a = new PostgresServer(binaries, root.resolve("a"), FreePorts.pick(), "secret-pw");
        b = new PostgresServer(binaries, root.resolve("b"), FreePorts.pick(), "secret-pw");
        a.initPrimary(settings("a"));
        a.start();
        a.execute("postgres", "create table t (id int primary key)");
        b.initStandbyFrom(a, "b", settings("b"));
        b.start();
    }

    @AfterAll
    static void stopPair() {
        for (PostgresServer s : new PostgresServer[] {a, b}) {
            if (s != null) {
                s.kill();
            }
        }
        TemporaryPostgres.deleteTree(root);
    }

    private static Map<String, String> settings(String name) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("fsync", "off");
        s.put("cluster_name", "'" + name + "'");
        s.put("wal_keep_size", "'64MB'");
        s.put("wal_receiver_status_interval", "'1s'");
        return s;
    }

    private static String name(PostgresServer s) {
        return s == a ? "a" : "b";
    }

    private StandbyRejoin.Standby standby(PostgresServer s) {
        return new StandbyRejoin.Standby(name(s), settings(name(s)));
    }

    private void write(PostgresServer primary, int count) {
        for (int i = 0; i < count; i++) {
            primary.execute("postgres", "insert into t values (" + (++rows) + ")");
        }
    }

    private long count(PostgresServer s) {
        return Long.parseLong(s.queryValue("postgres", Duration.ofSeconds(5), "select count(*)::text from t"));
    }

    private void plannedSwitch(PostgresServer from, PostgresServer to) {
        new Fencing(replication, poll).makeReadOnly(from, Duration.ofSeconds(10));
        new CatchUp(replication, poll).await(to, from, TIMEOUT);
        new Promotion(replication).promote(to, Duration.ofSeconds(30));
    }

    /** The primary commits rows its standby never receives, then crashes: its WAL diverges from the standby's. */
    private void crashWithDivergence(PostgresServer from, PostgresServer to) {
        to.stop();
        write(from, 3);
        rows -= 3; // those rows were never replicated: after the failover they do not exist
        from.kill();
        to.setStandbySignal(true);
        to.start();
        new Promotion(replication).promote(to, Duration.ofSeconds(30));
    }

    private void rejoinAndCheck(PostgresServer old, PostgresServer primary, int switchNo) {
        String how = new StandbyRejoin(replication, poll).rejoin(old, primary, standby(old), TIMEOUT);
        System.out.println("switch " + switchNo + ": " + name(old) + " " + how);
        assertThat(replication.streams(primary, old, name(old))).as("switch %d: %s", switchNo, how).isTrue();
        assertThat(replication.role(old)).isEqualTo(ServerRole.STANDBY);
        write(primary, 5);
        String lsn = replication.currentLsn(primary);
        poll.until("replay", poll.deadline(Duration.ofSeconds(30)),
                () -> replication.replayBehind(old, lsn) <= 0 ? java.util.Optional.of(true) : java.util.Optional.empty());
        assertThat(count(old)).as("switch %d: rows on the rejoined standby", switchNo).isEqualTo(rows);
    }

    @Test
    void tenSwitchesBackAndForth_eachEndWithTheOldPrimaryStreamingFromTheNewOne() {
        PostgresServer primary = a;
        PostgresServer standby = b;
        write(primary, 5);
        for (int i = 1; i <= 10; i++) {
            if (i % 3 == 2) {
                crashWithDivergence(primary, standby);
            } else {
                plannedSwitch(primary, standby);
            }
            if (i == 7) {
                // an earlier rejoin attempt died half-way through copying: the data directory is damaged
                TemporaryPostgres.deleteTree(primary.dataDir().resolve("global"));
            }
            rejoinAndCheck(primary, standby, i);
            PostgresServer swap = primary;
            primary = standby;
            standby = swap;
        }
    }
}
