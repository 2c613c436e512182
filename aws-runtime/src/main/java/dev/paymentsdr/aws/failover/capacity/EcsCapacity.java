package dev.paymentsdr.aws.failover.capacity;

import dev.paymentsdr.aws.failover.AwsFailoverException;
import dev.paymentsdr.aws.failover.Waiter;
import dev.paymentsdr.aws.failover.Waiter.Check;
import dev.paymentsdr.aws.failover.config.FailoverResources.EcsService;
import dev.paymentsdr.aws.failover.config.FailoverResources.RegionResources;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.port.out.Capacity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * The capacity port on ECS: readiness from the region's readiness URL; the region that takes over is scaled
 * from its minimum to the size the other region runs (UpdateService desired count), then awaited until
 * that many tasks run and the region answers ready, each wait with its deadline. A serverless region (no ECS
 * service: the payment API runs on Lambda, which scales by itself) is only awaited until it answers ready; a region
 * without a payment endpoint (a database-only design) is ready when its database is the writer.
 */
public final class EcsCapacity implements Capacity {
    private final Function<RegionId, EcsClient> ecs;
    private final Map<RegionId, RegionResources> regions;
    private final HttpReadiness readiness;
    private final Predicate<RegionId> writer;
    private final Waiter waiter;

    /** @param writer whether a region's database is the writer: the readiness of a region without a payment endpoint */
    public EcsCapacity(Function<RegionId, EcsClient> ecs, Map<RegionId, RegionResources> regions, HttpReadiness readiness,
                       Predicate<RegionId> writer, Waiter waiter) {
        this.ecs = ecs;
        this.regions = Map.copyOf(regions);
        this.readiness = readiness;
        this.writer = writer;
        this.waiter = waiter;
    }

    @Override
    public boolean isReady(RegionId region) {
        return resources(region).healthUrl().map(readiness::isReady).orElseGet(() -> writer.test(region));
    }

    @Override
    public String ensureRunning(RegionId region, Duration timeout) {
        Optional<EcsService> onEcs = resources(region).ecs();
        if (onEcs.isEmpty()) {
            return serverless(region);
        }
        Instant deadline = waiter.clock().instant().plus(timeout);
        Service service = service(region, onEcs.get()).orElseThrow(() -> unreachable(region, onEcs.get()));
        int wanted = Math.max(service.desiredCount(), resources(region).minTasks());
        String scaled = scale(region, onEcs.get(), service, wanted);
        awaitRunning(region, onEcs.get(), wanted, remaining(deadline));
        return scaled;
    }

    @Override
    public String ensureReady(RegionId region, Duration timeout) {
        Instant deadline = waiter.clock().instant().plus(timeout);
        String scaled = resources(region).ecs().map(onEcs -> {
            Service service = service(region, onEcs).orElseThrow(() -> unreachable(region, onEcs));
            int otherSize = regions.entrySet().stream().filter(e -> !e.getKey().equals(region))
                    .flatMap(e -> e.getValue().ecs().flatMap(other -> service(e.getKey(), other)).stream())
                    .mapToInt(Service::desiredCount).max().orElse(0);
            int wanted = Math.max(Math.max(service.desiredCount(), otherSize), resources(region).minTasks());
            String done = scale(region, onEcs, service, wanted);
            awaitRunning(region, onEcs, wanted, remaining(deadline));
            return done;
        }).orElseGet(() -> serverless(region));
        Optional<java.net.URI> url = resources(region).healthUrl();
        if (url.isEmpty()) {
            waiter.until(region + "'s database being the writer (no payment endpoint)", remaining(deadline),
                    () -> writer.test(region) ? Check.done(true) : Check.notYet("not the writer yet"));
            return scaled + "; " + region + "'s database is the writer (the deployment has no payment endpoint)";
        }
        waiter.until(region + " answering ready at " + url.get(), remaining(deadline), () -> {
            int status = readiness.status(url.get());
            return status == 200 ? Check.done(true) : Check.notYet(status < 0 ? "no answer" : "HTTP " + status);
        });
        return scaled + "; " + region + " answers ready";
    }

    private static String serverless(RegionId region) {
        return region + " has no ECS service (serverless): nothing to scale";
    }

    private String scale(RegionId region, EcsService onEcs, Service service, int wanted) {
        if (service.desiredCount() >= wanted) {
            return region + " ECS service " + service.serviceName() + " already wants " + service.desiredCount() + " tasks";
        }
        try {
            ecs.apply(region).updateService(b -> b.cluster(onEcs.cluster()).service(onEcs.service()).desiredCount(wanted));
        } catch (SdkException e) {
            throw new AwsFailoverException("UpdateService of " + onEcs.service() + " in " + region + " to " + wanted
                    + " tasks failed: " + e.getMessage(), e);
        }
        return region + " ECS service " + service.serviceName() + " scaled from " + service.desiredCount() + " to "
                + wanted + " tasks";
    }

    private void awaitRunning(RegionId region, EcsService onEcs, int wanted, Duration timeout) {
        waiter.until(wanted + " running tasks of " + onEcs.service() + " in " + region, timeout, () -> {
            Optional<Service> now = service(region, onEcs);
            if (now.isEmpty()) {
                return Check.notYet("DescribeServices did not answer");
            }
            return now.get().runningCount() >= wanted ? Check.done(true)
                    : Check.notYet(now.get().runningCount() + " running, " + now.get().pendingCount() + " pending");
        });
    }

    private Optional<Service> service(RegionId region, EcsService onEcs) {
        try {
            List<Service> services = ecs.apply(region).describeServices(b -> b.cluster(onEcs.cluster())
                    .services(onEcs.service())).services();
            return services.stream().filter(s -> !"INACTIVE".equals(s.status())).findFirst();
        } catch (SdkException e) {
            return Optional.empty();
        }
    }

    private static AwsFailoverException unreachable(RegionId region, EcsService onEcs) {
        return new AwsFailoverException("ECS service " + onEcs.service() + " in cluster " + onEcs.cluster() + " of " + region
                + " could not be described (missing, inactive, or the region's ECS API does not answer)");
    }

    private Duration remaining(Instant deadline) {
        Duration left = Duration.between(waiter.clock().instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private RegionResources resources(RegionId region) {
        RegionResources r = regions.get(region);
        if (r == null) {
            throw new IllegalArgumentException("no resources are configured for " + region + "; regions are " + regions.keySet());
        }
        return r;
    }
}
