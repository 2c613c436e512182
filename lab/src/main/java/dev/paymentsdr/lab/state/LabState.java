package dev.paymentsdr.lab.state;

import dev.paymentsdr.lab.RegionRole;
import dev.paymentsdr.lab.ReplicationMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The lab state file's content: ports, pids, paths and region roles, written at the first {@code up}
 * and updated by every start, stop and role change.
 *
 * @param version          format version of this file
 * @param labDir           the lab directory
 * @param pgRoot           where the PostgreSQL homes live (the lab dir, or a short /tmp path the postgres account can reach)
 * @param passwordFile     0600 file holding the database superuser password (never the password itself)
 * @param replication      sync or async
 * @param checkIntervalMillis HAProxy health-check interval
 * @param fall             failed checks before HAProxy marks a server down
 * @param rise             passed checks before HAProxy marks a server up
 * @param frontDoorPort    HAProxy front-door port on 127.0.0.1
 * @param haproxyConfig    the generated HAProxy configuration file
 * @param haproxySocket    the HAProxy runtime API socket
 * @param haproxyLog       HAProxy's log file
 * @param haproxyPid       HAProxy pid, or null when not started
 * @param regions          the regions, the initial primary first
 * @param network          the links every client->region and region->region path goes through
 */
public record LabState(int version, String labDir, String pgRoot, String passwordFile, ReplicationMode replication,
                       long checkIntervalMillis, int fall, int rise, int frontDoorPort, String haproxyConfig,
                       String haproxySocket, String haproxyLog, Long haproxyPid, List<RegionState> regions,
                       NetworkState network) {
    public static final int CURRENT_VERSION = 2;

    public LabState {
        regions = List.copyOf(regions);
    }

    /** The region of that name, if the lab has one. */
    public Optional<RegionState> region(String name) {
        return regions.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The first region whose role is the given one. */
    public Optional<RegionState> regionWithRole(RegionRole role) {
        return regions.stream().filter(r -> r.role() == role).findFirst();
    }

    /** A copy with one region replaced by the operator's result. */
    public LabState withRegion(String name, UnaryOperator<RegionState> change) {
        List<RegionState> updated = new ArrayList<>();
        boolean found = false;
        for (RegionState r : regions) {
            if (r.name().equals(name)) {
                updated.add(change.apply(r));
                found = true;
            } else {
                updated.add(r);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no region named '" + name + "' in the lab (regions: "
                    + regions.stream().map(RegionState::name).toList() + ")");
        }
        return new LabState(version, labDir, pgRoot, passwordFile, replication, checkIntervalMillis, fall, rise,
                frontDoorPort, haproxyConfig, haproxySocket, haproxyLog, haproxyPid, updated, network);
    }

    public LabState withNetwork(NetworkState changed) {
        return new LabState(version, labDir, pgRoot, passwordFile, replication, checkIntervalMillis, fall, rise,
                frontDoorPort, haproxyConfig, haproxySocket, haproxyLog, haproxyPid, regions, changed);
    }

    public LabState withHaproxyPid(Long pid) {
        return new LabState(version, labDir, pgRoot, passwordFile, replication, checkIntervalMillis, fall, rise,
                frontDoorPort, haproxyConfig, haproxySocket, haproxyLog, pid, regions, network);
    }
}
