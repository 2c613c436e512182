package dev.paymentsdr.lab;

import dev.paymentsdr.lab.process.HttpProbe;
import dev.paymentsdr.lab.process.ProcessControl;
import dev.paymentsdr.lab.state.LabState;
import dev.paymentsdr.lab.state.RegionState;
import dev.paymentsdr.localpg.PostgresServer;
import dev.paymentsdr.service.ServiceLaunch;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One lab region: its PostgreSQL server and its payment service process. Reads its role, ports and pids
 * from the lab state on every call, and records the pids it starts there.
 */
public final class LabRegion {
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(10);

    private final Lab lab;
    private final String name;

    LabRegion(Lab lab, String name) {
        this.lab = lab;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The role the lab records for this region now. */
    public RegionRole role() {
        return state().role();
    }

    /** This region's PostgreSQL server (a handle: it may or may not be running). */
    public PostgresServer db() {
        RegionState s = state();
        return new PostgresServer(lab.binaries(), Path.of(s.dbHome()), s.dbPort(), lab.password());
    }

    /**
     * The name this region's database uses as a standby: its {@code cluster_name} (hence its
     * {@code application_name} in {@code pg_stat_replication}) and its replication slot on the primary.
     */
    public String replicationName() {
        return replicationName(name);
    }

    static String replicationName(String regionName) {
        return regionName.replaceAll("[^a-z0-9]", "_");
    }

    /**
     * The PostgreSQL settings the lab gives this region's database in the given role; pass them to
     * {@link PostgresServer#configure} after a role change. A primary in sync mode waits for the other
     * regions' standbys; a standby names nobody, so that a promoted standby can commit on its own.
     */
    public Map<String, String> databaseSettings(RegionRole asRole) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("cluster_name", "'" + replicationName() + "'");
        settings.put("wal_receiver_status_interval", "'1s'");
        settings.put("hot_standby_feedback", "on");
        settings.put("max_connections", "200");
        // WAL a rejoining old primary may still need: kept by its slot (reserved at promotion), capped so a region
        // that never comes back cannot fill the disk, plus a margin for a rejoin without its slot.
        settings.put("wal_keep_size", "'256MB'");
        settings.put("max_slot_wal_keep_size", "'4GB'");
        List<String> others = new ArrayList<>();
        for (RegionState other : lab.state().regions()) {
            if (!other.name().equals(name)) {
                others.add("\"" + replicationName(other.name()) + "\"");
            }
        }
        boolean sync = asRole == RegionRole.PRIMARY && lab.state().replication() == ReplicationMode.SYNC && !others.isEmpty();
        settings.put("synchronous_standby_names", sync ? "'FIRST 1 (" + String.join(", ", others) + ")'" : "''");
        return settings;
    }

    public int servicePort() {
        return state().servicePort();
    }

    /** The base URL of this region's payment service. */
    public URI serviceUrl() {
        return URI.create("http://127.0.0.1:" + servicePort());
    }

    public Path serviceLog() {
        return Path.of(state().serviceLog());
    }

    /** The pid of the service process the lab started, while it runs. */
    public Optional<Long> servicePid() {
        Long pid = state().servicePid();
        return ProcessControl.isAlive(pid, serviceMarker()) ? Optional.of(pid) : Optional.empty();
    }

    public boolean isServiceRunning() {
        return servicePid().isPresent();
    }

    /** HTTP status of the service's {@code /health/ready}, or empty when it does not answer. */
    public OptionalInt readinessStatus() {
        return HttpProbe.status(serviceUrl().resolve("/health/ready"));
    }

    /** True when {@code /health/ready} answers 200 (its database is a writable primary). */
    public boolean isReady() {
        return readinessStatus().orElse(-1) == 200;
    }

    /**
     * Starts the payment service when it is not running, records its pid, and waits until it answers HTTP
     * (any status: a standby region's service answers 503). Fails with the log path when it exits or hangs.
     */
    public void startService(Duration timeout) {
        synchronized (lab.componentLock("service " + name)) {
            startServiceOnce(timeout);
        }
    }

    private void startServiceOnce(Duration timeout) {
        if (isServiceRunning()) {
            return;
        }
        int port = servicePort();
        if (!dev.paymentsdr.localpg.FreePorts.isFree(port)) {
            throw LabException.startFailed("service " + name, "port " + port + " is in use by another process", serviceLog());
        }
        List<String> jvmOptions = new ArrayList<>();
        jvmOptions.add(serviceMarker());
        jvmOptions.addAll(lab.serviceJvmOptions());
        jvmOptions.add("-Dsun.net.inetaddr.ttl=5");
        List<String> command = ServiceLaunch.javaCommand(jvmOptions, lab.serviceClasspath(), name, port,
                db().jdbcUrl("postgres"), PostgresServer.SUPERUSER,
                ServiceLaunch.archiveFlags(lab.dir().resolve("archive").resolve(name))); // what drctl reconcile reads
        Process process;
        try {
            process = ProcessControl.launch(command, Map.of(ServiceLaunch.PASSWORD_VARIABLE, lab.password()), serviceLog());
        } catch (IOException e) {
            throw LabException.startFailed("service " + name, e.getMessage(), serviceLog());
        }
        long pid = process.pid();
        lab.store().update(s -> s.withRegion(name, r -> r.withServicePid(pid)));
        Instant deadline = Instant.now().plus(timeout);
        while (readinessStatus().isEmpty()) {
            if (!process.isAlive()) {
                throw LabException.startFailedWithLogTail("service " + name, "the process exited with code " + process.exitValue(), serviceLog());
            }
            if (Instant.now().isAfter(deadline)) {
                ProcessControl.kill(pid, serviceMarker());
                throw LabException.startFailed("service " + name, "no HTTP answer on port " + port + " within "
                        + timeout.toSeconds() + " s", serviceLog());
            }
            pause();
        }
    }

    /** Stops the service: SIGTERM, then SIGKILL after 10 s. */
    public void stopService() {
        synchronized (lab.componentLock("service " + name)) {
            ProcessControl.terminate(state().servicePid(), serviceMarker(), SERVICE_STOP_GRACE);
            lab.store().update(s -> s.withRegion(name, r -> r.withServicePid(null)));
        }
    }

    /** Kills the service with SIGKILL, as a crash would (the pid stays recorded, so status shows it dead). */
    public void killService() {
        ProcessControl.kill(state().servicePid(), serviceMarker());
    }

    /** A JVM option that marks the process as this lab's service of this region (checked before signalling a pid). */
    String serviceMarker() {
        return "-Dpaymentsdr.lab.service=" + name + "@" + lab.dir();
    }

    private RegionState state() {
        LabState s = lab.state();
        return s.region(name).orElseThrow(() -> new LabException("region " + name + " is not in the lab state"));
    }

    static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted while waiting for a lab component", e);
        }
    }

    @Override
    public String toString() {
        return "LabRegion[" + name + "]";
    }
}
