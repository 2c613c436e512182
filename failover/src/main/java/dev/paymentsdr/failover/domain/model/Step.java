package dev.paymentsdr.failover.domain.model;

/** One unit of work of a failover; each is idempotent (it checks, then acts). */
public enum Step {
    ASSESS("check the health of both regions and measure the standby's lag"),
    GATE_LAG("refuse when the standby's lag exceeds the bound (unless data loss is allowed)"),
    RESYNC_TARGET("make the target's old primary rejoin as a standby of the current primary"),
    FENCE("take traffic off the old primary and make its database read-only (or stop it)"),
    CATCH_UP("wait until the target standby has replayed everything the old primary wrote (zero lag)"),
    PROMOTE("promote the target standby to primary and let it commit without a synchronous standby"),
    MAKE_READY("start the target region's service if needed and wait until it reports ready"),
    SWITCH_TRAFFIC("route the global entry to the target region and keep the old one in maintenance"),
    VALIDATE("send a real payment round trip through the global entry"),
    REJOIN_OLD_PRIMARY("reattach the old primary as a standby of the new primary"),
    NOTIFY("announce the outcome");

    private final String description;

    Step(String description) {
        this.description = description;
    }

    /** What the step does, in one line, for plans and logs. */
    public String description() {
        return description;
    }

    /** The command-line and log spelling, such as {@code switch-traffic}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
