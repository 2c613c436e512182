package dev.paymentsdr.aws.lambda.failover.monitor;

import dev.paymentsdr.aws.failover.database.AuroraGlobalDatabase.GlobalClusterState;
import dev.paymentsdr.failover.domain.model.DatabaseRole;
import dev.paymentsdr.failover.domain.model.RegionId;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The thresholds of the monitor: each condition that holds now, by name, with what was seen. An alert goes out
 * when a condition starts or stops holding, not every minute while it holds.
 */
final class Conditions {
    static final String NO_ACTIVE_REGION = "no-active-region";
    static final String ACTIVE_REGION_FAILING = "active-region-failing";
    static final String STANDBY_UNHEALTHY = "standby-unhealthy";
    static final String REPLICATION_LAG = "replication-lag";
    static final String LAG_NOT_MEASURED = "lag-not-measured";
    static final String GLOBAL_CLUSTER = "global-cluster";
    static final String SPLIT = "writer-not-active";

    private Conditions() {
    }

    static Map<String, String> evaluate(Observation seen, int failures, MonitorSettings settings) {
        Map<String, String> holding = new TreeMap<>();
        if (seen.active().isEmpty()) {
            holding.put(NO_ACTIVE_REGION, "Route 53 names no active region, or does not answer");
        }
        seen.active().filter(a -> !seen.ready(a)).ifPresent(a -> holding.put(ACTIVE_REGION_FAILING, a + " (active) failed its"
                + " readiness check " + failures + " time(s) in a row" + (settings.automatic()
                ? "; the automatic failover starts after " + settings.failures() : "; the automatic mode is off")));
        seen.regions().forEach((region, view) -> {
            boolean passive = seen.active().map(a -> !a.equals(region)).orElse(false);
            if (passive && view.role() != DatabaseRole.STANDBY) {
                holding.put(STANDBY_UNHEALTHY + "-" + region, region + " (passive) database is "
                        + view.role().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", not a secondary ready to take over");
            }
        });
        seen.secondary().ifPresent(secondary -> {
            Optional<Duration> replication = seen.lags().replication();
            Optional<Duration> rpo = seen.lags().rpo();
            if (replication.isEmpty() && rpo.isEmpty()) {
                holding.put(LAG_NOT_MEASURED, "no AuroraGlobalDBReplicationLag or AuroraGlobalDBRPOLag datapoint of "
                        + secondary + " in the last 5 minutes: its lag is unknown, an unplanned failover would be refused");
            } else if (replication.orElse(Duration.ZERO).compareTo(settings.lagAlert()) > 0
                    || rpo.orElse(Duration.ZERO).compareTo(settings.lagAlert()) > 0) {
                holding.put(REPLICATION_LAG, secondary + " replication lag " + replication.map(d -> d.toMillis() + " ms")
                        .orElse("unknown") + ", RPO lag " + rpo.map(d -> d.toMillis() + " ms").orElse("unknown")
                        + ", above " + settings.lagAlert().toMillis() + " ms");
            }
        });
        Optional<GlobalClusterState> global = seen.global();
        if (global.isEmpty()) {
            holding.put(GLOBAL_CLUSTER, "the global cluster could not be described from any region");
        } else if (!global.get().healthy()) {
            holding.put(GLOBAL_CLUSTER, "global cluster " + global.get().status() + ", writer "
                    + global.get().writer().map(RegionId::name).orElse("none") + global.get().operation().map(o -> ", " + o)
                    .orElse("") + ", members " + global.get().synchronization());
        }
        Optional<RegionId> writer = global.flatMap(GlobalClusterState::writer);
        if (writer.isPresent() && seen.active().isPresent() && !writer.equals(seen.active())) {
            holding.put(SPLIT, "Aurora's writer is in " + writer.get() + " but Route 53 sends traffic to " + seen.active().get());
        }
        return holding;
    }
}
