package dev.paymentsdr.lab;

import dev.paymentsdr.lab.network.RegionLatency;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything {@link Lab#up} needs: lab directory, the two regions and their ports (0 = pick a free one at
 * the first {@code up}), replication mode and HAProxy health-check timing. Built and validated by {@link Builder}.
 */
public final class LabConfig {
    public static final String DEFAULT_PRIMARY_REGION = "us-east-1";
    public static final String DEFAULT_STANDBY_REGION = "us-east-2";
    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);
    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");
    private static final Pattern REGION_NAME = Pattern.compile("[a-z][a-z0-9-]{0,30}[a-z0-9]");
    private static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    private static final Duration MAX_INTERVAL = Duration.ofSeconds(60);
    private static final Duration MAX_ROUND_TRIP = Duration.ofSeconds(1);

    /** One region's name and ports; a port of 0 means "pick a free port at the first up". */
    public record RegionConfig(String name, int dbPort, int servicePort) {
    }

    private final Path dir;
    private final RegionConfig primary;
    private final RegionConfig standby;
    private final ReplicationMode replication;
    private final Duration checkInterval;
    private final int fall;
    private final int rise;
    private final int frontDoorPort;
    private final Duration startTimeout;
    private final boolean installMissing;
    private final List<String> serviceJvmOptions;
    private final String serviceClasspath;
    private final Set<String> explicit;
    private final Duration linkRoundTrip;
    private final String linkLatencySource;

    private LabConfig(Builder b) {
        this.dir = b.dir.toAbsolutePath().normalize();
        this.primary = new RegionConfig(b.primaryRegion, b.primaryDbPort, b.primaryServicePort);
        this.standby = new RegionConfig(b.standbyRegion, b.standbyDbPort, b.standbyServicePort);
        this.replication = b.replication;
        this.checkInterval = b.checkInterval;
        this.fall = b.fall;
        this.rise = b.rise;
        this.frontDoorPort = b.frontDoorPort;
        this.startTimeout = b.startTimeout;
        this.installMissing = b.installMissing;
        this.serviceJvmOptions = List.copyOf(b.serviceJvmOptions);
        this.serviceClasspath = b.serviceClasspath;
        this.explicit = Set.copyOf(b.explicit);
        this.linkRoundTrip = b.linkRoundTrip != null ? b.linkRoundTrip
                : RegionLatency.typicalRoundTrip(b.primaryRegion, b.standbyRegion).orElseThrow();
        this.linkLatencySource = b.linkRoundTrip != null ? "set"
                : "typical for " + b.primaryRegion + "/" + b.standbyRegion;
    }

    /** The round trip the region->region links add (half each way): set, or the region pair's typical one. */
    public Duration linkRoundTrip() {
        return linkRoundTrip;
    }

    /** Where {@link #linkRoundTrip()} came from: {@code set}, or {@code typical for a/b}. */
    public String linkLatencySource() {
        return linkLatencySource;
    }

    /**
     * True when the setting was given (flag, file or builder call) rather than left at its default; an
     * existing lab is only checked against settings that were given. Names are the builder's method names.
     */
    public boolean isExplicit(String setting) {
        return explicit.contains(setting);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The default lab directory: {@code <repo>/.lab}, the repo being {@code -Ddrctl.home} or else the working directory. */
    public static Path defaultDir() {
        String home = System.getProperty("drctl.home");
        Path root = home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home);
        return root.resolve(".lab");
    }

    public Path dir() {
        return dir;
    }

    public RegionConfig primary() {
        return primary;
    }

    public RegionConfig standby() {
        return standby;
    }

    public ReplicationMode replication() {
        return replication;
    }

    public Duration checkInterval() {
        return checkInterval;
    }

    public int fall() {
        return fall;
    }

    public int rise() {
        return rise;
    }

    public int frontDoorPort() {
        return frontDoorPort;
    }

    public Duration startTimeout() {
        return startTimeout;
    }

    /** True when missing Debian packages may be installed with apt-get (as root). */
    public boolean installMissing() {
        return installMissing;
    }

    public List<String> serviceJvmOptions() {
        return serviceJvmOptions;
    }

    /** The class path the payment service processes run with (default: this JVM's). */
    public String serviceClasspath() {
        return serviceClasspath;
    }

    /** Parses a duration such as {@code 500ms}, {@code 1s}, {@code 2m} or ISO-8601 {@code PT1S}. */
    public static Duration parseDuration(String what, String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
        } catch (RuntimeException e) {
            // falls through to the error below, which says what is accepted
        }
        throw new IllegalArgumentException(what + " must be a duration such as 500ms, 1s or 2m, was '" + text + "'");
    }

    /** Collects settings; {@link #build()} checks them all and reports every problem at once. */
    public static final class Builder {
        private Path dir = defaultDir();
        private String primaryRegion = DEFAULT_PRIMARY_REGION;
        private String standbyRegion = DEFAULT_STANDBY_REGION;
        private int primaryDbPort;
        private int primaryServicePort;
        private int standbyDbPort;
        private int standbyServicePort;
        private ReplicationMode replication = ReplicationMode.SYNC;
        private Duration checkInterval = DEFAULT_CHECK_INTERVAL;
        private int fall = 3;
        private int rise = 2;
        private int frontDoorPort;
        private Duration startTimeout = DEFAULT_START_TIMEOUT;
        private boolean installMissing = true;
        private List<String> serviceJvmOptions = DEFAULT_SERVICE_JVM_OPTIONS;
        private String serviceClasspath = System.getProperty("java.class.path");
        private final Set<String> explicit = new HashSet<>();
        private Duration linkRoundTrip;

        private Builder() {
        }

        /** The round trip of the region->region links; without it, the region pair's typical one. */
        public Builder linkRoundTrip(Duration roundTrip) {
            explicit.add("linkRoundTrip");
            this.linkRoundTrip = Objects.requireNonNull(roundTrip, "linkRoundTrip");
            return this;
        }

        public Builder dir(Path dir) {
            explicit.add("dir");
            this.dir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        public Builder primaryRegion(String name) {
            explicit.add("primaryRegion");
            this.primaryRegion = name;
            return this;
        }

        public Builder standbyRegion(String name) {
            explicit.add("standbyRegion");
            this.standbyRegion = name;
            return this;
        }

        public Builder primaryDbPort(int port) {
            explicit.add("primaryDbPort");
            this.primaryDbPort = port;
            return this;
        }

        public Builder primaryServicePort(int port) {
            explicit.add("primaryServicePort");
            this.primaryServicePort = port;
            return this;
        }

        public Builder standbyDbPort(int port) {
            explicit.add("standbyDbPort");
            this.standbyDbPort = port;
            return this;
        }

        public Builder standbyServicePort(int port) {
            explicit.add("standbyServicePort");
            this.standbyServicePort = port;
            return this;
        }

        public Builder frontDoorPort(int port) {
            explicit.add("frontDoorPort");
            this.frontDoorPort = port;
            return this;
        }

        public Builder replication(ReplicationMode mode) {
            explicit.add("replication");
            this.replication = Objects.requireNonNull(mode, "replication");
            return this;
        }

        public Builder checkInterval(Duration interval) {
            explicit.add("checkInterval");
            this.checkInterval = Objects.requireNonNull(interval, "checkInterval");
            return this;
        }

        public Builder fall(int fall) {
            explicit.add("fall");
            this.fall = fall;
            return this;
        }

        public Builder rise(int rise) {
            explicit.add("rise");
            this.rise = rise;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "startTimeout");
            return this;
        }

        public Builder installMissing(boolean install) {
            this.installMissing = install;
            return this;
        }

        public Builder serviceJvmOptions(List<String> options) {
            this.serviceJvmOptions = List.copyOf(options);
            return this;
        }

        public Builder serviceClasspath(String classpath) {
            this.serviceClasspath = classpath;
            return this;
        }

        /** Validates every setting; throws {@link IllegalArgumentException} listing all that are wrong. */
        public LabConfig build() {
            List<String> errors = new ArrayList<>();
            checkRegion("primary region", primaryRegion, errors);
            checkRegion("standby region", standbyRegion, errors);
            if (primaryRegion != null && primaryRegion.equals(standbyRegion)) {
                errors.add("primary and standby region must differ, both were '" + primaryRegion + "'");
            }
            Set<Integer> seen = new HashSet<>();
            checkPort("front-door port", frontDoorPort, seen, errors);
            checkPort("primary db port", primaryDbPort, seen, errors);
            checkPort("primary service port", primaryServicePort, seen, errors);
            checkPort("standby db port", standbyDbPort, seen, errors);
            checkPort("standby service port", standbyServicePort, seen, errors);
            if (checkInterval.compareTo(MIN_INTERVAL) < 0 || checkInterval.compareTo(MAX_INTERVAL) > 0) {
                errors.add("health-check interval must be between 100ms and 60s, was " + checkInterval.toMillis() + "ms");
            }
            if (fall < 1 || fall > 100) {
                errors.add("health-check fall must be 1..100, was " + fall);
            }
            if (rise < 1 || rise > 100) {
                errors.add("health-check rise must be 1..100, was " + rise);
            }
            if (linkRoundTrip != null && (linkRoundTrip.isNegative() || linkRoundTrip.compareTo(MAX_ROUND_TRIP) > 0)) {
                errors.add("link latency (round trip) must be 0ms..1000ms, was " + linkRoundTrip.toMillis() + "ms");
            }
            if (linkRoundTrip == null && primaryRegion != null && standbyRegion != null
                    && RegionLatency.typicalRoundTrip(primaryRegion, standbyRegion).isEmpty()) {
                errors.add("no typical round trip is known between " + primaryRegion + " and " + standbyRegion
                        + "; give the link latency explicitly (--link-latency 30ms, or link.latency=30ms); known pairs: "
                        + RegionLatency.knownPairs());
            }
            if (startTimeout.isNegative() || startTimeout.isZero()) {
                errors.add("start timeout must be positive, was " + startTimeout);
            }
            if (serviceClasspath == null || serviceClasspath.isBlank()) {
                errors.add("service class path must not be empty");
            }
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException("invalid lab configuration: " + String.join("; ", errors));
            }
            return new LabConfig(this);
        }

        private static void checkRegion(String what, String name, List<String> errors) {
            if (name == null || !REGION_NAME.matcher(name).matches()) {
                errors.add(what + " must be 2-32 characters of lower-case letters, digits and '-' starting with a"
                        + " letter (like us-east-1), was '" + name + "'");
            }
        }

        private static void checkPort(String what, int port, Set<Integer> seen, List<String> errors) {
            if (port == 0) {
                return;
            }
            if (port < 1024 || port > 65535) {
                errors.add(what + " must be 1024..65535 (or 0 to pick a free port), was " + port);
            } else if (!seen.add(port)) {
                errors.add(what + " " + port + " is already used by another lab component; every port must differ");
            }
        }
    }
}
