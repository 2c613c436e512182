package dev.paymentsdr.lab;

import dev.paymentsdr.lab.setup.Prerequisites;
import dev.paymentsdr.lab.state.LabState;
import dev.paymentsdr.lab.state.LabStateStore;
import dev.paymentsdr.lab.state.RegionState;
import dev.paymentsdr.localpg.PostgresBinaries;
import dev.paymentsdr.localpg.TemporaryPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A local two-region lab: {@link #up} starts (or finds running) a PostgreSQL primary and streaming standby,
 * one payment service per region and HAProxy as the global entry; {@link #open} attaches to a lab that a
 * state file describes. Regions, HAProxy and status are read from the state file on every call.
 */
public final class Lab {
    private final Path dir;
    private final LabStateStore store;
    private final List<String> serviceJvmOptions;
    private final String serviceClasspath;
    private final boolean installMissing;
    private final Consumer<String> progress;
    private PostgresBinaries binaries;
    private Path haproxyBinary;
    private String password;
    private List<String> startedByLastUp = List.of();
    // Region and HAProxy handles are cheap views; starts and stops of one component serialize on these.
    private final ConcurrentHashMap<String, Object> componentLocks = new ConcurrentHashMap<>();

    Lab(Path dir, List<String> serviceJvmOptions, String serviceClasspath, boolean installMissing, Consumer<String> progress) {
        this.dir = dir.toAbsolutePath().normalize();
        this.store = new LabStateStore(this.dir);
        this.serviceJvmOptions = List.copyOf(serviceJvmOptions);
        this.serviceClasspath = serviceClasspath;
        this.installMissing = installMissing;
        this.progress = progress;
    }

    /** Starts every component of the lab that is not running (all of them the first time) and returns the lab. */
    public static Lab up(LabConfig config) {
        return up(config, message -> { });
    }

    /** Like {@link #up(LabConfig)}, reporting each step to {@code progress}. */
    public static Lab up(LabConfig config, Consumer<String> progress) {
        Lab lab = new Lab(config.dir(), config.serviceJvmOptions(), config.serviceClasspath(), config.installMissing(), progress);
        LabLauncher launcher = new LabLauncher(lab, config, progress);
        // Ctrl-C or SIGTERM half-way: stop what this up started, as a failed start does.
        try (var ignored = dev.paymentsdr.lab.process.ShutdownCleanup.register("stopping what 'lab up' started in "
                + lab.dir(), launcher::cancelAndAwait)) {
            lab.startedByLastUp = launcher.up();
        }
        return lab;
    }

    /** Attaches to the lab whose state file is in {@code dir}; fails when there is none. */
    public static Lab open(Path dir) {
        Lab lab = new Lab(dir, LabConfig.DEFAULT_SERVICE_JVM_OPTIONS, System.getProperty("java.class.path"), false, m -> { });
        lab.state();
        return lab;
    }

    /** True when {@code dir} holds a lab state file. */
    public static boolean exists(Path dir) {
        return Files.exists(new LabStateStore(dir).file());
    }

    public Path dir() {
        return dir;
    }

    /** The current state file content. */
    public LabState state() {
        return store.load().orElseThrow(() -> new LabException("no lab in " + dir + " (no "
                + LabStateStore.FILE_NAME + "); start one with 'drctl lab up'"));
    }

    /** The components the last {@link #up} call started; empty when the lab was already running. */
    public List<String> startedByLastUp() {
        return startedByLastUp;
    }

    public List<LabRegion> regions() {
        return state().regions().stream().map(r -> new LabRegion(this, r.name())).toList();
    }

    /** The region of that name; fails naming the regions that exist. */
    public LabRegion region(String name) {
        LabState state = state();
        if (state.region(name).isEmpty()) {
            throw new LabException("no region '" + name + "' in the lab (regions: "
                    + state.regions().stream().map(RegionState::name).toList() + ")");
        }
        return new LabRegion(this, name);
    }

    /** The region the state records as primary. */
    public LabRegion primary() {
        return regionWithRole(RegionRole.PRIMARY);
    }

    /** The region the state records as standby. */
    public LabRegion standby() {
        return regionWithRole(RegionRole.STANDBY);
    }

    private LabRegion regionWithRole(RegionRole role) {
        return state().regionWithRole(role).map(r -> new LabRegion(this, r.name()))
                .orElseThrow(() -> new LabException("no region has the role " + role.label() + " in " + store.file()));
    }

    /** Records a region's new role (after a promotion or a rejoin). */
    public void setRole(String region, RegionRole role) {
        store.update(s -> s.withRegion(region, r -> r.withRole(role)));
    }

    public Haproxy haproxy() {
        return new Haproxy(this);
    }

    /** A snapshot of every component's health. */
    public LabStatus status() {
        return new StatusProbe(this).probe();
    }

    /** Stops every process the lab started and keeps all data. */
    public void down() {
        down(false);
    }

    /** Stops every process the lab started; with {@code purge}, also deletes its data, logs and state. */
    public void down(boolean purge) {
        new LabLauncher(this, null, progress).down(purge);
    }

    /** The monitor that serializes starting and stopping one component within this JVM. */
    Object componentLock(String component) {
        return componentLocks.computeIfAbsent(component, c -> new Object());
    }

    LabStateStore store() {
        return store;
    }

    List<String> serviceJvmOptions() {
        return serviceJvmOptions;
    }

    String serviceClasspath() {
        return serviceClasspath;
    }

    synchronized PostgresBinaries binaries() {
        if (binaries == null) {
            binaries = Prerequisites.postgres(installMissing, progress);
        }
        return binaries;
    }

    synchronized Path haproxyBinary() {
        if (haproxyBinary == null) {
            haproxyBinary = Prerequisites.haproxy(installMissing, progress);
        }
        return haproxyBinary;
    }

    /** The database superuser password, read from the lab's 0600 file; never printed. */
    synchronized String password() {
        if (password == null) {
            Path file = Path.of(state().passwordFile());
            try {
                password = Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new LabException("cannot read the lab database password file " + file + ": " + e.getMessage(), e);
            }
        }
        return password;
    }

    static void deleteTree(Path path) {
        TemporaryPostgres.deleteTree(path);
    }
}
