package dev.paymentsdr.failover.domain.policy;

/**
 * Counts consecutive failed probes and trips after a threshold, as a Route 53 health check with
 * "failure threshold N" does: one success resets the count.
 */
public final class ConsecutiveFailures {
    private final int threshold;
    private int failures;

    public ConsecutiveFailures(int threshold) {
        if (threshold < 1 || threshold > 100) {
            throw new IllegalArgumentException("failure threshold must be 1..100, was " + threshold);
        }
        this.threshold = threshold;
    }

    /** Records one probe; true exactly when this probe makes the count reach the threshold. */
    public boolean record(boolean probeSucceeded) {
        if (probeSucceeded) {
            failures = 0;
            return false;
        }
        failures++;
        return failures == threshold;
    }

    public int failures() {
        return failures;
    }

    public int threshold() {
        return threshold;
    }

    /** Starts counting again, for example after a failover moved the active region. */
    public void reset() {
        failures = 0;
    }
}
