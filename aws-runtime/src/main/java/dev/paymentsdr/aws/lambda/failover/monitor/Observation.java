package dev.paymentsdr.aws.lambda.failover.monitor;

import dev.paymentsdr.aws.failover.AwsFailover;
import dev.paymentsdr.aws.failover.database.AuroraGlobalDatabase.GlobalClusterState;
import dev.paymentsdr.aws.failover.database.CloudWatchReplicationLag.Lags;
import dev.paymentsdr.failover.domain.model.DatabaseRole;
import dev.paymentsdr.failover.domain.model.RegionId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * What one check of the monitor saw: Route 53's active region, each region's readiness and database role, the
 * global cluster, and the secondary's replication and RPO lag. The questions are asked side by side, so a region
 * whose APIs do not answer costs one call's time limit, not the sum of them.
 *
 * @param secondary the region that is not Aurora's writer (else not the active one): whose lag is measured
 */
public record Observation(Optional<RegionId> active, Map<RegionId, Region> regions, Optional<GlobalClusterState> global,
                          Optional<RegionId> secondary, Lags lags) {
    /** One region as seen. */
    public record Region(boolean ready, DatabaseRole role) {
    }

    public Observation {
        regions = Map.copyOf(regions);
    }

    /** Asks everything of {@code failover}'s ports now. */
    public static Observation of(AwsFailover failover) {
        List<RegionId> names = failover.resources().regions();
        ExecutorService pool = Executors.newFixedThreadPool(2 * names.size() + 2, r -> {
            Thread t = new Thread(r, "monitor-check");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletableFuture<Optional<RegionId>> active = ask(pool, () -> {
                try {
                    return failover.ports().traffic().activeRegion();
                } catch (RuntimeException e) {
                    return Optional.empty();
                }
            });
            CompletableFuture<Optional<GlobalClusterState>> global = ask(pool, () -> failover.database().state());
            Map<RegionId, CompletableFuture<Boolean>> ready = new LinkedHashMap<>();
            Map<RegionId, CompletableFuture<DatabaseRole>> roles = new LinkedHashMap<>();
            for (RegionId region : names) {
                ready.put(region, ask(pool, () -> failover.ports().capacity().isReady(region)));
                roles.put(region, ask(pool, () -> failover.ports().database().role(region)));
            }
            Map<RegionId, Region> regions = new LinkedHashMap<>();
            names.forEach(r -> regions.put(r, new Region(ready.get(r).join(), roles.get(r).join())));
            Optional<RegionId> writer = global.join().flatMap(GlobalClusterState::writer);
            Optional<RegionId> reference = writer.isPresent() ? writer : active.join();
            Optional<RegionId> secondary = reference.flatMap(w -> names.stream().filter(r -> !r.equals(w)).findFirst());
            Lags lags = secondary.map(s -> failover.database().lags(s)).orElse(new Lags(Optional.empty(), Optional.empty()));
            return new Observation(active.join(), regions, global.join(), secondary, lags);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> CompletableFuture<T> ask(ExecutorService pool, Supplier<T> question) {
        return CompletableFuture.supplyAsync(question, pool);
    }

    public boolean ready(RegionId region) {
        Region seen = regions.get(region);
        return seen != null && seen.ready();
    }
}
