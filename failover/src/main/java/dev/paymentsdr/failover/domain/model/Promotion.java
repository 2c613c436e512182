package dev.paymentsdr.failover.domain.model;

/**
 * How a standby is promoted. A target that promotes in one managed call (Aurora Global Database) needs
 * to know which call: a planned switchover waits for zero lag (RPO 0); an unplanned failover that the lag
 * gate let through may lose the writes its lag covers.
 *
 * @param planned         the old primary is healthy and drained (planned switchover or failback)
 * @param dataLossAllowed the promotion may go ahead without the old primary's last writes
 */
public record Promotion(boolean planned, boolean dataLossAllowed) {
    public Promotion {
        if (planned && dataLossAllowed) {
            throw new IllegalArgumentException("a planned switchover never allows data loss");
        }
    }

    /** The promotion of a mode's plan: planned moves lose nothing; an unplanned one runs only after the lag gate passed. */
    public static Promotion of(FailoverMode mode) {
        return mode == FailoverMode.UNPLANNED ? new Promotion(false, true) : new Promotion(true, false);
    }
}
