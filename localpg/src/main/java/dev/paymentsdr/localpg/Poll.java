package dev.paymentsdr.localpg;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one way localpg waits: ask again every interval until the answer comes or the deadline passes. The
 * clock and the sleeper are given, so tests drive time instead of sleeping.
 */
public final class Poll {
    /** Waits between attempts; tests substitute one that only advances their clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration interval;

    public Poll(Clock clock, Sleeper sleeper, Duration interval) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive, was " + interval);
        }
        this.interval = interval;
    }

    /** Real time, polling every {@code interval}. */
    public static Poll system(Duration interval) {
        return new Poll(Clock.systemUTC(), d -> Thread.sleep(d.toMillis()), interval);
    }

    public Clock clock() {
        return clock;
    }

    /** The instant {@code timeout} from now, for callers that share one deadline between several waits. */
    public Instant deadline(Duration timeout) {
        return clock.instant().plus(timeout);
    }

    /** The time left until {@code deadline} (zero once it passed). */
    public Duration left(Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * Asks {@code attempt} until it returns a value; an attempt that throws counts as "not yet" and its message
     * is kept. Fails after the deadline with what was waited for and the last answer.
     */
    public <T> T until(String what, Instant deadline, Supplier<Optional<T>> attempt) {
        String last = "no answer yet";
        while (true) {
            try {
                Optional<T> value = attempt.get();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (RuntimeException e) {
                last = e.getMessage();
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new LocalPgException("timed out waiting for " + what + " (last: " + last + ")");
            }
            pause();
        }
    }

    /** Like {@link #until} for a yes/no condition; false (never an exception) when the deadline passes. */
    public boolean within(Instant deadline, Supplier<Boolean> condition) {
        while (true) {
            try {
                if (Boolean.TRUE.equals(condition.get())) {
                    return true;
                }
            } catch (RuntimeException e) {
                // not yet: the server may be restarting
            }
            if (!clock.instant().isBefore(deadline)) {
                return false;
            }
            pause();
        }
    }

    /** Sleeps one interval, or less when the deadline is nearer. */
    public void pause() {
        try {
            sleeper.sleep(interval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalPgException("interrupted while waiting", e);
        }
    }
}
