package dev.paymentsdr.lab;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** How the primary ships WAL to the standby: sync waits for the standby before acknowledging a commit. */
public enum ReplicationMode {
    @JsonProperty("sync") SYNC,
    @JsonProperty("async") ASYNC;

    /** The lower-case name used on the command line, in config files and in the state file. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code sync} or {@code async} (any case); anything else is a clear error. */
    public static ReplicationMode parse(String text) {
        for (ReplicationMode mode : values()) {
            if (mode.label().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("replication must be 'sync' or 'async', was '" + text + "'");
    }
}
