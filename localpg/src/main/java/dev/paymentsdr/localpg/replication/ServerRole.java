package dev.paymentsdr.localpg.replication;

/** What a PostgreSQL server says it is, asked within a deadline. */
public enum ServerRole {
    /** Not in recovery and writable. */
    PRIMARY,
    /** Not in recovery but fenced: {@code default_transaction_read_only} is on. */
    READ_ONLY_PRIMARY,
    /** In recovery: a standby (streaming or not). */
    STANDBY,
    /** Refused, timed out or not running. */
    UNREACHABLE
}
