package dev.paymentsdr.lab.failover;

import dev.paymentsdr.failover.domain.model.DatabaseRole;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.port.contract.DatabaseControlContract;
import dev.paymentsdr.failover.port.contract.TrafficContract;
import dev.paymentsdr.failover.port.out.DatabaseControl;
import dev.paymentsdr.failover.port.out.Traffic;
import dev.paymentsdr.lab.Haproxy;
import dev.paymentsdr.lab.Lab;
import dev.paymentsdr.lab.LabConfig;
import dev.paymentsdr.lab.ReplicationMode;
import dev.paymentsdr.lab.haproxy.HaproxyRuntimeApi.AdminState;
import dev.paymentsdr.lab.process.ProcessControl;
import dev.paymentsdr.localpg.TemporaryPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/** The database and traffic contracts on one real lab (PostgreSQL pair, HAProxy), the same contracts AWS passes. */
class LabPortContractsIT {
    private static final RegionId EAST_1 = RegionId.of("us-east-1");
    private static final RegionId EAST_2 = RegionId.of("us-east-2");
    private static Path root;
    private static Lab lab;
    private static LabFailover failover;

    @BeforeAll
    static void up() throws Exception {
        root = Files.createTempDirectory(Path.of("/tmp"), "lab-contracts-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
        lab = Lab.up(LabConfig.builder().dir(root.resolve("lab")).replication(ReplicationMode.ASYNC)
                .checkInterval(Duration.ofMillis(500)).startTimeout(Duration.ofSeconds(90)).build());
        failover = LabFailover.of(lab);
    }

    @AfterAll
    static void down() {
        try {
            if (lab != null) {
                lab.down(true);
            }
        } finally {
            if (root != null) {
                ProcessControl.killAllMentioning(root.toString());
                TemporaryPostgres.deleteTree(root);
            }
        }
    }

    @Nested
    class Database extends DatabaseControlContract {
        private RegionId primary;
        private RegionId standby;

        /** Tests run in any order and one swaps the roles: each starts from the roles as they are. */
        @BeforeEach
        void currentRoles() {
            boolean east1Writes = failover.ports().database().role(EAST_1) == DatabaseRole.PRIMARY;
            primary = east1Writes ? EAST_1 : EAST_2;
            standby = east1Writes ? EAST_2 : EAST_1;
        }

        @Override
        protected DatabaseControl database() {
            return failover.ports().database();
        }

        @Override
        protected RegionId primary() {
            return primary;
        }

        @Override
        protected RegionId standby() {
            return standby;
        }
    }

    @Nested
    class Routing extends TrafficContract {
        /** Both servers back in service: us-east-1 is HAProxy's active server, us-east-2 its backup. */
        @BeforeEach
        void restoreRouting() {
            Haproxy haproxy = lab.haproxy();
            for (RegionId region : new RegionId[] {EAST_1, EAST_2}) {
                haproxy.runtimeApi().setState(haproxy.backend(), region.name(), AdminState.READY);
            }
        }

        @Override
        protected Traffic traffic() {
            return failover.ports().traffic();
        }

        @Override
        protected RegionId first() {
            return EAST_1;
        }

        @Override
        protected RegionId second() {
            return EAST_2;
        }
    }
}
