package dev.paymentsdr.aws.lambda.failover.readiness;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.paymentsdr.aws.failover.AwsClients;
import dev.paymentsdr.aws.failover.AwsFailover;
import dev.paymentsdr.aws.failover.Waiter;
import dev.paymentsdr.aws.failover.capacity.HttpReadiness;
import dev.paymentsdr.aws.lambda.failover.FailoverFunction;
import dev.paymentsdr.aws.lambda.failover.FunctionMetrics;
import dev.paymentsdr.failover.application.FailoverOrchestrator;
import dev.paymentsdr.failover.application.Sleeper;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.RegionId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The failover readiness test, run hourly in both regions without a drill: a canary item written to the global
 * table here and read in the other region, a canary object put in this region's replicated bucket and found in the
 * other's, each region's database (reached by its service) and API, and a dry run of an unplanned failover (the
 * orchestrator's own assess and lag gate, changing nothing). Each check is timed; the verdict is a metric, and an
 * SNS alert goes out when a check fails.
 */
public final class ReadinessTestHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(ReadinessTestHandler.class);

    private final ReadinessSettings settings;
    private final FailoverFunction function;
    private final HttpReadiness http = new HttpReadiness();

    /** What Lambda constructs: settings from the environment, clients from the default chain. */
    public ReadinessTestHandler() {
        this(System.getenv(), AwsClients.fromEnvironment(), AwsFailover.Timeouts.defaults(), Clock.systemUTC(), Sleeper.system(),
                FunctionMetrics.fromEnvironment(System.getenv(), "readiness-tester"));
    }

    public ReadinessTestHandler(Map<String, String> environment, AwsClients clients, AwsFailover.Timeouts timeouts, Clock clock,
                                Sleeper sleeper, Metrics metrics) {
        this.settings = ReadinessSettings.parse(environment);
        this.function = new FailoverFunction(settings.common(), clients, timeouts, clock, sleeper, metrics);
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> test(context.getAwsRequestId()));
    }

    private Map<String, Object> test(String runId) {
        AwsFailover failover = function.failover();
        RegionId own = function.settings().region();
        RegionId other = failover.resources().regions().stream().filter(r -> !r.equals(own)).findFirst()
                .orElseThrow(() -> new IllegalStateException(own + " is not one of the regions " + failover.resources().regions()));
        Clock clock = function.clock();
        Duration poll = failover.timeouts().poll().compareTo(Duration.ofSeconds(1)) < 0 ? failover.timeouts().poll() : Duration.ofSeconds(1);
        Waiter waiter = new Waiter(clock, function.sleeper(), poll);
        List<CheckResult> checks = new ArrayList<>();
        checks.add(settings.table().map(table -> CheckResult.timed("global-table-canary", clock, () ->
                new GlobalTableCanary(function.clients()::dynamoDb, table, waiter, clock).run(own, other, runId,
                        settings.replicationTimeout())))
                .orElse(CheckResult.skipped("global-table-canary", "the deployment names no global table")));
        checks.add(settings.buckets().isEmpty() ? CheckResult.skipped("bucket-canary", "the deployment names no replicated buckets")
                : CheckResult.timed("bucket-canary", clock, () -> new BucketCanary(function.clients()::s3, settings.buckets(),
                        waiter, clock).run(own, other, runId, settings.replicationTimeout())));
        RegionChecks regions = new RegionChecks(http, failover.ports().database());
        for (RegionId region : failover.resources().regions()) {
            var url = failover.resources().region(region).healthUrl();
            checks.add(CheckResult.timed("database-" + region, clock, () -> regions.database(region, url)));
            checks.add(url.map(u -> CheckResult.timed("api-" + region, clock, () -> regions.api(region, u)))
                    .orElse(CheckResult.skipped("api-" + region, "the deployment has no payment endpoint in " + region)));
        }
        checks.add(CheckResult.timed("failover-dry-run", clock, () -> dryRun(failover)));
        boolean ready = checks.stream().allMatch(CheckResult::passed);
        record(own, checks, ready);
        if (!ready) {
            alert(failover, own, other, checks);
        }
        LOG.info("failover readiness from {}: {}", own, ready ? "ready" : "NOT ready");
        return answer(own, ready, checks);
    }

    /** The orchestrator's own read-only steps for an unplanned failover away from the active region. */
    private String dryRun(AwsFailover failover) {
        FailoverRequest request = failover.requests().resolve(FailoverMode.UNPLANNED, Optional.empty(),
                function.settings().maxLag(), false, Optional.empty(), "readiness tester");
        FailoverOrchestrator.DryRun dry = failover.runtime().orchestrator("readiness tester").dryRun(request);
        String findings = String.join("; ", dry.findings());
        if (!dry.wouldProceed()) {
            throw new IllegalStateException("an unplanned failover from " + request.from() + " to " + request.to()
                    + " would be refused now: " + findings);
        }
        return "an unplanned failover from " + request.from() + " to " + request.to() + " would proceed: " + findings;
    }

    private void record(RegionId own, List<CheckResult> checks, boolean ready) {
        Metrics metrics = function.metrics();
        for (CheckResult check : checks) {
            metrics.flushMetrics(m -> {
                m.addDimension(DimensionSet.of("Check", check.name(), "ObservedFrom", own.name()));
                m.addMetric("CheckPassed", check.passed() ? 1 : 0, MetricUnit.COUNT);
                m.addMetric("CheckDuration", check.took().toMillis(), MetricUnit.MILLISECONDS);
            });
        }
        metrics.flushMetrics(m -> {
            m.addDimension(DimensionSet.of("ObservedFrom", own.name()));
            m.addMetric("ReadinessVerdict", ready ? 1 : 0, MetricUnit.COUNT);
            m.addMetric("ReadinessChecksFailed", checks.stream().filter(c -> !c.passed()).count(), MetricUnit.COUNT);
        });
    }

    private static void alert(AwsFailover failover, RegionId own, RegionId other, List<CheckResult> checks) {
        Map<String, Object> body = answer(own, false, checks);
        body.put("event", "readiness_alert");
        List<String> failed = checks.stream().filter(c -> !c.passed()).map(CheckResult::name).toList();
        failover.notifier().publish(List.of(own, other), "payments-dr failover readiness from " + own + " FAILED: "
                + String.join(", ", failed), body);
    }

    private static Map<String, Object> answer(RegionId own, boolean ready, List<CheckResult> checks) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("observedFrom", own.name());
        answer.put("verdict", ready ? "ready" : "not ready");
        List<Map<String, Object>> list = new ArrayList<>();
        for (CheckResult c : checks) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", c.name());
            entry.put("passed", c.passed());
            entry.put("millis", c.took().toMillis());
            entry.put("detail", c.detail());
            list.add(entry);
        }
        answer.put("checks", list);
        return answer;
    }
}
