package dev.paymentsdr.service;

import dev.paymentsdr.service.adapter.in.api.JsonLimits;
import dev.paymentsdr.service.adapter.in.http.HttpLimits;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The limits a request must stay within (JSON numbers and nesting, header size, idle and total request time), each a
 * setting with a safe default; every constructor path validates them.
 */
public record RequestLimits(int maxJsonNumberLength, int maxJsonDepth, int maxHeaderBytes, Duration idleTimeout,
                            Duration requestTimeout) {
    /** Every default together. */
    public static final RequestLimits DEFAULTS = new RequestLimits(JsonLimits.DEFAULT_MAX_NUMBER_LENGTH,
            JsonLimits.DEFAULT_MAX_NESTING_DEPTH, HttpLimits.DEFAULT_MAX_HEADER_BYTES, HttpLimits.DEFAULT_IDLE_TIMEOUT,
            HttpLimits.DEFAULT_REQUEST_TIMEOUT);
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,7})(ms|s|m)");

    public RequestLimits {
        requireRange("--max-json-number-length", maxJsonNumberLength, 20, 1000, "characters");
        requireRange("--max-json-depth", maxJsonDepth, 2, 1000, "levels");
        requireRange("--max-header-bytes", maxHeaderBytes, 1024, 65536, "bytes");
        requireRange("--http-idle-timeout", idleTimeout, Duration.ofSeconds(1), Duration.ofHours(1));
        requireRange("--http-request-timeout", requestTimeout, Duration.ofMillis(500), Duration.ofMinutes(5));
    }

    /** From PAYMENTS_MAX_JSON_NUMBER_LENGTH, PAYMENTS_MAX_JSON_DEPTH, PAYMENTS_MAX_HEADER_BYTES, PAYMENTS_HTTP_IDLE_TIMEOUT, PAYMENTS_HTTP_REQUEST_TIMEOUT. */
    public static RequestLimits fromEnvironment(Map<String, String> env) {
        return from(flag -> env.get(variableOf(flag)));
    }

    /**
     * Reads every limit through {@code valueOf}, which is given the flag name ({@code --max-json-depth}) and returns
     * the text set for it (flag or environment) or null for the default.
     */
    static RequestLimits from(UnaryOperator<String> valueOf) {
        return new RequestLimits(
                ServiceConfig.parseInt("--max-json-number-length", valueOf.apply("--max-json-number-length"),
                        JsonLimits.DEFAULT_MAX_NUMBER_LENGTH),
                ServiceConfig.parseInt("--max-json-depth", valueOf.apply("--max-json-depth"), JsonLimits.DEFAULT_MAX_NESTING_DEPTH),
                ServiceConfig.parseInt("--max-header-bytes", valueOf.apply("--max-header-bytes"), HttpLimits.DEFAULT_MAX_HEADER_BYTES),
                duration("--http-idle-timeout", valueOf.apply("--http-idle-timeout"), HttpLimits.DEFAULT_IDLE_TIMEOUT),
                duration("--http-request-timeout", valueOf.apply("--http-request-timeout"), HttpLimits.DEFAULT_REQUEST_TIMEOUT));
    }

    /** The environment variable of a flag: {@code --http-idle-timeout} is {@code PAYMENTS_HTTP_IDLE_TIMEOUT}. */
    static String variableOf(String flag) {
        return "PAYMENTS_" + flag.substring(2).replace('-', '_').toUpperCase(Locale.ROOT);
    }

    public JsonLimits json() {
        return new JsonLimits(maxJsonNumberLength, maxJsonDepth);
    }

    public HttpLimits http() {
        return new HttpLimits(idleTimeout, requestTimeout, maxHeaderBytes);
    }

    /** Reads {@code 500ms}, {@code 10s} or {@code 2m}. */
    static Duration duration(String name, String text, Duration defaultValue) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new ConfigException(name + " must be a duration such as 500ms, 10s or 2m, got '" + text + "'");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    private static void requireRange(String name, int value, int min, int max, String unit) {
        if (value < min || value > max) {
            throw new ConfigException(name + " must be from " + min + " to " + max + " " + unit + ", got " + value);
        }
    }

    private static void requireRange(String name, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new ConfigException(name + " must be from " + text(min) + " to " + text(max) + ", got "
                    + (value == null ? "nothing" : text(value)));
        }
    }

    private static String text(Duration d) {
        return d.toMillis() % 1000 != 0 ? d.toMillis() + "ms" : d.toSeconds() + "s";
    }
}
