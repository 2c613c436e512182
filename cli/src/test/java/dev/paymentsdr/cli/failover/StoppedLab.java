package dev.paymentsdr.cli.failover;

import dev.paymentsdr.lab.ReplicationMode;
import dev.paymentsdr.lab.RegionRole;
import dev.paymentsdr.lab.state.LabState;
import dev.paymentsdr.lab.state.LabStateStore;
import dev.paymentsdr.lab.state.NetworkState;
import dev.paymentsdr.lab.state.RegionState;
import java.nio.file.Path;
import java.util.List;

/** The state file of a lab whose processes are not running: enough for commands that only read its files. */
final class StoppedLab {
    private StoppedLab() {
    }

    /** Writes the lab state into {@code labDir} and returns it. */
    static Path write(Path labDir) {
        new LabStateStore(labDir).save(new LabState(LabState.CURRENT_VERSION, labDir.toString(), labDir.resolve("pg").toString(),
                labDir.resolve("db-password").toString(), ReplicationMode.SYNC, 1000, 3, 2, 18080,
                labDir.resolve("haproxy.cfg").toString(), labDir.resolve("haproxy.sock").toString(),
                labDir.resolve("haproxy.log").toString(), null, List.of(
                        new RegionState("us-east-1", RegionRole.PRIMARY, 18081, labDir.resolve("pg/us-east-1").toString(), null,
                                18083, null, labDir.resolve("a.log").toString()),
                        new RegionState("us-east-2", RegionRole.STANDBY, 18082, labDir.resolve("pg/us-east-2").toString(), null,
                                18084, null, labDir.resolve("b.log").toString())),
                new NetworkState(18090, null, labDir.resolve("toxiproxy.log").toString(), 12, "set", "us-east-2", List.of())));
        return labDir;
    }
}
