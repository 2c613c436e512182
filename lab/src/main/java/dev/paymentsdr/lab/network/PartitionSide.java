package dev.paymentsdr.lab.network;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a partition cuts a region off from. */
public enum PartitionSide {
    /** Clients and the global entry (HAProxy): the region's service cannot be reached from outside. */
    CLIENTS,
    /** The other regions: replication, and the monitor's and orchestrator's calls between regions. */
    REGIONS;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code clients}, {@code regions} or {@code all}; anything else says what is accepted. */
    public static Set<PartitionSide> parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "clients" -> EnumSet.of(CLIENTS);
            case "regions" -> EnumSet.of(REGIONS);
            case "all" -> EnumSet.allOf(PartitionSide.class);
            default -> throw new IllegalArgumentException("a partition cuts a region off from clients, regions or all,"
                    + " was '" + text + "'");
        };
    }
}
