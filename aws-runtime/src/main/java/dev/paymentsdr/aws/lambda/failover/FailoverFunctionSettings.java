package dev.paymentsdr.aws.lambda.failover;

import dev.paymentsdr.aws.failover.config.FailoverResources;
import dev.paymentsdr.aws.failover.config.ResourceSources.Stacks;
import dev.paymentsdr.contract.RuntimeVariable;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.RegionId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What every failover function reads: the region it runs in, the resources named in its environment, the stacks
 * whose outputs name the rest, and the lag gate's bound.
 *
 * @param resources resources named at synthesis ({@code PAYMENTS_FAILOVER_RESOURCES}); they win over stack outputs
 * @param stacks    the stacks whose outputs fill in what the environment cannot name (another region's load balancer)
 */
public record FailoverFunctionSettings(RegionId region, Map<String, String> resources, Optional<Stacks> stacks,
                                       Duration maxLag) {
    public FailoverFunctionSettings {
        resources = Map.copyOf(resources);
    }

    /** Reads the common part; problems go to {@code in}. */
    public static FailoverFunctionSettings read(SettingsReader in) {
        RegionId region = in.platform(SettingsReader.AWS_REGION).flatMap(name -> {
            try {
                return Optional.of(RegionId.of(name));
            } catch (IllegalArgumentException e) {
                in.problem(SettingsReader.AWS_REGION + ": '" + name + "' is not a region name such as us-east-1");
                return Optional.empty();
            }
        }).orElse(null);
        if (region == null && in.platform(SettingsReader.AWS_REGION).isEmpty()) {
            in.problem(SettingsReader.AWS_REGION + " is not set (Lambda sets it to the function's region)");
        }
        Map<String, String> resources = in.keyValues(RuntimeVariable.PAYMENTS_FAILOVER_RESOURCES);
        Optional<Stacks> stacks = in.parsed(RuntimeVariable.PAYMENTS_FAILOVER_STACKS,
                v -> Stacks.parse(RuntimeVariable.PAYMENTS_FAILOVER_STACKS.name(), v));
        if (resources.isEmpty() && stacks.isEmpty() && in.text(RuntimeVariable.PAYMENTS_FAILOVER_STACKS).isEmpty()) {
            in.problem(RuntimeVariable.PAYMENTS_FAILOVER_RESOURCES + " or " + RuntimeVariable.PAYMENTS_FAILOVER_STACKS
                    + " must name the failover's resources");
        }
        if (stacks.isEmpty() && !resources.isEmpty()) {
            // without stacks to fill in, the environment alone must name everything: check it now, not at the first event
            try {
                FailoverResources.parse(resources, RuntimeVariable.PAYMENTS_FAILOVER_RESOURCES.name());
            } catch (FailoverResources.InvalidResourcesException e) {
                in.problem(e.getMessage().replace("\n  ", "\n    "));
            }
        }
        Duration maxLag = in.duration(RuntimeVariable.PAYMENTS_FAILOVER_MAX_LAG, FailoverRequest.DEFAULT_MAX_LAG);
        return new FailoverFunctionSettings(region, resources, stacks, maxLag);
    }
}
