package dev.paymentsdr.lab.network;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Typical round-trip times between AWS region pairs, the default latency of the lab's region->region links.
 * Rounded medians of published inter-region measurements; a pair that is not here needs an explicit value.
 */
public final class RegionLatency {
    private static final Map<String, Integer> ROUND_TRIP_MS = new TreeMap<>();

    static {
        pair("us-east-1", "us-east-2", 12);
        pair("us-east-1", "us-west-1", 62);
        pair("us-east-1", "us-west-2", 65);
        pair("us-east-2", "us-west-2", 50);
        pair("us-west-1", "us-west-2", 22);
        pair("us-east-1", "ca-central-1", 16);
        pair("us-east-1", "eu-west-1", 68);
        pair("eu-west-1", "eu-west-2", 11);
        pair("eu-west-1", "eu-central-1", 25);
        pair("eu-central-1", "eu-west-2", 16);
        pair("ap-southeast-1", "ap-southeast-2", 92);
        pair("ap-northeast-1", "ap-northeast-3", 9);
    }

    private RegionLatency() {
    }

    private static void pair(String a, String b, int ms) {
        ROUND_TRIP_MS.put(key(a, b), ms);
    }

    private static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + "/" + b : b + "/" + a;
    }

    /** The typical round trip between the two regions, if the table knows the pair (in either order). */
    public static Optional<Duration> typicalRoundTrip(String a, String b) {
        return Optional.ofNullable(ROUND_TRIP_MS.get(key(a, b))).map(Duration::ofMillis);
    }

    /** The pairs the table knows, as {@code a/b=Nms}, for error messages. */
    public static String knownPairs() {
        StringBuilder text = new StringBuilder();
        ROUND_TRIP_MS.forEach((pair, ms) -> text.append(text.length() == 0 ? "" : ", ").append(pair).append(' ')
                .append(ms).append(" ms"));
        return text.toString();
    }
}
