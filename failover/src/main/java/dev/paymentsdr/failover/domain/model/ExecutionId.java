package dev.paymentsdr.failover.domain.model;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Names one failover execution; rerunning with the same id resumes it. */
public record ExecutionId(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    public ExecutionId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("execution id must be 1..64 characters of A-Z, a-z, 0-9, '_', '.', '-'"
                    + " starting with a letter or digit, was '" + value + "'");
        }
    }

    /** A new id that sorts by time, such as {@code fo-20260101T120000Z-3fa2}. */
    public static ExecutionId generate(Instant now) {
        byte[] suffix = new byte[2];
        RANDOM.nextBytes(suffix);
        return new ExecutionId("fo-" + STAMP.format(now) + "-" + HexFormat.of().formatHex(suffix));
    }

    @Override
    public String toString() {
        return value;
    }
}
