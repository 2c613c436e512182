package dev.paymentsdr.lab.state;

/**
 * One network link of the lab: a Toxiproxy proxy on {@code 127.0.0.1:listenPort} that carries the path from
 * {@code from} (a region, or {@link #CLIENTS}) to a component of region {@code to}.
 *
 * @param name         the proxy's name in Toxiproxy
 * @param from         the region the path starts in, or {@code clients}
 * @param to           the region the path ends in
 * @param component    {@code db} or {@code service}
 * @param listenPort   where the path's users connect
 * @param upstreamPort the component's own port
 * @param roundTripMs  latency the link adds to a round trip (half each way)
 */
public record LinkState(String name, String from, String to, String component, int listenPort, int upstreamPort,
                        long roundTripMs) {
    /** The {@code from} of a client->region link. */
    public static final String CLIENTS = "clients";
    public static final String DB = "db";
    public static final String SERVICE = "service";

    /** The name a link gets from its ends. */
    public static String nameOf(String from, String to, String component) {
        return from + "-to-" + to + "-" + component;
    }

    /** True for a client->region link. */
    public boolean fromClients() {
        return CLIENTS.equals(from);
    }
}
