package dev.paymentsdr.aws.failover;

import dev.paymentsdr.failover.application.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes; every AWS wait of the failover goes through it. */
public final class Waiter {
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration poll;

    public Waiter(Clock clock, Sleeper sleeper, Duration poll) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.poll = poll;
    }

    public Clock clock() {
        return clock;
    }

    /** A condition's answer: done with a result, or not yet with what was seen. */
    public record Check<T>(Optional<T> result, String seen) {
        public static <T> Check<T> done(T result) {
            return new Check<>(Optional.of(result), "");
        }

        public static <T> Check<T> notYet(String seen) {
            return new Check<>(Optional.empty(), seen);
        }
    }

    /**
     * Polls {@code check} until it is done; after {@code timeout} fails with "{@code what} did not happen
     * within N s (last seen: ...)".
     */
    public <T> T until(String what, Duration timeout, Supplier<Check<T>> check) {
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            Check<T> answer = check.get();
            if (answer.result().isPresent()) {
                return answer.result().get();
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new AwsFailoverException(what + " did not happen within " + timeout.toSeconds() + " s (last seen: "
                        + answer.seen() + ")");
            }
            try {
                sleeper.sleep(poll);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AwsFailoverException("interrupted while waiting until " + what, e);
            }
        }
    }
}
