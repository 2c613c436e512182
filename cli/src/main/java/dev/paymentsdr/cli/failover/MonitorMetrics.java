package dev.paymentsdr.cli.failover;

import dev.paymentsdr.failover.application.ExecutionSummaries;
import dev.paymentsdr.failover.application.ExecutionSummary;
import dev.paymentsdr.failover.application.ProbeObserver;
import dev.paymentsdr.failover.domain.model.RegionId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The monitor's metrics for Prometheus: each region's probe results (up, failures in a row, last latency, probes by
 * result) and the last failover execution (its state, duration and start), read from the execution log at each
 * scrape so a failover started by another process (an operator's {@code drctl failover}) shows as well.
 */
final class MonitorMetrics implements ProbeObserver {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ExecutionSummaries executions;
    private final Clock clock;
    private final Map<RegionId, RegionProbes> regions = new ConcurrentHashMap<>();
    private final MultiGauge lastState;
    private final MultiGauge lastDuration;
    private final MultiGauge lastStarted;
    private final Counter logReadFailures;

    MonitorMetrics(String target, ExecutionSummaries executions, Clock clock) {
        this.executions = executions;
        this.clock = clock;
        registry.config().commonTags("target", target);
        lastState = MultiGauge.builder("payments.failover.last.state")
                .description("The last failover execution's state: 1 for its current one (succeeded, failed, refused,"
                        + " running, unfinished), 0 for the others").register(registry);
        lastDuration = MultiGauge.builder("payments.failover.last.duration").baseUnit("seconds")
                .description("How long the last failover execution took, or has run so far").register(registry);
        lastStarted = MultiGauge.builder("payments.failover.last.started.timestamp").baseUnit("seconds")
                .description("When the last failover execution started, in seconds since the epoch").register(registry);
        logReadFailures = Counter.builder("payments.monitor.execution.log.read.failures")
                .description("Scrapes that could not read the execution log (the last failover's series keep their values)")
                .register(registry);
    }

    @Override
    public void probed(RegionId region, boolean ready, Duration latency, int consecutiveFailures) {
        RegionProbes probes = regions.computeIfAbsent(region, this::register);
        probes.up.set(ready ? 1 : 0);
        probes.failures.set(consecutiveFailures);
        probes.latencyNanos.set(latency.toNanos());
        (ready ? probes.ready : probes.notReady).increment();
    }

    /** Every metric in the Prometheus text format, with the last failover as the execution log tells it now. */
    String scrape() {
        refreshLastFailover();
        return registry.scrape();
    }

    private void refreshLastFailover() {
        Optional<ExecutionSummary> last;
        try {
            last = executions.latest();
        } catch (RuntimeException e) {
            // a log that cannot be read now (DynamoDB throttling, a file being rotated) must not fail the scrape
            logReadFailures.increment();
            return;
        }
        if (last.isEmpty()) {
            return;
        }
        ExecutionSummary s = last.get();
        Tags tags = Tags.of("execution_id", s.id().value(), "kind", s.mode().map(m -> m.label()).orElse("unknown"));
        lastState.register(Arrays.stream(ExecutionSummary.Outcome.values())
                .map(o -> MultiGauge.Row.of(tags.and("state", o.label()), o == s.outcome() ? 1 : 0)).toList(), true);
        double seconds = s.duration().orElseGet(() -> Duration.between(s.started(), clock.instant())).toMillis() / 1000.0;
        lastDuration.register(List.of(MultiGauge.Row.of(tags, seconds)), true);
        lastStarted.register(List.of(MultiGauge.Row.of(tags, s.started().toEpochMilli() / 1000.0)), true);
    }

    private RegionProbes register(RegionId region) {
        RegionProbes probes = new RegionProbes();
        Tags tags = Tags.of("region", region.name());
        Gauge.builder("payments.monitor.probe.up", probes.up, AtomicLong::get).tags(tags)
                .description("1 when the region's last readiness probe passed, 0 when it failed").register(registry);
        Gauge.builder("payments.monitor.probe.consecutive.failures", probes.failures, AtomicLong::get).tags(tags)
                .description("Failed readiness probes in a row; the monitor fails over at its --failures threshold")
                .register(registry);
        Gauge.builder("payments.monitor.probe.latency", probes.latencyNanos, n -> n.get() / 1e9).tags(tags).baseUnit("seconds")
                .description("How long the region's last readiness probe took").register(registry);
        probes.ready = Counter.builder("payments.monitor.probes").tags(tags.and("result", "ready"))
                .description("Readiness probes of the active region by result").register(registry);
        probes.notReady = Counter.builder("payments.monitor.probes").tags(tags.and("result", "not_ready"))
                .description("Readiness probes of the active region by result").register(registry);
        return probes;
    }

    /** The probe series of one region. */
    private static final class RegionProbes {
        final AtomicLong up = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        final AtomicLong latencyNanos = new AtomicLong();
        Counter ready;
        Counter notReady;
    }
}
