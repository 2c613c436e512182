package dev.paymentsdr.failover.application;

import java.time.Duration;

/** Waits between polls; tests substitute one that only advances a clock. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** The real one. */
    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
