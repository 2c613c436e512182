package dev.paymentsdr.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What stands behind the benchmark's primary: a synchronous or an asynchronous streaming standby, or nothing. */
public enum ReplicationMode {
    /** Every commit waits until the standby has flushed it (the lab's default and the DR configuration). */
    SYNC,
    /** The standby streams, commits do not wait for it. */
    ASYNC,
    /** A lone primary. */
    NONE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code sync}, {@code async}, {@code none} or a comma-separated list of them, in the order given. */
    public static List<ReplicationMode> parseList(String text) {
        List<ReplicationMode> modes = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            ReplicationMode mode;
            try {
                mode = ReplicationMode.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--replication takes sync, async, none or a comma-separated list of "
                        + "them (e.g. sync,none); got '" + part.strip() + "'");
            }
            if (modes.contains(mode)) {
                throw new IllegalArgumentException("--replication names " + mode.wireName() + " twice");
            }
            modes.add(mode);
        }
        return List.copyOf(modes);
    }
}
