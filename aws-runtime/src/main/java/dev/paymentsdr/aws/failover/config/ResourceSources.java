package dev.paymentsdr.aws.failover.config;

import dev.paymentsdr.failover.domain.model.RegionId;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        if (!suffix.matches("[a-z0-9-]{1,20}")) {
            throw new IllegalArgumentException("environment suffix must be 1-20 lowercase letters, digits and dashes, was '"
                    + suffix + "'");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(FailoverResources.REGIONS, primary + "," + secondary);
        regional(outputs(clients, primary, "PaymentsDr-Primary-" + suffix, notes), primary, settings);
        regional(outputs(clients, secondary, "PaymentsDr-Secondary-" + suffix, notes), secondary, settings);
        Map<String, String> global = outputs(clients, GLOBAL_STACK_REGION, "PaymentsDr-Global-" + suffix, notes);
        put(settings, "region." + primary + "." + FailoverResources.HEALTH_CHECK_ID, global.get("PrimaryHealthCheckId"));
        put(settings, "region." + secondary + "." + FailoverResources.HEALTH_CHECK_ID, global.get("SecondaryHealthCheckId"));
        if (global.containsKey("PaymentApiName")) {
            put(settings, FailoverResources.RECORD_NAME, global.get("PaymentApiName"));
            put(settings, FailoverResources.PROBE_URL, "https://" + global.get("PaymentApiName"));
        }
        return settings;
    }

    private static void regional(Map<String, String> outputs, RegionId region, Map<String, String> settings) {
        String p = "region." + region + ".";
        put(settings, FailoverResources.GLOBAL_CLUSTER, outputs.get("GlobalClusterId"));
        put(settings, p + FailoverResources.DB_CLUSTER, outputs.get("DatabaseClusterId"));
        put(settings, p + FailoverResources.ECS_CLUSTER, outputs.get("ClusterName"));
        put(settings, p + FailoverResources.ECS_SERVICE, outputs.get("ServiceName"));
        put(settings, p + FailoverResources.HEALTH_URL, Optional.ofNullable(outputs.get("HealthUrl"))
                .orElse(outputs.containsKey("LoadBalancerDns") ? "https://" + outputs.get("LoadBalancerDns") + "/health/ready" : null));
        put(settings, p + FailoverResources.ALERT_TOPIC_ARN, outputs.get("AlertTopicArn"));
        put(settings, p + FailoverResources.ALIAS_DNS_NAME, outputs.get("LoadBalancerDns"));
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
