package dev.paymentsdr.aws.lambda.failover.readiness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * One check of the readiness test: passed or not, what it saw, and the time it took.
 *
 * @param name kebab-case, such as {@code global-table-canary} or {@code database-us-east-1}
 */
public record CheckResult(String name, boolean passed, String detail, Duration took) {
    /** Runs {@code check}; it passes when it returns (its detail) and fails with the message of what it throws. */
    static CheckResult timed(String name, Clock clock, Supplier<String> check) {
        Instant start = clock.instant();
        try {
            String detail = check.get();
            return new CheckResult(name, true, detail, Duration.between(start, clock.instant()));
        } catch (RuntimeException e) {
            return new CheckResult(name, false, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                    Duration.between(start, clock.instant()));
        }
    }

    /** A check the deployment has nothing for (no global table, no buckets): it passes, saying so. */
    static CheckResult skipped(String name, String why) {
        return new CheckResult(name, true, "skipped: " + why, Duration.ZERO);
    }
}
