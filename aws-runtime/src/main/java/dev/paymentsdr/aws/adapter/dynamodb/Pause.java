package dev.paymentsdr.aws.adapter.dynamodb;

import java.time.Duration;

/** Waits between attempts; tests pass one that does not sleep. */
@FunctionalInterface
interface Pause {
    Pause SLEEP = duration -> Thread.sleep(duration.toMillis());

    void pause(Duration duration) throws InterruptedException;
}
