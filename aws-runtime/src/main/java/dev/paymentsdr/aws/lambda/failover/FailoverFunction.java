package dev.paymentsdr.aws.lambda.failover;

import dev.paymentsdr.aws.failover.AwsClients;
import dev.paymentsdr.aws.failover.AwsFailover;
import dev.paymentsdr.aws.failover.config.FailoverResources;
import dev.paymentsdr.aws.failover.config.ResourceSources;
import dev.paymentsdr.contract.RuntimeVariable;
import dev.paymentsdr.failover.application.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.lambda.powertools.metrics.Metrics;

/**
 * What the three failover functions share in one execution environment: their settings, the SDK clients, the
 * clock, the metrics, and the AWS failover wiring, made at the first invocation (not at init, where SnapStart would
 * freeze it) and made again after {@link #REFRESH}, so a redeployed stack's outputs are seen.
 */
public final class FailoverFunction {
    /** How long the resources read from the stacks are trusted. */
    public static final Duration REFRESH = Duration.ofMinutes(15);

    private final FailoverFunctionSettings settings;
    private final AwsClients clients;
    private final AwsFailover.Timeouts timeouts;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Metrics metrics;
    private AwsFailover failover;
    private Instant madeAt;

    public FailoverFunction(FailoverFunctionSettings settings, AwsClients clients, AwsFailover.Timeouts timeouts, Clock clock,
                            Sleeper sleeper, Metrics metrics) {
        this.settings = settings;
        this.clients = clients;
        this.timeouts = timeouts;
        this.clock = clock;
        this.sleeper = sleeper;
        this.metrics = metrics;
    }

    public FailoverFunctionSettings settings() {
        return settings;
    }

    public AwsClients clients() {
        return clients;
    }

    public Clock clock() {
        return clock;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    public Metrics metrics() {
        return metrics;
    }

    /** The wiring over the resources: the environment's, with the stacks' outputs for what it does not name. */
    public synchronized AwsFailover failover() {
        Instant now = clock.instant();
        if (failover == null || now.isAfter(madeAt.plus(REFRESH))) {
            failover = AwsFailover.create(resources(), clients, timeouts, clock, sleeper);
            madeAt = now;
        }
        return failover;
    }

    private FailoverResources resources() {
        Map<String, String> merged = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        String source = RuntimeVariable.PAYMENTS_FAILOVER_RESOURCES.name();
        if (settings.stacks().isPresent()) {
            ResourceSources.Stacks stacks = settings.stacks().get();
            merged.putAll(ResourceSources.stackOutputs(stacks, clients::cloudFormation, notes));
            source = source + " and the outputs of " + stacks.primary() + ", " + stacks.secondary() + ", " + stacks.global();
        }
        merged.putAll(settings.resources());
        try {
            return FailoverResources.parse(merged, source);
        } catch (FailoverResources.InvalidResourcesException e) {
            throw new FailoverResources.InvalidResourcesException(e.getMessage()
                    + (notes.isEmpty() ? "" : "\n  (" + String.join("; ", notes) + ")"));
        }
    }
}
