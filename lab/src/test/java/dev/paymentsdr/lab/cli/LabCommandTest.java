package dev.paymentsdr.lab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.lab.LabStatus;
import dev.paymentsdr.lab.RegionRole;
import dev.paymentsdr.lab.ReplicationMode;
import dev.paymentsdr.lab.state.LabState;
import dev.paymentsdr.lab.state.LabStateStore;
import dev.paymentsdr.lab.state.RegionState;
import dev.paymentsdr.lab.state.SampleNetwork;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LabCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new LabCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        // autoflush on println, as picocli wires System.out: a bare print() must be flushed by the command
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void givenAnUnknownReplicationMode_thenUpIsAUsageErrorNamingTheAcceptedModes(@TempDir Path dir) {
        assertThat(run("up", "--dir", dir.toString(), "--replication", "semi")).isEqualTo(2);
        assertThat(err.toString()).contains("replication must be 'sync' or 'async', was 'semi'");
        assertThat(dir.resolve("lab-state.json")).doesNotExist();
    }

    @Test
    void givenATooShortCheckIntervalAndAPrivilegedPort_thenUpReportsBoth(@TempDir Path dir) {
        assertThat(run("up", "--dir", dir.toString(), "--check-interval", "5ms", "--front-door-port", "80")).isEqualTo(2);
        assertThat(err.toString()).contains("health-check interval must be between 100ms and 60s, was 5ms")
                .contains("front-door port must be 1024..65535");
    }

    @Test
    void givenNoLab_thenStatusSaysHowToStartOneAndDownHasNothingToStop(@TempDir Path dir) {
        assertThat(run("status", "--dir", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no lab in " + dir).contains("drctl lab up");

        assertThat(run("down", "--dir", dir.toString())).isZero();
        assertThat(out.toString()).contains("nothing to stop");
    }

    @Test
    void givenAStoppedLab_thenStatusPrintsEveryRegionAsStoppedAsTableAndAsJson(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("db-password"), "not-used-here\n");
        new LabStateStore(dir).save(stoppedAsyncLab(dir));

        assertThat(run("status", "--dir", dir.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("(async replication)").contains("HAProxy stopped")
                .containsPattern("us-east-2 +standby +18082 +stopped");

        assertThat(run("status", "--dir", dir.toString(), "--json")).isZero();
        assertThat(out.toString()).contains("\"routes_to\" : null").contains("\"db_running\" : false")
                .contains("\"pg_is_in_recovery\" : null");
    }

    @Test
    void givenALabMadeWithOtherSettings_thenUpShowsItsPhaseStartingAndFailingOnStderr_andStartsNothing(@TempDir Path dir) {
        new LabStateStore(dir).save(stoppedAsyncLab(dir));

        assertThat(run("up", "--dir", dir.toString(), "--replication", "sync", "--no-install")).isEqualTo(1);

        // the phase's start, then its end with its duration and why (other settings, or a program missing here)
        assertThat(err.toString()).containsPattern("(?m)^lab up \\[ *\\d+\\.\\d s\\] start the lab in " + java.util.regex.Pattern.quote(
                dir.toString()) + " \\.\\.\\.$").containsPattern("(?m)^lab up \\[ *\\d+\\.\\d s\\] start the lab in .* FAILED in"
                + " \\d+\\.\\d s: .+$").contains("drctl lab up: ");
        assertThat(out.toString()).as("stdout keeps only results").isEmpty();
    }

    @Test
    void givenAnUnknownComponentOrLineCount_thenLogsIsAUsageError(@TempDir Path dir) {
        assertThat(run("logs", "--dir", dir.toString(), "--component", "kernel")).isEqualTo(2);
        assertThat(err.toString()).contains("expected one of [db, service, haproxy]");
        assertThat(run("logs", "--dir", dir.toString(), "--lines", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--lines must be 1..100000, was 0");
    }

    @Test
    void theStatusTableShowsRolesReplicationReadinessAndTheRoute() {
        LabStatus status = new LabStatus("/srv/.lab", "sync", "http://127.0.0.1:18080", true, "us-east-1", List.of(
                new LabStatus.RegionStatus("us-east-1", "primary", 18081, true, false, null, null, null, null,
                        "FIRST 1 (\"us_east_2\")", 18083, true, 200, true, "UP"),
                new LabStatus.RegionStatus("us-east-2", "standby", 18082, true, true, "streaming", "sync", 0L, 0.0,
                        "", 18084, true, 503, false, "DOWN backup")),
                new LabStatus.NetworkStatus(true, 12, "typical for us-east-1/us-east-2", "us-east-2",
                        List.of("clients-to-us-east-1-service")));

        String table = StatusTable.render(status);

        assertThat(table).contains("Front door http://127.0.0.1:18080: HAProxy running, routes to us-east-1")
                .contains("Network links: toxiproxy running, region->region round trip 12 ms (typical for"
                        + " us-east-1/us-east-2), monitor and orchestrator in us-east-2, cut: clients-to-us-east-1-service")
                .contains("REGION     ROLE")
                .containsPattern("us-east-1 +primary +18081 +running +false +- +- +- +- +18083 +running +yes \\(200\\) +UP")
                .containsPattern("us-east-2 +standby +18082 +running +true +streaming +sync +0 +0\\.000 +18084 +running +no \\(503\\) +DOWN backup");
    }

    /** The state of a two-region async lab whose processes are not running. */
    private static LabState stoppedAsyncLab(Path dir) {
        return new LabState(LabState.CURRENT_VERSION, dir.toString(), dir.resolve("pg").toString(),
                dir.resolve("db-password").toString(), ReplicationMode.ASYNC, 1000, 3, 2, 18080,
                dir.resolve("haproxy.cfg").toString(), dir.resolve("haproxy.sock").toString(),
                dir.resolve("haproxy.log").toString(), null,
                List.of(new RegionState("us-east-1", RegionRole.PRIMARY, 18081, dir.resolve("pg/us-east-1").toString(),
                                null, 18083, null, dir.resolve("a.log").toString()),
                        new RegionState("us-east-2", RegionRole.STANDBY, 18082, dir.resolve("pg/us-east-2").toString(),
                                null, 18084, null, dir.resolve("b.log").toString())),
                SampleNetwork.of(dir));
    }
}
