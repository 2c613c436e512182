package dev.paymentsdr.aws.lambda.failover.trigger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.aws.failover.AwsClients;
import dev.paymentsdr.aws.failover.AwsFailover;
import dev.paymentsdr.aws.lambda.failover.FailoverFunction;
import dev.paymentsdr.aws.lambda.failover.FailoverFunctionSettings;
import dev.paymentsdr.aws.lambda.failover.FunctionMetrics;
import dev.paymentsdr.aws.lambda.failover.SettingsReader;
import dev.paymentsdr.aws.lambda.failover.trigger.TriggerInput.InvalidTriggerInputException;
import dev.paymentsdr.contract.Component;
import dev.paymentsdr.failover.application.FailoverOrchestrator;
import dev.paymentsdr.failover.application.FailoverRequests;
import dev.paymentsdr.failover.application.FailoverSettings;
import dev.paymentsdr.failover.application.Sleeper;
import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.domain.model.ExecutionResult;
import dev.paymentsdr.failover.domain.model.ExecutionResult.Outcome;
import dev.paymentsdr.failover.domain.model.ExecutionState;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.RecordType;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.domain.model.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * The failover trigger: runs the one orchestrator (the drills' orchestrator) with the AWS adapters, in the region
 * being activated, so the failed region is never on its path. Input: {@link TriggerInput}. Idempotent: without an
 * execution id the invocation's request id names the execution, so Lambda's retry of the same event resumes it; a
 * second invocation while one runs joins it (same execution) or is refused by the lease (another one), never runs
 * beside it. Answers the execution's outcome as JSON; a bad input is the invocation's error and changes nothing.
 */
public final class FailoverTriggerHandler implements RequestStreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FailoverTriggerHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Time kept back at the end of an invocation to answer. */
    static final Duration MARGIN = Duration.ofSeconds(30);

    private final FailoverFunction function;

    /** What Lambda constructs: settings from the environment, clients from the default chain. */
    public FailoverTriggerHandler() {
        this(System.getenv(), AwsClients.fromEnvironment(), AwsFailover.Timeouts.defaults(), Clock.systemUTC(),
                Sleeper.system(), FunctionMetrics.fromEnvironment(System.getenv(), "failover-trigger"));
    }

    public FailoverTriggerHandler(Map<String, String> environment, AwsClients clients, AwsFailover.Timeouts timeouts,
                                  Clock clock, Sleeper sleeper, Metrics metrics) {
        this.function = new FailoverFunction(settings(environment), clients, timeouts, clock, sleeper, metrics);
    }

    /** The trigger's settings from a function environment, exactly as it reads them at start. */
    public static FailoverFunctionSettings settings(Map<String, String> environment) {
        SettingsReader in = new SettingsReader(Component.FAILOVER_TRIGGER, environment);
        FailoverFunctionSettings settings = FailoverFunctionSettings.read(in);
        in.failIfAny();
        return settings;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode json;
        try {
            json = JSON.readTree(input);
        } catch (JsonProcessingException e) {
            throw new InvalidTriggerInputException("the failover trigger's input is not JSON: " + e.getOriginalMessage());
        }
        Map<String, Object> answer = PowertoolsLogging.withLogging(context, () -> trigger(TriggerInput.parse(json), context));
        JSON.writeValue(output, answer);
    }

    private Map<String, Object> trigger(TriggerInput input, Context context) {
        AwsFailover failover = function.failover();
        RegionId own = function.settings().region();
        FailoverRequest request = request(failover, input, own, context);
        Optional<Step> stopAfter = input.runUntil();
        if (stopAfter.isPresent() && !request.plan().steps().contains(stopAfter.get())) {
            throw new InvalidTriggerInputException("runUntil: the " + request.mode().title() + " has no step '"
                    + stopAfter.get().label() + "'; its steps are " + request.plan().steps().stream().map(Step::label).toList());
        }
        String owner = "lambda " + context.getFunctionName() + " request " + context.getAwsRequestId() + " in " + own;
        if (input.dryRun()) {
            FailoverOrchestrator.DryRun dry = failover.runtime().orchestrator(owner).dryRun(request);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("dryRun", true);
            answer.put("wouldProceed", dry.wouldProceed());
            answer.put("mode", request.mode().label());
            answer.put("fromRegion", request.from().name());
            answer.put("toRegion", request.to().name());
            answer.put("plan", dry.plan().describe());
            answer.put("findings", dry.findings());
            answer.put("resources", failover.describeNow());
            answer.put("message", "dry run: nothing was changed");
            return answer;
        }
        Instant started = function.clock().instant();
        FailoverOrchestrator orchestrator = failover.runtime(limits(failover, context)).orchestrator(owner);
        boolean resumed = !failover.ports().log().read(request.executionId()).isEmpty();
        LOG.info("failover trigger: {} {} from {} to {}{}", resumed ? "resuming" : "starting", request.executionId(),
                request.from(), request.to(), stopAfter.map(s -> ", stopping after " + s.label()).orElse(""));
        ExecutionResult result = orchestrator.runUntil(request, input.joinIfBusy(), stopAfter.orElse(null));
        if (result.outcome() == Outcome.JOINED && request.executionId().equals(result.executionId())
                && !finished(result.state())) {
            // our own execution's lease ran out while it was unfinished: its holder died (a timed-out invocation)
            LOG.info("execution {} was left at {} by an invocation that ended; resuming it", request.executionId(), result.state());
            result = orchestrator.runUntil(request, input.joinIfBusy(), stopAfter.orElse(null));
        }
        record(request, result, Duration.between(started, function.clock().instant()));
        return answer(request, result, resumed);
    }

    /** The request of a logged execution (resumed), or a new one moving the primary role to this region. */
    private FailoverRequest request(AwsFailover failover, TriggerInput input, RegionId own, Context context) {
        RegionId target = input.targetRegion().map(RegionId::of).orElse(own);
        if (!target.equals(own)) {
            throw new InvalidTriggerInputException("targetRegion: this trigger runs in " + own + " and activates only " + own
                    + " (the region being activated runs its own failover, so the failed region is never on its path);"
                    + " invoke the failover trigger in " + target + " to activate " + target);
        }
        ExecutionId id = input.executionId().orElseGet(() -> new ExecutionId("fo-" + context.getAwsRequestId()
                .replaceAll("[^A-Za-z0-9_.-]", "").toLowerCase(java.util.Locale.ROOT)));
        Optional<FailoverRequest> logged = failover.ports().log().read(id).stream()
                .filter(r -> r.type() == RecordType.EXECUTION_STARTED).map(ExecutionRecord::request).findFirst();
        if (logged.isPresent()) {
            if (!logged.get().to().equals(own)) {
                throw new InvalidTriggerInputException("executionId: execution " + id + " activates " + logged.get().to()
                        + "; resume it with the failover trigger in " + logged.get().to());
            }
            return logged.get();
        }
        if (input.mode().isEmpty()) {
            throw new InvalidTriggerInputException("executionId: no execution '" + id + "' was logged, so there is nothing"
                    + " to resume; give mode (planned, unplanned or failback) to start it under this id"
                    + failover.ports().log().latest().map(l -> " (the latest execution is " + l + ")").orElse(""));
        }
        FailoverRequest fresh;
        try {
            fresh = failover.requests().resolve(input.mode().get(), Optional.of(target.name()),
                    input.maxLag().orElse(function.settings().maxLag()), input.allowDataLoss(), Optional.empty(),
                    input.requestedBy().orElse("failover trigger " + context.getFunctionName()));
        } catch (FailoverRequests.InvalidRequestException e) {
            throw new InvalidTriggerInputException("targetRegion: " + e.getMessage() + "; nothing was done");
        }
        return new FailoverRequest(id, fresh.mode(), fresh.from(), fresh.to(), fresh.maxLag(), fresh.allowDataLoss(),
                fresh.requestedBy());
    }

    /** The orchestrator's limits, joining another execution no longer than this invocation may run. */
    private static FailoverSettings limits(AwsFailover failover, Context context) {
        FailoverSettings base = failover.timeouts().orchestrator();
        Duration left = Duration.ofMillis(context.getRemainingTimeInMillis()).minus(MARGIN);
        Duration join = left.compareTo(base.joinTimeout()) < 0 ? left : base.joinTimeout();
        if (join.compareTo(Duration.ofSeconds(1)) < 0) {
            join = Duration.ofSeconds(1);
        }
        return new FailoverSettings(base.readyTimeout(), base.validateTimeout(), base.catchUpTimeout(), base.rejoinTimeout(),
                base.leaseTtl(), base.joinPollInterval(), join);
    }

    private static boolean finished(ExecutionState state) {
        return state == ExecutionState.COMPLETED || state == ExecutionState.REFUSED || state == ExecutionState.FAILED;
    }

    private void record(FailoverRequest request, ExecutionResult result, Duration took) {
        Metrics metrics = function.metrics();
        metrics.flushMetrics(m -> {
            m.addDimension(DimensionSet.of("Mode", request.mode().label(), "Outcome", result.outcome().name()));
            m.addMetric("FailoverTriggered", 1, MetricUnit.COUNT);
            m.addMetric("FailoverTriggerDuration", took.toMillis(), MetricUnit.MILLISECONDS);
            m.addMetadata("executionId", String.valueOf(result.executionId()));
        });
    }

    private static Map<String, Object> answer(FailoverRequest request, ExecutionResult result, boolean resumed) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("executionId", result.executionId() == null ? null : result.executionId().value());
        answer.put("outcome", result.outcome().name());
        answer.put("state", result.state().name());
        answer.put("message", result.message());
        FailoverRequest shown = result.records().stream().map(ExecutionRecord::request).filter(r -> r != null).findFirst()
                .orElse(request);
        answer.put("mode", shown.mode().label());
        answer.put("fromRegion", shown.from().name());
        answer.put("toRegion", shown.to().name());
        answer.put("resumed", resumed);
        List<Step> done = result.records().stream().filter(r -> r.type() == RecordType.STEP_COMPLETED)
                .map(ExecutionRecord::step).toList();
        answer.put("completedSteps", done.stream().map(Step::label).toList());
        answer.put("nextStep", shown.plan().steps().stream().filter(s -> !done.contains(s)).findFirst()
                .filter(s -> result.outcome() == Outcome.PAUSED || result.outcome() == Outcome.FAILED)
                .map(Step::label).orElse(null));
        return answer;
    }
}
