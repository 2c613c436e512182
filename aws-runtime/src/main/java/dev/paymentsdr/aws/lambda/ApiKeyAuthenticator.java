package dev.paymentsdr.aws.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.contract.RuntimeVariable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;

/**
 * Checks a request's {@code x-api-key} header against the clients' keys kept in a Secrets Manager secret (a JSON
 * object of key id -> key), read through the Powertools secrets provider with a short cache so a rotated key takes
 * effect within minutes. Fails closed: an unreadable or malformed secret accepts no key. Never logs a key.
 */
public final class ApiKeyAuthenticator {
    /** The request header that carries the client's key. */
    public static final String HEADER = "x-api-key";
    /** How long a read of the secret is reused: the longest a rotated or removed key keeps working. */
    static final int CACHE_MINUTES = 2;
    static final int MIN_KEY_LENGTH = 32;
    static final int MAX_KEY_LENGTH = 512;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern SECRET_ID = Pattern.compile("arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[A-Za-z0-9/_+=.@-]+"
            + "|[A-Za-z0-9/_+=.@-]{1,512}");
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyAuthenticator.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the check found; only {@link #ACCEPTED} lets a request through. */
    public enum Outcome { ACCEPTED, MISSING, UNKNOWN, UNAVAILABLE }

    /** The outcome and, when accepted, the id of the client's key (safe to log: ids are not secret). */
    public record Decision(Outcome outcome, Optional<String> keyId) {
    }

    private final String secretId;
    private final Supplier<String> secretValue;

    ApiKeyAuthenticator(String secretId, Supplier<String> secretValue) {
        this.secretId = secretId;
        this.secretValue = secretValue;
    }

    /** Reads secret {@code secretId} (ARN or name) with {@code client}, each value cached for {@value #CACHE_MINUTES} minutes. */
    public static ApiKeyAuthenticator of(SecretsManagerClient client, String secretId) {
        SecretsProvider provider = SecretsProvider.builder().withClient(client).build();
        return new ApiKeyAuthenticator(secretId, () -> provider.withMaxAge(CACHE_MINUTES, ChronoUnit.MINUTES).get(secretId));
    }

    /**
     * The secret named by {@code PAYMENTS_API_KEYS_SECRET_ARN}, if set; an error saying what is accepted when it is not an
     * ARN or name of a secret.
     */
    public static Optional<String> secretId(Map<String, String> environment) {
        String name = RuntimeVariable.PAYMENTS_API_KEYS_SECRET_ARN.name();
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (!SECRET_ID.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " is not a Secrets Manager secret ARN or name: expected "
                    + RuntimeVariable.PAYMENTS_API_KEYS_SECRET_ARN.format());
        }
        return Optional.of(value);
    }

    /** Decides on {@code presentedKey} (the header's value, null when absent). */
    public Decision check(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank()) {
            return new Decision(Outcome.MISSING, Optional.empty());
        }
        Map<String, String> keys;
        try {
            keys = parse(read());
        } catch (IllegalStateException e) {
            LOG.error("refusing every API key: {}", e.getMessage());
            return new Decision(Outcome.UNAVAILABLE, Optional.empty());
        }
        // Hashing first makes every comparison the same length, so neither a key's content nor its length leaks by timing;
        // every key is compared, without an early exit.
        byte[] presented = sha256(presentedKey);
        String matched = null;
        for (Map.Entry<String, String> e : keys.entrySet()) {
            if (MessageDigest.isEqual(presented, sha256(e.getValue())) && matched == null) {
                matched = e.getKey();
            }
        }
        return matched == null ? new Decision(Outcome.UNKNOWN, Optional.empty()) : new Decision(Outcome.ACCEPTED, Optional.of(matched));
    }

    private String read() {
        String value;
        try {
            value = secretValue.get();
        } catch (RuntimeException e) {
            // the exception's message may quote the request; its type is enough to act on (permissions, missing secret)
            throw new IllegalStateException("cannot read the API keys secret " + secretId + ": " + e.getClass().getSimpleName());
        }
        if (value == null) {
            throw new IllegalStateException("the API keys secret " + secretId + " has no string value");
        }
        return value;
    }

    /** The secret's keys by id; an error naming the ids at fault (never a value) when it is not of the documented form. */
    Map<String, String> parse(String value) {
        JsonNode root;
        try {
            root = JSON.readTree(value);
        } catch (java.io.IOException e) {
            // the parser's message would quote the secret's text
            throw malformed("it is not JSON");
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw malformed("it is not a non-empty JSON object");
        }
        Map<String, String> keys = new java.util.LinkedHashMap<>();
        List<String> faults = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String id = field.getKey();
            String shownId = KEY_ID.matcher(id).matches() ? id : "(an id that is not 1-64 of A-Z a-z 0-9 . _ -)";
            if (!KEY_ID.matcher(id).matches()) {
                faults.add(shownId);
            } else if (!field.getValue().isTextual() || field.getValue().asText().length() < MIN_KEY_LENGTH
                    || field.getValue().asText().length() > MAX_KEY_LENGTH) {
                faults.add(id + " (not a string of " + MIN_KEY_LENGTH + "-" + MAX_KEY_LENGTH + " characters)");
            } else {
                keys.put(id, field.getValue().asText());
            }
        }
        if (!faults.isEmpty()) {
            throw malformed("bad entries: " + String.join(", ", faults));
        }
        return keys;
    }

    private IllegalStateException malformed(String why) {
        return new IllegalStateException("the API keys secret " + secretId + " is malformed (" + why + "); expected a JSON object"
                + " of key id (1-64 of A-Z a-z 0-9 . _ -) -> key (" + MIN_KEY_LENGTH + "-" + MAX_KEY_LENGTH + " characters)");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
