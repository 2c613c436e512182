package dev.paymentsdr.failover.domain.model;

/** The role a region's database plays right now, as it reports itself. */
public enum DatabaseRole {
    PRIMARY,
    /** A primary fenced read-only: it must not take writes until it has rejoined as a standby. */
    FENCED_PRIMARY,
    STANDBY,
    UNREACHABLE
}
