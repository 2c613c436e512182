package dev.paymentsdr.aws.lambda.failover.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paymentsdr.contract.Durations;
import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the failover trigger is asked to do, read from its event and validated: every problem is listed at once,
 * with the field and what it accepts, and a refused input changes nothing.
 *
 * @param mode          planned, unplanned or failback; may be left out only to resume {@code executionId}
 * @param targetRegion  the region to activate; it must be the trigger's own region
 * @param maxLag        the lag gate's bound (default: the function's setting)
 * @param executionId   resume or join this execution, or start one under this id (a workflow names its own)
 * @param runUntil      stop after this step (a workflow's phase); the execution continues when run again
 * @param joinIfBusy    wait for another running execution and report its result instead of being refused
 */
public record TriggerInput(Optional<FailoverMode> mode, Optional<String> targetRegion, boolean allowDataLoss,
                           Optional<Duration> maxLag, boolean dryRun, Optional<ExecutionId> executionId,
                           Optional<Step> runUntil, boolean joinIfBusy, Optional<String> requestedBy) {
    static final Set<String> FIELDS = Set.of("mode", "targetRegion", "allowDataLoss", "maxLag", "dryRun", "executionId",
            "runUntil", "joinIfBusy", "requestedBy");
    private static final List<String> RESUMABLE_STEPS = java.util.Arrays.stream(Step.values()).map(Step::label).toList();

    /**
     * The event that starts an unplanned failover to {@code target} under {@code executionId}, joining a failover
     * already running: what the monitor's automatic mode sends.
     */
    public static java.util.Map<String, Object> automaticFailover(ExecutionId executionId, String target, String requestedBy) {
        java.util.Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("mode", FailoverMode.UNPLANNED.label());
        event.put("targetRegion", target);
        event.put("executionId", executionId.value());
        event.put("joinIfBusy", true);
        event.put("requestedBy", requestedBy.length() > 200 ? requestedBy.substring(0, 200) : requestedBy);
        return event;
    }

    /** Reads and validates the event; throws {@link InvalidTriggerInputException} listing every problem. */
    public static TriggerInput parse(JsonNode json) {
        List<String> problems = new ArrayList<>();
        if (json == null || !json.isObject()) {
            throw new InvalidTriggerInputException("the failover trigger's input must be a JSON object such as"
                    + " {\"mode\":\"planned\"}; fields: " + sorted(FIELDS));
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add("unknown field '" + name + "'; fields are " + sorted(FIELDS));
            }
        }
        Optional<FailoverMode> mode = text(json, "mode", problems).flatMap(m -> switch (m.toLowerCase(Locale.ROOT)) {
            case "planned" -> Optional.of(FailoverMode.PLANNED);
            case "unplanned" -> Optional.of(FailoverMode.UNPLANNED);
            case "failback" -> Optional.of(FailoverMode.FAILBACK);
            default -> {
                problems.add("mode: '" + m + "' is not one of planned (switchover, RPO 0), unplanned (region lost) or failback");
                yield Optional.empty();
            }
        });
        Optional<String> target = text(json, "targetRegion", problems);
        target.filter(t -> !t.matches("[a-z]{2}(-[a-z]+)+-\\d")).ifPresent(t ->
                problems.add("targetRegion: '" + t + "' is not a region name such as us-east-2"));
        boolean allowDataLoss = bool(json, "allowDataLoss", problems);
        Optional<Duration> maxLag = text(json, "maxLag", problems).flatMap(v -> {
            try {
                return Optional.of(Durations.parse("maxLag", v));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                return Optional.empty();
            }
        });
        boolean dryRun = bool(json, "dryRun", problems);
        Optional<ExecutionId> executionId = text(json, "executionId", problems).flatMap(v -> {
            try {
                return Optional.of(new ExecutionId(v));
            } catch (IllegalArgumentException e) {
                problems.add("executionId: " + e.getMessage());
                return Optional.empty();
            }
        });
        Optional<Step> runUntil = text(json, "runUntil", problems).flatMap(v -> {
            Optional<Step> step = Step.ofLabel(v);
            if (step.isEmpty()) {
                problems.add("runUntil: '" + v + "' is not a step; steps are " + RESUMABLE_STEPS);
            }
            return step;
        });
        boolean joinIfBusy = bool(json, "joinIfBusy", problems);
        Optional<String> requestedBy = text(json, "requestedBy", problems);
        requestedBy.filter(r -> r.length() > 200).ifPresent(r -> problems.add("requestedBy: at most 200 characters"));
        if (mode.isEmpty() && !json.has("mode") && executionId.isEmpty() && !json.has("executionId")) {
            problems.add("mode is required (planned, unplanned or failback) unless executionId names an execution to resume");
        }
        if (dryRun && runUntil.isPresent()) {
            problems.add("dryRun changes nothing, so runUntil has no meaning with it");
        }
        if (!problems.isEmpty()) {
            throw new InvalidTriggerInputException("the failover trigger's input is invalid; nothing was done:\n  "
                    + String.join("\n  ", problems));
        }
        return new TriggerInput(mode, target, allowDataLoss, maxLag, dryRun, executionId, runUntil, joinIfBusy, requestedBy);
    }

    private static Optional<String> text(JsonNode json, String field, List<String> problems) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(field + ": must be a non-empty string, was " + value);
            return Optional.empty();
        }
        return Optional.of(value.asText().strip());
    }

    private static boolean bool(JsonNode json, String field, List<String> problems) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            problems.add(field + ": must be true or false (a JSON boolean), was " + value);
            return false;
        }
        return value.asBoolean();
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    /** An input the trigger refuses; Lambda reports it as the invocation's error, and nothing was done. */
    public static final class InvalidTriggerInputException extends IllegalArgumentException {
        public InvalidTriggerInputException(String message) {
            super(message);
        }
    }
}
