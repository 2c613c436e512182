package dev.paymentsdr.lab.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymentsdr.failover.domain.model.DatabaseRole;
import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionResult;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.lab.Lab;
import dev.paymentsdr.lab.LabConfig;
import dev.paymentsdr.lab.LabStatus;
import dev.paymentsdr.lab.ReplicationMode;
import dev.paymentsdr.lab.process.ProcessControl;
import dev.paymentsdr.localpg.TemporaryPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ten switches back and forth in one sync lab (planned switchovers, failovers after a frozen or a killed
 * primary, failbacks): each completes, and each that ends with a standby ends with it streaming synchronously.
 */
class TenSwitchesIT {
    private static final RegionId EAST_1 = RegionId.of("us-east-1");
    private static final RegionId EAST_2 = RegionId.of("us-east-2");
    private static Path root;
    private static Lab lab;

    @BeforeAll
    static void up() throws Exception {
        root = Files.createTempDirectory(Path.of("/tmp"), "switches-it-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
        lab = Lab.up(LabConfig.builder().dir(root.resolve("lab")).replication(ReplicationMode.SYNC)
                .checkInterval(Duration.ofMillis(500)).build());
    }

    @AfterAll
    static void down() {
        try {
            if (lab != null) {
                lab.regions().forEach(r -> r.db().pid().ifPresent(ProcessControl::resume));
                lab.down(true);
            }
        } finally {
            ProcessControl.killAllMentioning(root.toString());
            TemporaryPostgres.deleteTree(root);
        }
    }

    private ExecutionResult run(FailoverMode mode, RegionId from, RegionId to) {
        return LabFailover.of(lab).orchestrator().run(new FailoverRequest(ExecutionId.generate(Instant.now()), mode,
                from, to, Duration.ofSeconds(5), false, "TenSwitchesIT"), false);
    }

    private void switchOver(int n, FailoverMode mode, RegionId from, RegionId to) {
        ExecutionResult result = run(mode, from, to);
        assertThat(result.succeeded()).as("switch %d (%s %s -> %s): %s", n, mode, from, to, result.message()).isTrue();
        assertThat(lab.haproxy().routesTo()).as("switch %d", n).contains(to.name());
        if (mode != FailoverMode.UNPLANNED) {
            LabStatus.RegionStatus standby = lab.status().region(from.name()).orElseThrow();
            assertThat(standby.pgIsInRecovery()).as("switch %d: %s is a standby", n, from).isTrue();
            assertThat(standby.replicationState()).as("switch %d", n).isEqualTo("streaming");
            assertThat(standby.syncState()).as("switch %d", n).isEqualTo("sync");
        }
    }

    private void freezeDatabase(RegionId region) {
        long pid = lab.region(region.name()).db().pid().orElseThrow();
        ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(region + "'s postmaster " + pid + " is not running"));
        ProcessControl.freezeTrees(java.util.List.of(pid));
    }

    @Test
    void tenSwitchesInOneLab_eachEndingWithAStreamingSynchronousStandby() {
        LabFailover failover = LabFailover.of(lab);

        // 1: the primary's database is frozen (SIGSTOP): it accepts connections and never answers
        freezeDatabase(EAST_1);
        long started = System.nanoTime();
        switchOver(1, FailoverMode.UNPLANNED, EAST_1, EAST_2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a frozen primary does not delay the failover")
                .isLessThan(Duration.ofSeconds(20));
        assertThat(lab.region("us-east-1").db().isRunning()).as("the frozen old primary was stopped").isFalse();

        // a second failover right after, towards the fenced old primary, is refused and touches nothing
        ExecutionResult second = run(FailoverMode.UNPLANNED, EAST_2, EAST_1);
        assertThat(second.outcome()).as(second.message()).isEqualTo(ExecutionResult.Outcome.REFUSED);
        assertThat(failover.ports().database().role(EAST_2)).isEqualTo(DatabaseRole.PRIMARY);
        assertThat(lab.haproxy().routesTo()).contains("us-east-2");

        switchOver(2, FailoverMode.FAILBACK, EAST_2, EAST_1);
        switchOver(3, FailoverMode.PLANNED, EAST_1, EAST_2);
        switchOver(4, FailoverMode.PLANNED, EAST_2, EAST_1);
        lab.region("us-east-1").db().kill();
        switchOver(5, FailoverMode.UNPLANNED, EAST_1, EAST_2);
        switchOver(6, FailoverMode.FAILBACK, EAST_2, EAST_1);
        switchOver(7, FailoverMode.PLANNED, EAST_1, EAST_2);
        lab.region("us-east-2").db().kill();
        switchOver(8, FailoverMode.UNPLANNED, EAST_2, EAST_1);
        switchOver(9, FailoverMode.FAILBACK, EAST_1, EAST_2);
        switchOver(10, FailoverMode.PLANNED, EAST_2, EAST_1);
    }
}
