package dev.paymentsdr.service.health;

import java.util.Locale;

/** Role of the database behind this service, as seen by the last readiness check. */
public enum DatabaseRole {
    PRIMARY, STANDBY, UNKNOWN;

    /** Lower-case name used in health responses. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
