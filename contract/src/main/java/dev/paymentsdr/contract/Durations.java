package dev.paymentsdr.contract;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The format of a duration setting: a whole number and a unit, such as {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}. */
public final class Durations {
    /** The format in words. */
    public static final String FORMAT = "a whole number with ms, s, m or h, such as 500ms, 5s or 2m";
    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private Durations() {
    }

    /** The duration {@code text} names; an error names {@code variable} and the accepted format. */
    public static Duration parse(String variable, String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(variable + " must be " + FORMAT + ", was '" + text + "'");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** The shortest text of {@code duration} in this format (whole units only). */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 0) {
            throw new IllegalArgumentException("a duration setting cannot be negative, was " + duration);
        }
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
