package dev.paymentsdr.contract;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The format of a structured variable: {@code key=value} pairs separated by {@code ;}, for example
 * {@code global-cluster=payments-dr-global-prod;state-table=payments-dr-failover-prod}. Keys are 1-128 of
 * {@code A-Z a-z 0-9 . _ -}; values may hold anything but {@code ;}. The stacks encode, the runtime decodes.
 */
public final class KeyValues {
    /** The format in words, for messages and documentation. */
    public static final String FORMAT = "KEY=VALUE;KEY=VALUE";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private KeyValues() {
    }

    /** The text of {@code pairs}, in their order; a key or value the format cannot carry is refused. */
    public static String encode(Map<String, String> pairs) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            if (!KEY.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("key '" + e.getKey() + "' must be 1-128 of A-Z a-z 0-9 . _ -");
            }
            if (e.getValue() == null || e.getValue().indexOf(';') >= 0 || e.getValue().isBlank()) {
                throw new IllegalArgumentException("the value of '" + e.getKey() + "' must be set and hold no ';'");
            }
            if (!text.isEmpty()) {
                text.append(';');
            }
            text.append(e.getKey()).append('=').append(e.getValue());
        }
        return text.toString();
    }

    /**
     * The pairs of {@code text} in order; blank text is none. An entry without {@code =}, a malformed or repeated
     * key is refused with a message naming {@code variable}.
     */
    public static Map<String, String> decode(String variable, String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return pairs;
        }
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String key = eq < 0 ? entry.strip() : entry.substring(0, eq).strip();
            if (eq < 0 || !KEY.matcher(key).matches()) {
                throw new IllegalArgumentException(variable + ": '" + entry.strip() + "' is not a KEY=VALUE pair; expected "
                        + FORMAT + " with keys of A-Z a-z 0-9 . _ -");
            }
            if (pairs.put(key, entry.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException(variable + ": the key '" + key + "' is given twice");
            }
        }
        return pairs;
    }
}
