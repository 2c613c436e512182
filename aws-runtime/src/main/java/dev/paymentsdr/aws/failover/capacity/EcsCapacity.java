package dev.paymentsdr.aws.failover.capacity;

import dev.paymentsdr.aws.failover.AwsFailoverException;
import dev.paymentsdr.aws.failover.Waiter;
import dev.paymentsdr.aws.failover.Waiter.Check;
import dev.paymentsdr.aws.failover.config.FailoverResources.RegionResources;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.port.out.Capacity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * The capacity port on ECS: readiness from the region's readiness URL; the region that takes over is scaled
 * from its minimum to the size the other region runs (UpdateService desired count), then awaited until
 * that many tasks run and the region answers ready, each wait with its deadline.
 */
public final class EcsCapacity implements Capacity {
    private final Function<RegionId, EcsClient> ecs;
    private final Map<RegionId, RegionResources> regions;
    private final HttpReadiness readiness;
    private final Waiter waiter;

    public EcsCapacity(Function<RegionId, EcsClient> ecs, Map<RegionId, RegionResources> regions, HttpReadiness readiness,
                       Waiter waiter) {
        this.ecs = ecs;
        this.regions = Map.copyOf(regions);
        this.readiness = readiness;
        this.waiter = waiter;
    }

    @Override
    public boolean isReady(RegionId region) {
        return readiness.isReady(resources(region).healthUrl());
    }

    @Override
    public String ensureRunning(RegionId region, Duration timeout) {
        Instant deadline = waiter.clock().instant().plus(timeout);
        Service service = service(region).orElseThrow(() -> unreachable(region));
        int wanted = Math.max(service.desiredCount(), resources(region).minTasks());
        String scaled = scale(region, service, wanted);
        awaitRunning(region, wanted, remaining(deadline));
        return scaled;
    }

    @Override
    public String ensureReady(RegionId region, Duration timeout) {
        Instant deadline = waiter.clock().instant().plus(timeout);
        Service service = service(region).orElseThrow(() -> unreachable(region));
        int otherSize = regions.keySet().stream().filter(r -> !r.equals(region)).map(this::service)
                .flatMap(Optional::stream).mapToInt(Service::desiredCount).max().orElse(0);
        int wanted = Math.max(Math.max(service.desiredCount(), otherSize), resources(region).minTasks());
        String scaled = scale(region, service, wanted);
        awaitRunning(region, wanted, remaining(deadline));
        waiter.until(region + " answering ready at " + resources(region).healthUrl(), remaining(deadline), () -> {
            int status = readiness.status(resources(region).healthUrl());
            return status == 200 ? Check.done(true) : Check.notYet(status < 0 ? "no answer" : "HTTP " + status);
        });
        return scaled + "; " + region + " answers ready";
    }

    private String scale(RegionId region, Service service, int wanted) {
        if (service.desiredCount() >= wanted) {
            return region + " ECS service " + service.serviceName() + " already wants " + service.desiredCount() + " tasks";
        }
        RegionResources r = resources(region);
        try {
            ecs.apply(region).updateService(b -> b.cluster(r.ecsCluster()).service(r.ecsService()).desiredCount(wanted));
        } catch (SdkException e) {
            throw new AwsFailoverException("UpdateService of " + r.ecsService() + " in " + region + " to " + wanted
                    + " tasks failed: " + e.getMessage(), e);
        }
        return region + " ECS service " + service.serviceName() + " scaled from " + service.desiredCount() + " to "
                + wanted + " tasks";
    }

    private void awaitRunning(RegionId region, int wanted, Duration timeout) {
        waiter.until(wanted + " running tasks of " + resources(region).ecsService() + " in " + region, timeout, () -> {
            Optional<Service> now = service(region);
            if (now.isEmpty()) {
                return Check.notYet("DescribeServices did not answer");
            }
            return now.get().runningCount() >= wanted ? Check.done(true)
                    : Check.notYet(now.get().runningCount() + " running, " + now.get().pendingCount() + " pending");
        });
    }

    private Optional<Service> service(RegionId region) {
        RegionResources r = resources(region);
        try {
            List<Service> services = ecs.apply(region).describeServices(b -> b.cluster(r.ecsCluster()).services(r.ecsService()))
                    .services();
            return services.stream().filter(s -> !"INACTIVE".equals(s.status())).findFirst();
        } catch (SdkException e) {
            return Optional.empty();
        }
    }

    private AwsFailoverException unreachable(RegionId region) {
        RegionResources r = resources(region);
        return new AwsFailoverException("ECS service " + r.ecsService() + " in cluster " + r.ecsCluster() + " of " + region
                + " could not be described (missing, inactive, or the region's ECS API does not answer)");
    }

    private Duration remaining(Instant deadline) {
        Duration left = Duration.between(waiter.clock().instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private RegionResources resources(RegionId region) {
        RegionResources r = regions.get(region);
        if (r == null) {
            throw new IllegalArgumentException("no ECS service is configured for " + region + "; regions are " + regions.keySet());
        }
        return r;
    }
}
