package dev.paymentsdr.service.metrics;

import dev.paymentsdr.service.health.DatabaseRole;
import dev.paymentsdr.service.health.ReadinessProbe;
import dev.paymentsdr.service.health.ReadinessReport;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A readiness probe whose every result lands in gauges: ready or not, the database's role, and replication lag where
 * the database reports it (per standby on a primary, its own on a standby). The gauges show the last check: the
 * global entry checks every second, so they are as fresh as the routing decision.
 */
final class ObservedReadinessProbe implements ReadinessProbe {
    private final ReadinessProbe probe;
    private final AtomicReference<ReadinessReport> last = new AtomicReference<>();
    private final Timer duration;
    private final MultiGauge standbyLagBytes;
    private final MultiGauge standbyReplayLagSeconds;

    ObservedReadinessProbe(ReadinessProbe probe, MeterRegistry registry) {
        this.probe = probe;
        duration = Timer.builder("payments.readiness.check").description("time of one readiness check (one query)")
                .serviceLevelObjectives(ServiceMetrics.LATENCY_BUCKETS).register(registry);
        Gauge.builder("payments.readiness.ready", last, r -> r.get() != null && r.get().isReady() ? 1 : 0)
                .description("1 when the last readiness check found a reachable, writable primary").register(registry);
        for (DatabaseRole role : DatabaseRole.values()) {
            Gauge.builder("payments.database.role", last, r -> r.get() != null && r.get().role() == role ? 1 : 0)
                    .description("1 for the database role the last readiness check saw").tag("role", role.wireName())
                    .register(registry);
        }
        Gauge.builder("payments.standby.received.not.replayed", last, r -> standbyFigure(r.get(), "receivedNotReplayedBytes"))
                .baseUnit("bytes").description("on a standby: WAL received but not replayed yet").register(registry);
        Gauge.builder("payments.standby.since.last.replayed.commit", last,
                        r -> standbyFigure(r.get(), "secondsSinceLastReplayedCommit"))
                .baseUnit("seconds").description("on a standby: time since the last replayed commit").register(registry);
        standbyLagBytes = MultiGauge.builder("payments.replication.lag").baseUnit("bytes")
                .description("on a primary: WAL each standby has not replayed yet").register(registry);
        standbyReplayLagSeconds = MultiGauge.builder("payments.replication.replay.lag").baseUnit("seconds")
                .description("on a primary: each standby's replay lag as PostgreSQL measures it").register(registry);
    }

    @Override
    public ReadinessReport check() {
        ReadinessReport report = duration.record(probe::check);
        last.set(report);
        standbyLagBytes.register(rows(report, "lagBytes"), true);
        standbyReplayLagSeconds.register(rows(report, "replayLagSeconds"), true);
        return report;
    }

    private static double standbyFigure(ReadinessReport report, String key) {
        return report != null && report.replication().get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static List<MultiGauge.Row<?>> rows(ReadinessReport report, String figure) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        if (report.replication().get("standbys") instanceof List<?> standbys) {
            for (Object standby : standbys) {
                if (standby instanceof Map<?, ?> row && row.get(figure) instanceof Number value) {
                    String name = Optional.ofNullable(row.get("applicationName")).map(Object::toString).orElse("unknown");
                    rows.add(MultiGauge.Row.of(Tags.of("standby", name), value.doubleValue()));
                }
            }
        }
        return rows;
    }
}
