package dev.paymentsdr.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paymentsdr.lab.network.PartitionSide;
import dev.paymentsdr.lab.network.ToxiproxyClient;
import dev.paymentsdr.lab.network.ToxiproxyClient.Stream;
import dev.paymentsdr.lab.network.ToxiproxyClient.Toxic;
import dev.paymentsdr.lab.network.ToxiproxyException;
import dev.paymentsdr.lab.process.ProcessControl;
import dev.paymentsdr.lab.state.LinkState;
import dev.paymentsdr.lab.state.NetworkState;
import dev.paymentsdr.localpg.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lab's network: one toxiproxy-server on loopback carrying every client->region and region->region path
 * through a link, with the region pair's round trip on the region->region links, and partitions that cut a
 * region off from clients, from the other regions, or both, while its processes keep running.
 */
public final class Network {
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A timeout toxic of 0 ms drops every byte and never closes: packets lost, as in a real partition. */
    private static final String CUT_UP = "partition-up";
    private static final String CUT_DOWN = "partition-down";

    private final Lab lab;

    Network(Lab lab) {
        this.lab = lab;
    }

    public NetworkState state() {
        return lab.state().network();
    }

    public ToxiproxyClient client() {
        return new ToxiproxyClient(state().apiPort());
    }

    /** The region the monitor and the orchestrator run in; their calls to any other region cross a link. */
    public String controlRegion() {
        return state().controlRegion();
    }

    /** The round trip of the region->region links. */
    public Duration roundTrip() {
        return Duration.ofMillis(state().roundTripMs());
    }

    /** One line for people: the latency and where it came from. */
    public String describeLatency() {
        NetworkState s = state();
        return "region->region links: round trip " + s.roundTripMs() + " ms (" + s.latencySource() + ")";
    }

    /**
     * The port a connection from {@code from} (a region, or {@link LinkState#CLIENTS}) to a component of region
     * {@code to} uses: the component's own port within a region, else the link's.
     */
    public int port(String from, String to, String component) {
        NetworkState s = state();
        LinkState link = s.link(from, to, component).orElse(null);
        if (link != null) {
            return link.listenPort();
        }
        if (from.equals(to)) {
            return lab.state().region(to).map(r -> LinkState.DB.equals(component) ? r.dbPort() : r.servicePort())
                    .orElseThrow(() -> new LabException("no region '" + to + "' in the lab"));
        }
        throw new LabException("the lab has no link from " + from + " to " + to + "'s " + component);
    }

    public Optional<Long> pid() {
        Long pid = state().pid();
        return ProcessControl.isAlive(pid, marker()) ? Optional.of(pid) : Optional.empty();
    }

    public boolean isRunning() {
        return pid().isPresent();
    }

    public Path logFile() {
        return Path.of(state().log());
    }

    /** Where toxiproxy-server reads its links at start (its path, unique to this lab, also marks the process). */
    public Path configFile() {
        return lab.dir().resolve("toxiproxy.json");
    }

    /** Starts toxiproxy-server with every link (and each link's latency) unless it runs already. */
    public void start(Duration timeout) {
        synchronized (lab.componentLock("network")) {
            if (!isRunning()) {
                launch(timeout);
            }
            ensureLinks();
        }
    }

    private void launch(Duration timeout) {
        NetworkState s = state();
        if (!FreePorts.isFree(s.apiPort())) {
            throw LabException.startFailed("network (toxiproxy)", "API port " + s.apiPort() + " is in use by another process", logFile());
        }
        for (LinkState link : s.links()) {
            if (!FreePorts.isFree(link.listenPort())) {
                throw LabException.startFailed("network (toxiproxy)", "port " + link.listenPort() + " of link " + link.name()
                        + " is in use by another process", logFile());
            }
        }
        writeConfig(s);
        Process process;
        try {
            process = ProcessControl.launch(List.of(lab.toxiproxyBinary().toString(), "-host", "127.0.0.1", "-port",
                    Integer.toString(s.apiPort()), "-config", configFile().toString()), Map.of("LOG_LEVEL", "warn"), logFile());
        } catch (IOException e) {
            throw LabException.startFailed("network (toxiproxy)", e.getMessage(), logFile());
        }
        long pid = process.pid();
        lab.store().update(st -> st.withNetwork(st.network().withPid(pid)));
        ToxiproxyClient api = client();
        Instant deadline = Instant.now().plus(timeout);
        while (!api.isAvailable()) {
            if (!process.isAlive()) {
                throw LabException.startFailedWithLogTail("network (toxiproxy)", "the process exited with code "
                        + process.exitValue(), logFile());
            }
            if (Instant.now().isAfter(deadline)) {
                ProcessControl.kill(pid, marker());
                throw LabException.startFailed("network (toxiproxy)", "its API on port " + s.apiPort()
                        + " did not answer within " + timeout.toSeconds() + " s", logFile());
            }
            LabRegion.pause();
        }
    }

    /** Creates the links toxiproxy does not have, each with its latency. */
    private void ensureLinks() {
        ToxiproxyClient api = client();
        Set<String> existing = new HashSet<>(api.proxyNames());
        for (LinkState link : state().links()) {
            if (!existing.contains(link.name())) {
                api.createProxy(link.name(), link.listenPort(), link.upstreamPort());
            }
            List<String> toxics = api.toxicNames(link.name());
            if (link.roundTripMs() > 0 && !toxics.contains("latency-up")) {
                long up = link.roundTripMs() / 2;
                api.addToxic(link.name(), new Toxic("latency-up", "latency", Stream.UPSTREAM, Map.of("latency", up)));
                api.addToxic(link.name(), new Toxic("latency-down", "latency", Stream.DOWNSTREAM,
                        Map.of("latency", link.roundTripMs() - up)));
            }
        }
    }

    private void writeConfig(NetworkState s) {
        ArrayNode proxies = JSON.createArrayNode();
        for (LinkState link : s.links()) {
            ObjectNode proxy = proxies.addObject();
            proxy.put("name", link.name());
            proxy.put("listen", "127.0.0.1:" + link.listenPort());
            proxy.put("upstream", "127.0.0.1:" + link.upstreamPort());
            proxy.put("enabled", true);
        }
        try {
            Files.writeString(configFile(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(proxies));
        } catch (IOException e) {
            throw LabException.startFailed("network (toxiproxy)", "cannot write " + configFile() + ": " + e.getMessage(), null);
        }
    }

    /** Stops toxiproxy-server: SIGTERM, then SIGKILL after 5 s (every link, and every cut, goes with it). */
    public void stop() {
        synchronized (lab.componentLock("network")) {
            ProcessControl.terminate(state().pid(), marker(), STOP_GRACE);
            lab.store().update(st -> st.withNetwork(st.network().withPid(null)));
        }
    }

    /**
     * Cuts a region off from clients, from the other regions, or both: every byte on the links of those paths is
     * dropped, in both directions, and new connections are accepted and never answered, as in a real partition.
     * The region's own processes keep running; returns the links cut.
     */
    public List<String> cut(String region, Set<PartitionSide> sides) {
        lab.region(region);
        ToxiproxyClient api = client();
        List<String> cut = new ArrayList<>();
        for (LinkState link : linksOf(region, sides)) {
            List<String> toxics = api.toxicNames(link.name());
            if (!toxics.contains(CUT_UP)) {
                api.addToxic(link.name(), new Toxic(CUT_UP, "timeout", Stream.UPSTREAM, Map.of("timeout", 0L)));
            }
            if (!toxics.contains(CUT_DOWN)) {
                api.addToxic(link.name(), new Toxic(CUT_DOWN, "timeout", Stream.DOWNSTREAM, Map.of("timeout", 0L)));
            }
            cut.add(link.name());
        }
        return cut;
    }

    /**
     * Drops every byte the region's database sends to the other regions from now on, the WAL still in flight on the
     * link included, as when a region's network dies with it; returns the links. Only that direction is cut, so a
     * connection to a database that is down still fails at once, as it would in the cloud, not after a time-out.
     */
    public List<String> dropFromDatabase(String region) {
        lab.region(region);
        ToxiproxyClient api = client();
        List<String> dropped = new ArrayList<>();
        for (LinkState link : linksOf(region, Set.of(PartitionSide.REGIONS))) {
            if (link.to().equals(region) && LinkState.DB.equals(link.component())) {
                if (!api.toxicNames(link.name()).contains(CUT_DOWN)) {
                    api.addToxic(link.name(), new Toxic(CUT_DOWN, "timeout", Stream.DOWNSTREAM, Map.of("timeout", 0L)));
                }
                dropped.add(link.name());
            }
        }
        return dropped;
    }

    /** Heals every cut on the region's links (connections stalled by the cut are closed); returns the links healed. */
    public List<String> heal(String region) {
        lab.region(region);
        ToxiproxyClient api = client();
        List<String> healed = new ArrayList<>();
        for (LinkState link : linksOf(region, Set.of(PartitionSide.values()))) {
            List<String> toxics = api.toxicNames(link.name());
            if (toxics.contains(CUT_UP) || toxics.contains(CUT_DOWN)) {
                // removing a toxic that is not there answers 404, which the client accepts
                api.removeToxic(link.name(), CUT_UP);
                api.removeToxic(link.name(), CUT_DOWN);
                healed.add(link.name());
            }
        }
        return healed;
    }

    /** What {@code clients}, {@code regions} or {@code all} cuts a region off from. */
    public static Set<PartitionSide> partitionOf(String text) {
        return PartitionSide.parse(text);
    }

    /** The links cut now; empty when toxiproxy does not answer. */
    public List<String> cutLinks() {
        try {
            ToxiproxyClient api = client();
            return state().links().stream().map(LinkState::name).filter(n -> {
                List<String> toxics = api.toxicNames(n);
                return toxics.contains(CUT_UP) || toxics.contains(CUT_DOWN);
            }).toList();
        } catch (ToxiproxyException e) {
            return List.of();
        }
    }

    private List<LinkState> linksOf(String region, Set<PartitionSide> sides) {
        return state().links().stream().filter(l -> l.fromClients()
                ? sides.contains(PartitionSide.CLIENTS) && l.to().equals(region)
                : sides.contains(PartitionSide.REGIONS) && (l.to().equals(region) || l.from().equals(region))).toList();
    }

    private String marker() {
        return configFile().toString();
    }
}
