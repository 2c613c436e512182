package dev.paymentsdr.infra.blueprints;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awscdk.Aws;

/**
 * Physical names of a deployment, as patterns with {@code {suffix}} and {@code {region}}: every name carries the
 * environment suffix; regional names also the region. A seed document's names are a setting of its blueprint
 * ({@code Naming.builder(suffix).pattern(Name.ECS_CLUSTER, "payment-cluster-{suffix}")}), never an edit of a construct.
 */
public final class Naming {
    /** The named things of a deployment, with the default pattern of each. */
    public enum Name {
        PRIMARY_STACK("PaymentsDr-Primary-{suffix}"),
        SECONDARY_STACK("PaymentsDr-Secondary-{suffix}"),
        GLOBAL_STACK("PaymentsDr-Global-{suffix}"),
        PEERING_STACK("PaymentsDr-PeeringRoutes-{suffix}"),
        KEY_ALIAS("payments-dr-data-{suffix}"),
        GLOBAL_CLUSTER("payments-dr-global-{suffix}"),
        DB_CLUSTER("payments-dr-db-{region}-{suffix}"),
        DB_SECRET("payments-dr/{suffix}/database"),
        BUCKET("pdr-txlog-{account}-{region}-{suffix}"),
        AUDIT_BUCKET("pdr-audit-{account}-{region}-{suffix}"),
        TABLE("payments-dr-sessions-{suffix}"),
        ECS_CLUSTER("payments-dr-payments-{region}-{suffix}"),
        ECS_SERVICE("payments-dr-payments-{region}-{suffix}"),
        API("payments-dr-api-{region}-{suffix}"),
        FUNCTION("payments-dr-api-{region}-{suffix}"),
        HEALTH_FUNCTION("payments-dr-health-{region}-{suffix}"),
        ENTRY_FUNCTION("payments-dr-entry-{region}-{suffix}"),
        QUEUE("payments-dr-orders-{region}-{suffix}"),
        OUTBOX_RELAY("payments-dr-relay-{region}-{suffix}"),
        EVENT_BUS("payments-dr-events-{suffix}"),
        BACKUP_VAULT("payments-dr-backup-{suffix}"),
        WORKFLOW("payments-dr-promote-{region}-{suffix}"),
        FAILOVER_TABLE("payments-dr-failover-{suffix}"),
        FAILOVER_TRIGGER("payments-dr-failover-{region}-{suffix}"),
        HEALTH_MONITOR("payments-dr-monitor-{region}-{suffix}"),
        READINESS_TESTER("payments-dr-readiness-{region}-{suffix}"),
        OPS("payments-dr-ops-{region}-{suffix}"),
        ALERT_TOPIC("payments-dr-ops-{region}-{suffix}-alerts"),
        WAF("payments-dr-waf-{region}-{suffix}"),
        ACCELERATOR("payments-dr-accelerator-{suffix}"),
        API_SECRET("payments-dr/{suffix}/api-keys");

        private final String pattern;

        Name(String pattern) {
            this.pattern = pattern;
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(?!suffix}|region}|account})[^}]*}");

    private final String suffix;
    private final Map<Name, String> patterns;

    private Naming(String suffix, Map<Name, String> patterns) {
        this.suffix = suffix;
        this.patterns = patterns;
    }

    /** The default names for environment {@code suffix}. */
    public static Naming of(String suffix) {
        return builder(suffix).build();
    }

    /** Starts from the default names for {@code suffix}. */
    public static Builder builder(String suffix) {
        return new Builder(suffix);
    }

    /** The environment suffix. */
    public String suffix() {
        return suffix;
    }

    /** The name of {@code name} shared by both regions (its pattern must not contain {@code {region}}). */
    public String of(Name name) {
        String pattern = patterns.get(name);
        if (pattern.contains("{region}")) {
            throw new IllegalStateException("the name " + name + " (" + pattern + ") is per region; call of(" + name + ", region)");
        }
        return of(name, "");
    }

    /** The name of {@code name} in {@code region}. */
    public String of(Name name, String region) {
        return patterns.get(name).replace("{suffix}", suffix).replace("{region}", region).replace("{account}", Aws.ACCOUNT_ID);
    }

    /** Builder of {@link Naming}. */
    public static final class Builder {
        private final String suffix;
        private final Map<Name, String> patterns = new EnumMap<>(Name.class);

        private Builder(String suffix) {
            this.suffix = suffix;
            for (Name name : Name.values()) {
                patterns.put(name, name.pattern);
            }
        }

        /** Uses {@code pattern} (with {@code {suffix}}, {@code {region}}, {@code {account}}) for {@code name}. */
        public Builder pattern(Name name, String pattern) {
            if (!pattern.contains("{suffix}") || PLACEHOLDER.matcher(pattern).find()) {
                throw new IllegalArgumentException("name pattern '" + pattern + "' for " + name
                        + " must contain {suffix} and no placeholder other than {suffix}, {region}, {account}");
            }
            patterns.put(name, pattern);
            return this;
        }

        /** The stack names of a document (patterns with {@code {suffix}}). */
        public Builder stacks(String primary, String secondary, String global) {
            return pattern(Name.PRIMARY_STACK, primary).pattern(Name.SECONDARY_STACK, secondary).pattern(Name.GLOBAL_STACK, global);
        }

        /** The names. */
        public Naming build() {
            return new Naming(suffix, new EnumMap<>(patterns));
        }
    }
}
