package dev.paymentsdr.aws.lambda;

import dev.paymentsdr.aws.adapter.secrets.DatabaseSecret;
import dev.paymentsdr.aws.lambda.failover.monitor.MonitorSettings;
import dev.paymentsdr.aws.lambda.failover.readiness.ReadinessSettings;
import dev.paymentsdr.aws.lambda.failover.trigger.FailoverTriggerHandler;
import dev.paymentsdr.contract.Component;
import dev.paymentsdr.service.RequestLimits;
import dev.paymentsdr.service.ServiceConfig;
import dev.paymentsdr.aws.failover.config.FailoverResources;
import dev.paymentsdr.aws.failover.config.ResourceSources;
import dev.paymentsdr.contract.KeyValues;
import dev.paymentsdr.contract.RuntimeVariable;
import dev.paymentsdr.failover.domain.model.RegionId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.BiFunction;
import java.util.Map;

/**
 * Each component's environment parsed exactly as the runtime parses it when it starts, without starting anything:
 * what the infrastructure's contract test feeds every synthesized container and function environment through, so a
 * stack whose runtime could not start fails the build.
 */
public final class RuntimeSettings {
    /** Stands in for the database secret a function reads at its first invocation (its values are the secret's). */
    static final DatabaseSecret SECRET_AT_RUNTIME = new DatabaseSecret("from-the-secret", "from-the-secret", null, null, null, null);

    private RuntimeSettings() {
    }

    /**
     * The failover resources a failover function would find at its first invocation: its environment's, over what
     * the stacks' outputs name ({@code outputsOf} gives a stack's outputs by region and name); the runtime's error when
     * something is missing or malformed.
     */
    public static FailoverResources failoverResources(Map<String, String> environment,
                                                      BiFunction<RegionId, String, Map<String, String>> outputsOf) {
        Map<String, String> merged = new LinkedHashMap<>();
        String stacks = environment.get(RuntimeVariable.PAYMENTS_FAILOVER_STACKS.name());
        if (stacks != null && !stacks.isBlank()) {
            merged.putAll(ResourceSources.fromOutputs(ResourceSources.Stacks.parse(RuntimeVariable.PAYMENTS_FAILOVER_STACKS.name(),
                    stacks), outputsOf));
        }
        merged.putAll(KeyValues.decode(RuntimeVariable.PAYMENTS_FAILOVER_RESOURCES.name(),
                environment.get(RuntimeVariable.PAYMENTS_FAILOVER_RESOURCES.name())));
        return FailoverResources.parse(merged, "the environment and the stacks' outputs");
    }

    /**
     * Parses {@code environment} as {@code component} does at start; throws the runtime's own error when it would not
     * start, or when the environment sets a variable the component does not read.
     */
    public static void parse(Component component, Map<String, String> environment) {
        List<String> unread = component.unread(environment.keySet());
        if (!unread.isEmpty()) {
            throw new IllegalArgumentException("the " + component.label() + "'s environment sets what it does not read: "
                    + String.join("; ", unread));
        }
        switch (component) {
            case PAYMENT_SERVICE -> {
                ServiceConfig.fromEnvironment(environment);
                RequestLimits.fromEnvironment(environment);
            }
            case PAYMENT_FUNCTION -> {
                LambdaEnvironment.serviceConfig(environment, arn -> SECRET_AT_RUNTIME);
                ApiKeyAuthenticator.secretId(environment);
            }
            case FAILOVER_TRIGGER -> FailoverTriggerHandler.settings(environment);
            case HEALTH_MONITOR -> MonitorSettings.parse(environment);
            case READINESS_TESTER -> ReadinessSettings.parse(environment);
        }
    }
}
