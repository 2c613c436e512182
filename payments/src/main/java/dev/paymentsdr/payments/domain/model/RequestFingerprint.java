package dev.paymentsdr.payments.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SHA-256 of the canonical form of a payment request, so a retry is recognised however its JSON was spelled
 * ("10.5" and 10.50 are the same amount; key order and whitespace do not matter).
 */
public record RequestFingerprint(String sha256Hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public RequestFingerprint {
        Objects.requireNonNull(sha256Hex, "sha256Hex");
        if (!HEX.matcher(sha256Hex).matches()) {
            throw new IllegalArgumentException("a request fingerprint is 64 lower-case hex digits");
        }
    }

    /** Fingerprint of what the client asked for (not of server-chosen values such as id or time). */
    public static RequestFingerprint of(CustomerId customerId, Money amount, Optional<Description> description,
                                        Metadata metadata) {
        StringBuilder canonical = new StringBuilder("payment-request-v1");
        // Length-prefixed fields: no two different requests share a canonical form.
        append(canonical, customerId.value());
        append(canonical, amount.currency().code());
        append(canonical, Long.toString(amount.amountMinor()));
        append(canonical, description.map(d -> "+" + d.value()).orElse("-"));
        append(canonical, Integer.toString(metadata.entries().size()));
        for (Map.Entry<String, String> entry : metadata.entries().entrySet()) {
            append(canonical, entry.getKey());
            append(canonical, entry.getValue());
        }
        return new RequestFingerprint(sha256(canonical.toString()));
    }

    private static void append(StringBuilder canonical, String value) {
        canonical.append('|').append(value.length()).append(':').append(value);
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
