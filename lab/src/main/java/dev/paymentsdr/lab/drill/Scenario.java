package dev.paymentsdr.lab.drill;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The faults a drill can inject; only implemented ones are accepted on the command line. */
public enum Scenario {
    /** The primary region's database and service are killed with SIGKILL. */
    REGION_OUTAGE(true, "the primary region's database and service are killed with SIGKILL"),
    /** No fault: an operator's planned switchover under load (drain, zero lag, swap roles). */
    PLANNED_SWITCHOVER(true, "a planned switchover to the standby region under load"),
    /** The active region's payment service is killed with SIGKILL; its database keeps running. */
    SERVICE_CRASH(true, "the active region's payment service is killed with SIGKILL"),
    /** The primary database is killed with SIGKILL; the service keeps running without it. */
    DB_CRASH(true, "the primary database is killed with SIGKILL"),
    REPLICATION_LAG(false, "standby replay paused: the lag gate must refuse"),
    ORCHESTRATOR_CRASH(false, "the orchestrator is killed between promote and switch; a rerun resumes"),
    FAILBACK(false, "failback to the original region after an outage");

    private final boolean implemented;
    private final String description;

    Scenario(boolean implemented, String description) {
        this.implemented = implemented;
        this.description = description;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String description() {
        return description;
    }

    public boolean implemented() {
        return implemented;
    }

    /** True for the scenarios where the monitor has to detect a fault (not an operator's switchover). */
    public boolean detectedByMonitor() {
        return this != PLANNED_SWITCHOVER;
    }

    /** The scenarios that can run now, by label. */
    public static List<String> implementedLabels() {
        return Arrays.stream(values()).filter(Scenario::implemented).map(Scenario::label).toList();
    }

    /** Parses a label; an unknown or not yet implemented scenario is a clear error listing the implemented ones. */
    public static Scenario parse(String label) {
        for (Scenario s : values()) {
            if (s.label().equals(label)) {
                if (!s.implemented) {
                    throw new IllegalArgumentException("scenario '" + label + "' is not implemented yet; implemented: "
                            + String.join(", ", implementedLabels()));
                }
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + label + "'; implemented: "
                + String.join(", ", implementedLabels()));
    }
}
