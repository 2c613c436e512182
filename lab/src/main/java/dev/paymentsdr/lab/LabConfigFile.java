package dev.paymentsdr.lab;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Reads a lab configuration file ({@code key=value} properties) into a {@link LabConfig.Builder}; unknown
 * keys and bad values are errors that name the key and what is accepted.
 */
public final class LabConfigFile {
    /** Every key a lab configuration file may contain. */
    public static final List<String> KEYS = List.of("dir", "replication", "health.interval", "health.fall",
            "health.rise", "front-door.port", "primary.region", "primary.db-port", "primary.service-port",
            "standby.region", "standby.db-port", "standby.service-port", "start-timeout", "link.latency");

    private LabConfigFile() {
    }

    /** Applies the file's settings to the builder; relative {@code dir} values are relative to the file. */
    public static LabConfig.Builder applyTo(LabConfig.Builder builder, Path file) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read lab config file " + file + ": " + e.getMessage(), e);
        }
        List<String> errors = new ArrayList<>();
        for (String key : new TreeSet<>(props.stringPropertyNames())) {
            String value = props.getProperty(key).strip();
            try {
                apply(builder, file, key, value);
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid lab config file " + file + ": " + String.join("; ", errors));
        }
        return builder;
    }

    private static void apply(LabConfig.Builder b, Path file, String key, String value) {
        switch (key) {
            case "dir" -> b.dir(file.toAbsolutePath().getParent().resolve(value));
            case "replication" -> b.replication(ReplicationMode.parse(value));
            case "health.interval" -> b.checkInterval(LabConfig.parseDuration(key, value));
            case "health.fall" -> b.fall(integer(key, value));
            case "health.rise" -> b.rise(integer(key, value));
            case "front-door.port" -> b.frontDoorPort(integer(key, value));
            case "primary.region" -> b.primaryRegion(value);
            case "primary.db-port" -> b.primaryDbPort(integer(key, value));
            case "primary.service-port" -> b.primaryServicePort(integer(key, value));
            case "standby.region" -> b.standbyRegion(value);
            case "standby.db-port" -> b.standbyDbPort(integer(key, value));
            case "standby.service-port" -> b.standbyServicePort(integer(key, value));
            case "start-timeout" -> b.startTimeout(LabConfig.parseDuration(key, value));
            case "link.latency" -> b.linkRoundTrip(LabConfig.parseDuration(key, value));
            default -> throw new IllegalArgumentException("unknown key '" + key + "' (accepted: "
                    + String.join(", ", KEYS) + ")");
        }
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + value + "'");
        }
    }
}
