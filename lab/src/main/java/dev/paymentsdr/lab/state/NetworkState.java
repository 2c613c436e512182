package dev.paymentsdr.lab.state;

import java.util.List;
import java.util.Optional;

/**
 * The lab's network: the toxiproxy-server that carries every client->region and region->region path, and its
 * links.
 *
 * @param apiPort       Toxiproxy's HTTP API port on 127.0.0.1
 * @param pid           toxiproxy-server's pid, or null when not started
 * @param log           its log file
 * @param roundTripMs   latency of the region->region links (a round trip)
 * @param latencySource where that latency came from ({@code typical for us-east-1/us-east-2}, {@code set})
 * @param controlRegion the region the monitor and orchestrator run in: their calls to the other region cross a link
 * @param links         every link
 */
public record NetworkState(int apiPort, Long pid, String log, long roundTripMs, String latencySource,
                           String controlRegion, List<LinkState> links) {
    public NetworkState {
        links = List.copyOf(links);
    }

    /** The link from a region (or {@code clients}) to a component of another region, if there is one. */
    public Optional<LinkState> link(String from, String to, String component) {
        return links.stream().filter(l -> l.from().equals(from) && l.to().equals(to) && l.component().equals(component))
                .findFirst();
    }

    public NetworkState withPid(Long newPid) {
        return new NetworkState(apiPort, newPid, log, roundTripMs, latencySource, controlRegion, links);
    }
}
