package dev.paymentsdr.failover.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when a test moves it, so expiries and deadlines need no waiting. */
public final class HandClock extends Clock {
    private Instant now;
    private Duration perReading = Duration.ZERO;

    public HandClock(Instant start) {
        this.now = start;
    }

    /** Makes every later reading move the clock on first, as if each step between two readings took this long. */
    public synchronized HandClock advancingOnEveryReading(Duration step) {
        perReading = step;
        return this;
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public synchronized Instant instant() {
        now = now.plus(perReading);
        return now;
    }
}
