package dev.paymentsdr.lab.state;

import java.nio.file.Path;
import java.util.List;

/** A network state for tests that write a lab state by hand: us-east-1 and us-east-2, 12 ms apart. */
public final class SampleNetwork {
    private SampleNetwork() {
    }

    /** Links of regions us-east-1 (db 18081, service 18083) and us-east-2 (db 18082, service 18084), ports 1809x. */
    public static NetworkState of(Path dir) {
        return new NetworkState(18090, null, dir.resolve("toxiproxy.log").toString(), 12, "typical for us-east-1/us-east-2",
                "us-east-2", List.of(
                new LinkState("clients-to-us-east-1-service", "clients", "us-east-1", "service", 18091, 18083, 0),
                new LinkState("clients-to-us-east-2-service", "clients", "us-east-2", "service", 18092, 18084, 0),
                new LinkState("us-east-2-to-us-east-1-db", "us-east-2", "us-east-1", "db", 18093, 18081, 12),
                new LinkState("us-east-1-to-us-east-2-db", "us-east-1", "us-east-2", "db", 18094, 18082, 12),
                new LinkState("us-east-2-to-us-east-1-service", "us-east-2", "us-east-1", "service", 18095, 18083, 12),
                new LinkState("us-east-1-to-us-east-2-service", "us-east-1", "us-east-2", "service", 18096, 18084, 12)));
    }
}
