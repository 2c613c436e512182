package dev.paymentsdr.service.backend;

import dev.paymentsdr.service.ConfigException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the transaction-log archive lives: a directory (the lab) or an S3 bucket and key prefix (AWS). */
public sealed interface ArchiveLocation {
    /** The key prefix used when a bucket is named without one (PAYMENTS_BUCKET). */
    String DEFAULT_PREFIX = "transaction-log";
    String ACCEPTED = "a directory path, or s3://BUCKET[/PREFIX] with a bucket name of 3-63 characters of a-z, 0-9, '.' or '-'";

    /** A local directory, one per region in the lab. */
    record Directory(Path path) implements ArchiveLocation {
        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** A bucket (the region's replicated transaction-log bucket) and a key prefix without slashes at its ends. */
    record S3(String bucket, String prefix) implements ArchiveLocation {
        @Override
        public String toString() {
            return "s3://" + bucket + "/" + prefix;
        }
    }

    /** Parses {@code s3://bucket/prefix} or a directory path (made absolute). */
    static ArchiveLocation parse(String setting, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(setting + " must be " + ACCEPTED + ", got nothing");
        }
        String text = value.trim();
        if (text.regionMatches(true, 0, "s3:", 0, 3)) {
            Matcher m = Pattern.compile("s3://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:/(.*))?").matcher(text);
            if (!m.matches()) {
                throw new ConfigException(setting + " must be " + ACCEPTED + ", got '" + text + "'");
            }
            String prefix = m.group(2) == null ? "" : m.group(2).replaceAll("^/+|/+$", "");
            if (!prefix.matches("[A-Za-z0-9!_.*'()/-]{0,200}") || prefix.contains("//")) {
                throw new ConfigException(setting + " has a key prefix '" + prefix
                        + "' that is not 0-200 characters of A-Z, a-z, 0-9, '/', '!', '_', '.', '*', ''', '(', ')' or '-'");
            }
            return new S3(m.group(1), prefix.isEmpty() ? DEFAULT_PREFIX : prefix);
        }
        if (text.contains("://")) {
            throw new ConfigException(setting + " must be " + ACCEPTED + ", got '" + text + "'");
        }
        try {
            return new Directory(Path.of(text).toAbsolutePath().normalize());
        } catch (java.nio.file.InvalidPathException e) {
            throw new ConfigException(setting + " is not a valid directory path: '" + text + "'");
        }
    }
}
