package dev.paymentsdr.infra.spec;

import software.amazon.awscdk.Duration;

/**
 * An alarm threshold: the alarm fires when the metric's value over {@code period} is above {@code value}
 * (or at or above it when {@code inclusive}).
 */
public record Threshold(double value, Duration period, boolean inclusive) {
    /** Validates the period (a whole number of minutes, at most a day). */
    public Threshold {
        long seconds = period.toSeconds().longValue();
        if (seconds < 60 || seconds % 60 != 0 || seconds > 86400) {
            throw new IllegalArgumentException("alarm period must be whole minutes from 1 minute to 1 day, got " + seconds + " s");
        }
    }

    /** Fires when the sum over {@code period} is above {@code value}. */
    public static Threshold above(double value, Duration period) {
        return new Threshold(value, period, false);
    }

    /** Fires when the sum over {@code period} is {@code value} or more. */
    public static Threshold atLeast(double value, Duration period) {
        return new Threshold(value, period, true);
    }
}
