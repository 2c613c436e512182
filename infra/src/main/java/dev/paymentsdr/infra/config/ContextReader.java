package dev.paymentsdr.infra.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reads and validates the context parameters of the app; every error names the key, the value and what is accepted. */
public final class ContextReader {
    /** Every context key the app understands. */
    public static final List<String> KEYS = List.of("environmentSuffix", "account", "primaryRegion", "secondaryRegion",
            "alertEmail", "domainName", "hostedZoneId", "primaryMinTasks", "primaryMaxTasks", "secondaryMinTasks",
            "secondaryMaxTasks", "databaseEngine", "globalAccelerator", "deletionProtection");

    private static final Pattern SUFFIX = Pattern.compile("[a-z0-9]([a-z0-9-]{0,18}[a-z0-9])?");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-[0-9]");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[a-zA-Z]{2,}");
    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Pattern ZONE_ID = Pattern.compile("Z[A-Z0-9]{1,31}");

    private final Function<String, Object> lookup;
    private final java.util.Map<String, String> defaults;

    /** @param lookup returns the raw context value for a key, or null when the key is not set */
    public ContextReader(Function<String, Object> lookup) {
        this(lookup, java.util.Map.of());
    }

    /**
     * @param lookup returns the raw context value for a key, or null when the key is not set
     * @param defaults a blueprint's own defaults (its document's values), used for keys the context does not set
     */
    public ContextReader(Function<String, Object> lookup, java.util.Map<String, String> defaults) {
        this.lookup = lookup;
        this.defaults = java.util.Map.copyOf(defaults);
        for (String key : defaults.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("a blueprint default names the unknown context key '" + key + "'");
            }
        }
    }

    /** Reads every parameter, applying the defaults (suffix dev, us-east-1 / us-east-2, 10-50 and 2-50 tasks). */
    public DrSettings read() {
        String suffix = string("environmentSuffix").orElse("dev");
        require(SUFFIX.matcher(suffix).matches(), "environmentSuffix", suffix,
                "1-20 lowercase letters, digits or dashes, starting and ending with a letter or digit (e.g. dev, prod-001)");
        Optional<String> account = string("account").or(() -> Optional.ofNullable(System.getenv("CDK_DEFAULT_ACCOUNT")));
        account.ifPresent(a -> require(ACCOUNT.matcher(a).matches(), "account", a, "a 12-digit AWS account id"));
        String primary = region("primaryRegion", "us-east-1");
        String secondary = region("secondaryRegion", "us-east-2");
        if (primary.equals(secondary)) {
            throw new InvalidContextException("primaryRegion and secondaryRegion must differ, both are '" + primary
                    + "'; pass e.g. -c secondaryRegion=us-east-2");
        }
        Optional<String> email = string("alertEmail");
        email.ifPresent(e -> require(EMAIL.matcher(e).matches(), "alertEmail", e, "an e-mail address like ops@example.com"));
        Optional<DnsSettings> dns = dns();
        Capacity primaryCapacity = capacity("primary", 10, 50);
        Capacity secondaryCapacity = capacity("secondary", 2, 50);
        Optional<DatabaseEngineChoice> engineChoice = string("databaseEngine").map(engine -> switch (engine.toLowerCase(Locale.ROOT)) {
            case "postgresql", "postgres", "aurora-postgresql" -> DatabaseEngineChoice.POSTGRESQL;
            case "mysql", "aurora-mysql" -> DatabaseEngineChoice.MYSQL;
            default -> throw invalid("databaseEngine", engine, "postgresql or mysql");
        });
        return new DrSettings(suffix, account, primary, secondary, email, dns, primaryCapacity, secondaryCapacity,
                engineChoice, bool("globalAccelerator", false), bool("deletionProtection", true));
    }

    private Optional<DnsSettings> dns() {
        Optional<String> domain = string("domainName");
        Optional<String> zone = string("hostedZoneId");
        if (domain.isEmpty() && zone.isEmpty()) {
            return Optional.empty();
        }
        if (domain.isEmpty()) {
            throw new InvalidContextException("hostedZoneId needs domainName (the zone's name); got hostedZoneId=" + zone.get()
                    + " and no domainName");
        }
        require(DOMAIN.matcher(domain.get()).matches(), "domainName", domain.get(), "a lowercase DNS name like example.com");
        zone.ifPresent(z -> require(ZONE_ID.matcher(z).matches(), "hostedZoneId", z, "a Route 53 hosted zone id like Z0123456789ABCDEFGHIJ"));
        return Optional.of(new DnsSettings(domain.get(), zone));
    }

    private String region(String key, String fallback) {
        String value = string(key).orElse(fallback);
        require(REGION.matcher(value).matches(), key, value, "an AWS region name like us-east-1");
        return value;
    }

    private Capacity capacity(String prefix, int min, int max) {
        return new Capacity(integer(prefix + "MinTasks", min), integer(prefix + "MaxTasks", max));
    }

    private int integer(String key, int fallback) {
        Optional<String> value = string(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            require(parsed >= 1 && parsed <= 1000, key, value.get(), "a whole number from 1 to 1000");
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(key, value.get(), "a whole number from 1 to 1000");
        }
    }

    private boolean bool(String key, boolean fallback) {
        Optional<String> value = string(key);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, value.get(), "true or false");
        };
    }

    private Optional<String> string(String key) {
        Object raw = lookup.apply(key);
        if (raw == null) {
            raw = defaults.get(key);
        }
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.toString().trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static void require(boolean ok, String key, String value, String accepted) {
        if (!ok) {
            throw invalid(key, value, accepted);
        }
    }

    private static InvalidContextException invalid(String key, String value, String accepted) {
        return new InvalidContextException("context '" + key + "' is '" + value + "'; expected " + accepted);
    }
}
