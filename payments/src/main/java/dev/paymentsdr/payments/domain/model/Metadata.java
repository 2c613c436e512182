package dev.paymentsdr.payments.domain.model;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Client labels on a payment: at most 20 entries, keys 1..40 of {@code [A-Za-z0-9_.-]}, values at most 256 characters. */
public record Metadata(SortedMap<String, String> entries) {
    public static final int MAX_ENTRIES = 20;
    public static final int MAX_VALUE_LENGTH = 256;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    private static final Metadata EMPTY = new Metadata(new TreeMap<>());

    public Metadata {
        if (entries == null) {
            throw new InvalidPaymentException("metadata", "metadata must be an object of string values");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new InvalidPaymentException("metadata",
                    "metadata has " + entries.size() + " entries; at most " + MAX_ENTRIES + " are allowed");
        }
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            if (entry.getKey() == null || !KEY.matcher(entry.getKey()).matches()) {
                throw new InvalidPaymentException("metadata",
                        "metadata keys must be 1 to 40 characters of A-Z, a-z, 0-9, '_', '.' or '-'");
            }
            String value = entry.getValue();
            String field = "metadata." + entry.getKey();
            if (value == null) {
                throw new InvalidPaymentException(field, field + " must be a string");
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new InvalidPaymentException(field,
                        field + " is " + value.length() + " characters long; at most " + MAX_VALUE_LENGTH + " are allowed");
            }
            if (Text.hasControlCharacter(value)) {
                throw new InvalidPaymentException(field, field + " must not contain control characters or unpaired \\uD800-\\uDFFF escapes");
            }
        }
        entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }

    /** Metadata from any map (copied and sorted by key). */
    public static Metadata of(Map<String, String> entries) {
        if (entries == null || entries.isEmpty()) {
            return EMPTY;
        }
        return new Metadata(new TreeMap<>(entries));
    }

    public static Metadata empty() {
        return EMPTY;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
