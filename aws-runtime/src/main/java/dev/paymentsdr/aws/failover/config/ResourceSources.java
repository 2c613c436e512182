package dev.paymentsdr.aws.failover.config;

import dev.paymentsdr.contract.FailoverKeys;
import dev.paymentsdr.contract.FailoverOutput;
import dev.paymentsdr.contract.KeyValues;
import dev.paymentsdr.failover.domain.model.RegionId;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/**
 * Where the failover resources are written down: the deployed stacks' outputs (found by environment suffix,
 * as the CDK app names them) and an optional {@code key=value} file whose values win.
 */
public final class ResourceSources {
    /** Region of the global stack (Route 53 health checks), as the CDK app deploys it. */
    public static final RegionId GLOBAL_STACK_REGION = RegionId.of("us-east-1");

    private ResourceSources() {
    }

    /** The settings of a {@code --config} file ({@code key=value} lines, {@code #} comments). */
    public static Map<String, String> file(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the failover config " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(k -> settings.put(k, properties.getProperty(k)));
        return settings;
    }

    /**
     * The settings the stacks {@code PaymentsDr-Primary-<suffix>}, {@code PaymentsDr-Secondary-<suffix>} and
     * {@code PaymentsDr-Global-<suffix>} publish as outputs; stacks that cannot be read are named in {@code notes}.
     */
    public static Map<String, String> stackOutputs(String suffix, RegionId primary, RegionId secondary,
                                                   Function<RegionId, CloudFormationClient> clients, List<String> notes) {
        return stackOutputs(Stacks.ofSuffix(suffix, primary, secondary), clients, notes);
    }

    /** The settings the three stacks publish as outputs (keys of {@link FailoverOutput}); unreadable stacks go to {@code notes}. */
    public static Map<String, String> stackOutputs(Stacks stacks, Function<RegionId, CloudFormationClient> clients,
                                                   List<String> notes) {
        return fromOutputs(stacks, (region, name) -> outputs(clients, region, name, notes));
    }

    /**
     * The settings the three stacks' outputs name, given each stack's outputs by region and name: how the failover
     * reads a deployment (and how the infrastructure's tests read a synthesized one).
     */
    public static Map<String, String> fromOutputs(Stacks stacks, java.util.function.BiFunction<RegionId, String,
            Map<String, String>> outputsOf) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(FailoverResources.REGIONS, stacks.primaryRegion() + "," + stacks.secondaryRegion());
        regional(outputsOf.apply(stacks.primaryRegion(), stacks.primary()), stacks.primaryRegion(), settings);
        regional(outputsOf.apply(stacks.secondaryRegion(), stacks.secondary()), stacks.secondaryRegion(), settings);
        Map<String, String> global = outputsOf.apply(stacks.globalRegion(), stacks.global());
        put(settings, FailoverKeys.regional(stacks.primaryRegion().name(), FailoverKeys.HEALTH_CHECK_ID),
                global.get(FailoverOutput.PRIMARY_HEALTH_CHECK_ID.key()));
        put(settings, FailoverKeys.regional(stacks.secondaryRegion().name(), FailoverKeys.HEALTH_CHECK_ID),
                global.get(FailoverOutput.SECONDARY_HEALTH_CHECK_ID.key()));
        put(settings, FailoverKeys.HOSTED_ZONE_ID, global.get(FailoverOutput.HOSTED_ZONE_ID.key()));
        put(settings, FailoverKeys.regional(stacks.primaryRegion().name(), FailoverKeys.ACCELERATOR_ENDPOINT_GROUP),
                global.get(FailoverOutput.PRIMARY_ENDPOINT_GROUP_ARN.key()));
        put(settings, FailoverKeys.regional(stacks.secondaryRegion().name(), FailoverKeys.ACCELERATOR_ENDPOINT_GROUP),
                global.get(FailoverOutput.SECONDARY_ENDPOINT_GROUP_ARN.key()));
        String apiName = global.get(FailoverOutput.PAYMENT_API_NAME.key());
        if (apiName != null) {
            put(settings, FailoverKeys.RECORD_NAME, apiName);
            put(settings, FailoverKeys.PROBE_URL, "https://" + apiName);
        }
        return settings;
    }

    /**
     * The deployment's three stacks and their regions.
     *
     * @param globalRegion where the global stack lives (Route 53 health checks: us-east-1)
     */
    public record Stacks(RegionId primaryRegion, String primary, RegionId secondaryRegion, String secondary,
                         RegionId globalRegion, String global) {
        private static final java.util.regex.Pattern STACK_NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,127}");

        /** The stacks as the CDK app names them by default: {@code PaymentsDr-{Primary,Secondary,Global}-<suffix>}. */
        public static Stacks ofSuffix(String suffix, RegionId primary, RegionId secondary) {
            if (!suffix.matches("[a-z0-9-]{1,20}")) {
                throw new IllegalArgumentException("environment suffix must be 1-20 lowercase letters, digits and dashes, was '"
                        + suffix + "'");
            }
            return new Stacks(primary, "PaymentsDr-Primary-" + suffix, secondary, "PaymentsDr-Secondary-" + suffix,
                    GLOBAL_STACK_REGION, "PaymentsDr-Global-" + suffix);
        }

        /** The stacks named by {@code primary=REGION/STACK;secondary=REGION/STACK;global=REGION/STACK}. */
        public static Stacks parse(String variable, String text) {
            Map<String, String> pairs = KeyValues.decode(variable, text);
            if (!pairs.keySet().equals(java.util.Set.of("primary", "secondary", "global"))) {
                throw new IllegalArgumentException(variable + " must name exactly primary, secondary and global, as"
                        + " primary=REGION/STACK;secondary=REGION/STACK;global=REGION/STACK; was '" + text + "'");
            }
            String[] p = split(variable, "primary", pairs.get("primary"));
            String[] s = split(variable, "secondary", pairs.get("secondary"));
            String[] g = split(variable, "global", pairs.get("global"));
            return new Stacks(RegionId.of(p[0]), p[1], RegionId.of(s[0]), s[1], RegionId.of(g[0]), g[1]);
        }

        private static String[] split(String variable, String role, String value) {
            int slash = value.indexOf('/');
            String region = slash < 0 ? "" : value.substring(0, slash);
            String name = slash < 0 ? "" : value.substring(slash + 1);
            boolean regionOk;
            try {
                RegionId.of(region);
                regionOk = true;
            } catch (IllegalArgumentException e) {
                regionOk = false;
            }
            if (!regionOk || !STACK_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(variable + ": " + role + "='" + value + "' is not REGION/STACK, such as"
                        + " us-east-1/PaymentsDr-Primary-prod");
            }
            return new String[] {region, name};
        }
    }

    private static void regional(Map<String, String> outputs, RegionId region, Map<String, String> settings) {
        for (FailoverOutput output : FailoverOutput.values()) {
            if (output.stack() != FailoverOutput.Stack.REGIONAL) {
                continue;
            }
            boolean shared = output == FailoverOutput.GLOBAL_CLUSTER_ID || output == FailoverOutput.STATE_TABLE;
            put(settings, shared ? output.resourceKey() : FailoverKeys.regional(region.name(), output.resourceKey()),
                    outputs.get(output.key()));
        }
        String dns = outputs.get(FailoverOutput.LOAD_BALANCER_DNS.key());
        if (dns != null) {
            put(settings, FailoverKeys.regional(region.name(), FailoverKeys.HEALTH_URL), "https://" + dns + "/health/ready");
        }
    }

    private static void put(Map<String, String> settings, String key, String value) {
        if (value != null && !value.isBlank()) {
            settings.putIfAbsent(key, value);
        }
    }

    private static Map<String, String> outputs(Function<RegionId, CloudFormationClient> clients, RegionId region,
                                               String stackName, List<String> notes) {
        Map<String, String> outputs = new LinkedHashMap<>();
        try {
            List<Stack> stacks = clients.apply(region).describeStacks(b -> b.stackName(stackName)).stacks();
            for (Stack stack : stacks) {
                for (Output output : stack.outputs()) {
                    outputs.put(output.outputKey(), output.outputValue());
                }
            }
        } catch (SdkException e) {
            notes.add("stack " + stackName + " in " + region + " could not be read (" + firstLine(e.getMessage()) + ")");
        }
        return outputs;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no message";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** Stack outputs first, then the file's values over them. */
    public static Map<String, String> merge(Map<String, String> outputs, Map<String, String> file) {
        Map<String, String> merged = new LinkedHashMap<>(outputs);
        merged.putAll(file);
        return merged;
    }
}
