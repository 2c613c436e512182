package dev.paymentsdr.lab.failover.cli;

import dev.paymentsdr.lab.LabConfig;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** Reads durations such as {@code 500ms}, {@code 5s}, {@code 2m} or {@code PT5S}; the error says what is accepted. */
public final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        Duration d = LabConfig.parseDuration("duration", value);
        if (d.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, was '" + value + "'");
        }
        return d;
    }
}
