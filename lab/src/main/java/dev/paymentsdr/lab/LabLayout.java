package dev.paymentsdr.lab;

import dev.paymentsdr.lab.state.LabState;
import dev.paymentsdr.lab.state.LinkState;
import dev.paymentsdr.lab.state.NetworkState;
import dev.paymentsdr.lab.state.RegionState;
import dev.paymentsdr.localpg.FreePorts;
import dev.paymentsdr.localpg.OsUser;
import dev.paymentsdr.localpg.PostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Lays out a new lab (ports, directories, socket, password file) and checks a config against an existing one. */
final class LabLayout {
    static final String PASSWORD_FILE = "db-password";
    // Unix socket paths are limited to about 107 bytes; keep a margin.
    private static final int MAX_SOCKET_PATH = 100;

    private LabLayout() {
    }

    /** The state of a new lab: ports (configured or free), paths, a fresh password file. */
    static LabState create(LabConfig config, Consumer<String> progress) {
        Path dir = config.dir();
        Set<Integer> taken = new HashSet<>();
        int frontDoor = port(config.frontDoorPort(), taken);
        int primaryDb = port(config.primary().dbPort(), taken);
        int primaryService = port(config.primary().servicePort(), taken);
        int standbyDb = port(config.standby().dbPort(), taken);
        int standbyService = port(config.standby().servicePort(), taken);
        Path pgRoot = postgresRoot(dir);
        Path passwordFile = dir.resolve(PASSWORD_FILE);
        writeSecret(passwordFile, randomPassword());
        Path logs = dir.resolve("logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new LabException("cannot create " + logs + ": " + e.getMessage(), e);
        }
        Path socket = socketPath(dir);
        String primaryName = config.primary().name();
        String standbyName = config.standby().name();
        List<RegionState> regions = List.of(
                new RegionState(primaryName, RegionRole.PRIMARY, primaryDb, pgRoot.resolve(primaryName).toString(), null,
                        primaryService, null, logs.resolve(primaryName + "-service.log").toString()),
                new RegionState(standbyName, RegionRole.STANDBY, standbyDb, pgRoot.resolve(standbyName).toString(), null,
                        standbyService, null, logs.resolve(standbyName + "-service.log").toString()));
        progress.accept("new lab in " + dir + " (front door port " + frontDoor + ", " + config.replication().label()
                + " replication)");
        NetworkState network = network(config, regions, taken, logs);
        progress.accept("region->region links: " + primaryName + " <-> " + standbyName + " round trip "
                + network.roundTripMs() + " ms (" + network.latencySource() + "); monitor and orchestrator in "
                + network.controlRegion());
        return new LabState(LabState.CURRENT_VERSION, dir.toString(), pgRoot.toString(), passwordFile.toString(),
                config.replication(), config.checkInterval().toMillis(), config.fall(), config.rise(), frontDoor,
                dir.resolve("haproxy.cfg").toString(), socket.toString(), logs.resolve("haproxy.log").toString(), null,
                regions, network);
    }

    /**
     * Every path between places goes through a link: clients (and HAProxy) to each region's service, and each
     * region to the other's database (replication, rewind, base backup, the orchestrator) and service (the
     * monitor). The monitor and orchestrator run in the standby region, the DR side that takes over.
     */
    private static NetworkState network(LabConfig config, List<RegionState> regions, Set<Integer> taken, Path logs) {
        long roundTrip = config.linkRoundTrip().toMillis();
        List<LinkState> links = new ArrayList<>();
        for (RegionState to : regions) {
            links.add(new LinkState(LinkState.nameOf(LinkState.CLIENTS, to.name(), LinkState.SERVICE), LinkState.CLIENTS,
                    to.name(), LinkState.SERVICE, port(0, taken), to.servicePort(), 0));
            for (RegionState from : regions) {
                if (from != to) {
                    links.add(new LinkState(LinkState.nameOf(from.name(), to.name(), LinkState.DB), from.name(), to.name(),
                            LinkState.DB, port(0, taken), to.dbPort(), roundTrip));
                    links.add(new LinkState(LinkState.nameOf(from.name(), to.name(), LinkState.SERVICE), from.name(),
                            to.name(), LinkState.SERVICE, port(0, taken), to.servicePort(), roundTrip));
                }
            }
        }
        return new NetworkState(port(0, taken), null, logs.resolve("toxiproxy.log").toString(), roundTrip,
                config.linkLatencySource(), config.standby().name(), links);
    }

    /** An existing lab keeps its settings: a request for different ones is an error, not a silent change. */
    static void checkSameLab(LabState state, LabConfig config) {
        List<String> differences = new ArrayList<>();
        for (LabConfig.RegionConfig asked : List.of(config.primary(), config.standby())) {
            String which = asked == config.primary() ? "primary" : "standby";
            if (config.isExplicit(which + "Region") && state.region(asked.name()).isEmpty()) {
                differences.add("regions " + state.regions().stream().map(RegionState::name).toList()
                        + " (asked: " + asked.name() + ")");
            }
            state.region(asked.name()).ifPresent(r -> {
                if (asked.dbPort() != 0 && asked.dbPort() != r.dbPort()) {
                    differences.add(r.name() + " db port " + r.dbPort() + " (asked: " + asked.dbPort() + ")");
                }
                if (asked.servicePort() != 0 && asked.servicePort() != r.servicePort()) {
                    differences.add(r.name() + " service port " + r.servicePort() + " (asked: " + asked.servicePort() + ")");
                }
            });
        }
        if (config.isExplicit("replication") && state.replication() != config.replication()) {
            differences.add("replication " + state.replication().label() + " (asked: " + config.replication().label() + ")");
        }
        if ((config.isExplicit("checkInterval") && state.checkIntervalMillis() != config.checkInterval().toMillis())
                || (config.isExplicit("fall") && state.fall() != config.fall())
                || (config.isExplicit("rise") && state.rise() != config.rise())) {
            differences.add("health checks every " + state.checkIntervalMillis() + "ms fall " + state.fall() + " rise "
                    + state.rise() + " (asked: " + config.checkInterval().toMillis() + "ms fall " + config.fall()
                    + " rise " + config.rise() + ")");
        }
        if (config.isExplicit("linkRoundTrip") && state.network().roundTripMs() != config.linkRoundTrip().toMillis()) {
            differences.add("link latency " + state.network().roundTripMs() + "ms (asked: "
                    + config.linkRoundTrip().toMillis() + "ms)");
        }
        if (config.frontDoorPort() != 0 && config.frontDoorPort() != state.frontDoorPort()) {
            differences.add("front-door port " + state.frontDoorPort() + " (asked: " + config.frontDoorPort() + ")");
        }
        if (!differences.isEmpty()) {
            throw new LabException("the lab in " + state.labDir() + " was created with other settings: "
                    + String.join("; ", differences) + ". Use it as it is, or run 'drctl lab down --purge' first to recreate it.");
        }
    }

    private static int port(int configured, Set<Integer> taken) {
        if (configured != 0) {
            taken.add(configured);
            return configured;
        }
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate = FreePorts.pick();
            if (taken.add(candidate)) {
                return candidate;
            }
        }
        throw new LabException("cannot find a free loopback port");
    }

    /** {@code <dir>/haproxy.sock}, or a short /tmp path when that one is too long for a unix socket. */
    static Path socketPath(Path dir) {
        Path socket = dir.resolve("haproxy.sock");
        return socket.toString().length() <= MAX_SOCKET_PATH ? socket
                : Path.of("/tmp", "paymentsdr-haproxy-" + shortHash(dir) + ".sock");
    }

    /**
     * PostgreSQL homes go under the lab dir when the postgres account can traverse every parent of it;
     * otherwise (a lab under /root, say) under a short /tmp directory recorded in the state.
     */
    private static Path postgresRoot(Path dir) {
        Path inside = dir.resolve("pg");
        Path root = traversableByServerAccount(dir) ? inside : Path.of("/tmp", "paymentsdr-lab-" + shortHash(dir));
        prepareDir(root);
        return root;
    }

    static boolean traversableByServerAccount(Path dir) {
        if (!OsUser.isRoot()) {
            return true;
        }
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            try {
                PosixFileAttributes attrs = Files.readAttributes(p, PosixFileAttributes.class);
                boolean others = attrs.permissions().contains(PosixFilePermission.OTHERS_EXECUTE);
                boolean owner = attrs.owner().getName().equals(PostgresServer.SUPERUSER)
                        && attrs.permissions().contains(PosixFilePermission.OWNER_EXECUTE);
                if (!others && !owner) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** Creates the directory with mode 0711: others (the postgres account) may pass through, not list it. */
    static void prepareDir(Path dir) {
        try {
            boolean created = !Files.isDirectory(dir);
            Files.createDirectories(dir);
            if (created || OsUser.isRoot()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
            }
        } catch (IOException e) {
            throw new LabException("cannot create the lab directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void writeSecret(Path file, String secret) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LabException("cannot write the password file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String shortHash(Path dir) {
        return String.format("%08x", dir.toString().hashCode());
    }

}
