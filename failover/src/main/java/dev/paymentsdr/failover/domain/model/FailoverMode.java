package dev.paymentsdr.failover.domain.model;

/** What kind of move an execution makes; each mode has its own plan of steps. */
public enum FailoverMode {
    /** The active region failed: gate on lag, fence, promote; acknowledged writes may be at risk. */
    UNPLANNED,
    /** Both regions are healthy: drain, wait for zero lag, swap roles; RPO 0 by construction. */
    PLANNED,
    /** After an unplanned failover: the old primary rejoins as a standby, then a planned switchover back. */
    FAILBACK;

    /** What the move is called in messages: unplanned failover, planned switchover, failback. */
    public String title() {
        return switch (this) {
            case UNPLANNED -> "unplanned failover";
            case PLANNED -> "planned switchover";
            case FAILBACK -> "failback";
        };
    }

    /** The command-line spelling, such as {@code planned}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
