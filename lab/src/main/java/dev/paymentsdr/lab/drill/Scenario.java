package dev.paymentsdr.lab.drill;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The faults a drill can inject. */
public enum Scenario {
    /** The primary region's database and service are killed with SIGKILL. */
    REGION_OUTAGE("the primary region's database and service are killed with SIGKILL"),
    /** No fault: an operator's planned switchover under load (drain, zero lag, swap roles). */
    PLANNED_SWITCHOVER("a planned switchover to the standby region under load"),
    /** The active region's payment service is killed with SIGKILL; its database keeps running. */
    SERVICE_CRASH("the active region's payment service is killed with SIGKILL"),
    /** The primary database is killed with SIGKILL; the service keeps running without it. */
    DB_CRASH("the primary database is killed with SIGKILL"),
    /** The primary database is frozen (SIGSTOP): it accepts connections and never answers. */
    DB_HANG("the primary database is frozen with SIGSTOP (connections accepted, never answered)"),
    /** The primary region's database and service are frozen (SIGSTOP), as a hung host would be. */
    REGION_HANG("the primary region's database and service are frozen with SIGSTOP"),
    /** Standby replay paused, then a region outage: the lag gate refuses; a rerun with data loss allowed proceeds. */
    REPLICATION_LAG("standby replay paused, then a region outage: the lag gate refuses, a rerun with"
            + " --allow-data-loss proceeds and the loss is measured"),
    /** A region outage; the failover process is killed (SIGKILL) right after promote; a rerun resumes it. */
    ORCHESTRATOR_CRASH("a region outage; the failover process is killed with SIGKILL between promote and"
            + " switch, and a rerun with the same execution id resumes"),
    /** A region outage and automatic failover, then a failback to the original region under load. */
    FAILBACK("a region outage and automatic failover, then failback to the original region under load");

    private final String description;

    Scenario(String description) {
        this.description = description;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String description() {
        return description;
    }

    /** True for the scenarios where the monitor has to detect a fault (not an operator's switchover). */
    public boolean detectedByMonitor() {
        return this != PLANNED_SWITCHOVER && this != ORCHESTRATOR_CRASH;
    }

    /** Every scenario's label, in the order the issue lists them. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(Scenario::label).toList();
    }

    /** Parses a label; anything else is a clear error listing the scenarios there are. */
    public static Scenario parse(String label) {
        for (Scenario s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + label + "'; implemented scenarios: "
                + String.join(", ", labels()));
    }
}
