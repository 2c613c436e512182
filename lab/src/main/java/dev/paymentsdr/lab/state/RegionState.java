package dev.paymentsdr.lab.state;

import dev.paymentsdr.lab.RegionRole;

/**
 * One region as recorded in the lab state file: its role, ports, database home and the pids the lab started.
 *
 * @param name            region name, such as {@code us-east-1}
 * @param role            what its database is meant to be now
 * @param dbPort          PostgreSQL port on 127.0.0.1
 * @param dbHome          PostgreSQL home (data directory, log, password file)
 * @param dbPid           postmaster pid at the last start, or null
 * @param servicePort     payment service port on 127.0.0.1
 * @param servicePid      payment service pid, or null when the lab has not started it
 * @param serviceLog      the service's stdout/stderr file
 */
public record RegionState(String name, RegionRole role, int dbPort, String dbHome, Long dbPid, int servicePort,
                          Long servicePid, String serviceLog) {

    public RegionState withRole(RegionRole newRole) {
        return new RegionState(name, newRole, dbPort, dbHome, dbPid, servicePort, servicePid, serviceLog);
    }

    public RegionState withDbPid(Long pid) {
        return new RegionState(name, role, dbPort, dbHome, pid, servicePort, servicePid, serviceLog);
    }

    public RegionState withServicePid(Long pid) {
        return new RegionState(name, role, dbPort, dbHome, dbPid, servicePort, pid, serviceLog);
    }
}
