package dev.paymentsdr.aws.lambda.failover.monitor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.paymentsdr.aws.failover.AwsClients;
import dev.paymentsdr.aws.failover.AwsFailover;
import dev.paymentsdr.aws.lambda.failover.FailoverFunction;
import dev.paymentsdr.aws.lambda.failover.FunctionMetrics;
import dev.paymentsdr.aws.lambda.failover.trigger.TriggerInput;
import dev.paymentsdr.failover.application.Sleeper;
import dev.paymentsdr.failover.domain.model.DatabaseRole;
import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.RegionId;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The health monitor, run by an EventBridge schedule every minute in both regions: Route 53's active region, each
 * region's readiness and database role, the global cluster's status and writer, the secondary's replication and RPO
 * lag, as embedded-format metrics; an SNS alert when a threshold is crossed (and when it clears). In automatic mode
 * the monitor of the passive region starts its region's failover trigger after N consecutive failed checks of the
 * active region; the count lives in the state table, since each invocation may run in a new execution environment.
 */
public final class HealthMonitorHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitorHandler.class);

    private final MonitorSettings settings;
    private final FailoverFunction function;
    private final Optional<TriggerStarter> starter;

    /** What Lambda constructs: settings from the environment, clients from the default chain. */
    public HealthMonitorHandler() {
        this(System.getenv(), AwsClients.fromEnvironment(), AwsFailover.Timeouts.defaults(), Clock.systemUTC(), Sleeper.system(),
                FunctionMetrics.fromEnvironment(System.getenv(), "health-monitor"));
    }

    public HealthMonitorHandler(Map<String, String> environment, AwsClients clients, AwsFailover.Timeouts timeouts, Clock clock,
                                Sleeper sleeper, Metrics metrics) {
        this.settings = MonitorSettings.parse(environment);
        this.function = new FailoverFunction(settings.common(), clients, timeouts, clock, sleeper, metrics);
        this.starter = settings.triggerFunction().map(name -> new TriggerStarter(clients::lambda, name));
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, this::check);
    }

    private Map<String, Object> check() {
        AwsFailover failover = function.failover();
        RegionId own = function.settings().region();
        MonitorStateTable table = new MonitorStateTable(function.clients().dynamoDb(own), failover.resources().stateTable(), own,
                function.clock());
        Observation seen = Observation.of(failover);
        MonitorState before = table.read();
        Optional<String> active = seen.active().map(RegionId::name);
        boolean activeFailing = seen.active().isPresent() && !seen.ready(seen.active().get());
        int failures = active.isEmpty() ? before.failures()
                : !activeFailing ? 0 : (active.equals(before.activeRegion()) ? before.failures() : 0) + 1;
        Map<String, String> holding = Conditions.evaluate(seen, failures, settings);
        // an automatic failover belongs to one outage of one active region: forgotten once it recovers or changes
        Optional<String> triggeredFor = before.triggeredFor().filter(t -> active.equals(Optional.of(t)) && activeFailing);
        Optional<String> triggeredExecution = triggeredFor.isPresent() ? before.triggeredExecution() : Optional.empty();
        Optional<ExecutionId> start = Optional.empty();
        if (settings.automatic() && activeFailing && !seen.active().get().equals(own) && failures >= settings.failures()
                && triggeredFor.isEmpty()) {
            start = Optional.of(ExecutionId.generate(function.clock().instant()));
            triggeredFor = active;
            triggeredExecution = start.map(ExecutionId::value);
        }
        MonitorState next = new MonitorState(active.or(before::activeRegion), failures, holding.keySet(), triggeredFor,
                triggeredExecution, before.version() + 1);
        Map<String, Object> summary = summary(own, seen, failures, holding);
        if (!table.write(next)) {
            LOG.info("another invocation of the {} monitor wrote its state first; this check acts on nothing", own);
            summary.put("superseded", true);
            return summary;
        }
        Optional<String> automatic = start.map(id -> startFailover(table, next, own, id, failures, active.get()));
        automatic.ifPresent(a -> summary.put("automaticFailover", a));
        alert(failover, own, before.conditions(), holding, failures, automatic);
        record(own, seen, failures, holding, start.isPresent() && automatic.filter(a -> a.startsWith("started")).isPresent());
        return summary;
    }

    private String startFailover(MonitorStateTable table, MonitorState next, RegionId own, ExecutionId id, int failures,
                                 String active) {
        String by = "health monitor in " + own + " after " + failures + " failed checks of " + active;
        try {
            starter.orElseThrow().start(own, TriggerInput.automaticFailover(id, own.name(), by));
            LOG.warn("automatic failover: started execution {} to {} ({})", id, own, by);
            return "started failover execution " + id + " to " + own + " (" + by + ")";
        } catch (RuntimeException e) {
            // forget the start, so that the next check tries again
            table.write(new MonitorState(next.activeRegion(), next.failures(), next.conditions(), Optional.empty(),
                    Optional.empty(), next.version() + 1));
            LOG.error("automatic failover: could not start the trigger: {}", e.getMessage());
            return "could not start the failover trigger: " + e.getMessage() + "; the next check tries again";
        }
    }

    private void alert(AwsFailover failover, RegionId own, Set<String> before, Map<String, String> holding, int failures,
                       Optional<String> automatic) {
        Map<String, String> crossed = new LinkedHashMap<>(holding);
        crossed.keySet().removeAll(before);
        Set<String> cleared = new TreeSet<>(before);
        cleared.removeAll(holding.keySet());
        if (crossed.isEmpty() && cleared.isEmpty() && automatic.isEmpty()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "monitor_alert");
        body.put("observedFrom", own.name());
        body.put("crossed", crossed);
        body.put("cleared", cleared);
        body.put("holding", holding);
        body.put("activeRegionFailures", failures);
        automatic.ifPresent(a -> body.put("automaticFailover", a));
        String subject = "payments-dr monitor in " + own + ": " + (automatic.isPresent() ? "automatic failover; " : "")
                + (crossed.isEmpty() ? "cleared " + String.join(", ", cleared) : String.join(", ", crossed.keySet()));
        List<RegionId> order = new java.util.ArrayList<>(List.of(own));
        failover.resources().regions().stream().filter(r -> !r.equals(own)).forEach(order::add);
        failover.notifier().publish(order, subject, body);
    }

    private void record(RegionId own, Observation seen, int failures, Map<String, String> holding, boolean started) {
        Metrics metrics = function.metrics();
        seen.regions().forEach((region, view) -> metrics.flushMetrics(m -> {
            m.addDimension(DimensionSet.of("Region", region.name(), "ObservedFrom", own.name()));
            m.addMetric("ServiceReady", view.ready() ? 1 : 0, MetricUnit.COUNT);
            m.addMetric("DatabaseReachable", view.role() == DatabaseRole.UNREACHABLE ? 0 : 1, MetricUnit.COUNT);
            m.addMetric("DatabaseWritable", view.role() == DatabaseRole.PRIMARY ? 1 : 0, MetricUnit.COUNT);
            if (seen.secondary().filter(region::equals).isPresent()) {
                seen.lags().replication().ifPresent(d -> m.addMetric("ReplicationLag", d.toMillis(), MetricUnit.MILLISECONDS));
                seen.lags().rpo().ifPresent(d -> m.addMetric("RpoLag", d.toMillis(), MetricUnit.MILLISECONDS));
            }
        }));
        metrics.flushMetrics(m -> {
            m.addDimension(DimensionSet.of("ObservedFrom", own.name()));
            m.addMetric("GlobalClusterHealthy", seen.global().map(g -> g.healthy() ? 1 : 0).orElse(0), MetricUnit.COUNT);
            m.addMetric("ActiveRegionFailures", failures, MetricUnit.COUNT);
            m.addMetric("AlertConditions", holding.size(), MetricUnit.COUNT);
            m.addMetric("AutomaticFailoverStarted", started ? 1 : 0, MetricUnit.COUNT);
        });
    }

    private static Map<String, Object> summary(RegionId own, Observation seen, int failures, Map<String, String> holding) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("observedFrom", own.name());
        summary.put("activeRegion", seen.active().map(RegionId::name).orElse(null));
        Map<String, Object> regions = new LinkedHashMap<>();
        seen.regions().forEach((region, view) -> regions.put(region.name(), Map.of("ready", view.ready(),
                "database", view.role().name().toLowerCase(Locale.ROOT))));
        summary.put("regions", regions);
        summary.put("globalCluster", seen.global().map(g -> g.status() + ", writer " + g.writer().map(RegionId::name)
                .orElse("none")).orElse("not described"));
        seen.lags().replication().ifPresent(d -> summary.put("replicationLagMillis", d.toMillis()));
        seen.lags().rpo().ifPresent(d -> summary.put("rpoLagMillis", d.toMillis()));
        summary.put("activeRegionFailures", failures);
        summary.put("conditions", holding);
        return summary;
    }
}
