package dev.paymentsdr.lab.drill;

import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.RecordType;
import dev.paymentsdr.failover.domain.model.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long each failover step of one drill run took, in ms: {@code detect} (from the fault to the monitor's
 * decision) and each orchestrator step by its label ({@code assess}, {@code fence}, {@code promote},
 * {@code make-ready}, {@code switch-traffic}, {@code validate}, ...), from its STEP_STARTED record to the record
 * that ended it. The steps of a failback execution are named {@code failback <label>}.
 *
 * @param ms step name to milliseconds, in {@link #order()}; a step that did not run is absent
 */
public record StepTimes(Map<String, Double> ms) {
    /** The name of the time from the fault to the monitor's decision to fail over. */
    public static final String DETECT = "detect";
    /** The prefix of the steps of a failback execution, as on the timeline. */
    public static final String FAILBACK = "failback ";

    public StepTimes {
        ms = Collections.unmodifiableMap(new LinkedHashMap<>(ms));
    }

    /** No step ran (or none could be read). */
    public static StepTimes none() {
        return new StepTimes(Map.of());
    }

    /**
     * Every step name a drill can report, in the order a failover runs them: detect, the plan's steps, then a
     * failback's steps.
     */
    public static List<String> order() {
        List<String> names = new ArrayList<>();
        names.add(DETECT);
        for (Step step : Step.values()) {
            names.add(step.label());
        }
        for (Step step : Step.values()) {
            names.add(FAILBACK + step.label());
        }
        return names;
    }

    /** What a step name measures, in one line (for the report). */
    public static String describe(String name) {
        if (name.equals(DETECT)) {
            return "from the fault to the monitor's decision to fail over (consecutive failed probes)";
        }
        String label = name.startsWith(FAILBACK) ? name.substring(FAILBACK.length()) : name;
        return Step.ofLabel(label).map(Step::description).orElse(name);
    }

    /**
     * The step times of one run.
     *
     * @param detectMs   fault to the monitor's decision, or null when no monitor decided (an operator's move)
     * @param executions the records of each execution the run started, as the execution log holds them (a step run
     *                   in two executions, such as a refused one and its rerun, counts with the sum of both)
     */
    public static StepTimes of(Double detectMs, List<List<ExecutionRecord>> executions) {
        Map<String, Double> found = new HashMap<>();
        if (detectMs != null) {
            found.put(DETECT, detectMs);
        }
        for (List<ExecutionRecord> records : executions) {
            String prefix = records.stream().filter(r -> r.type() == RecordType.EXECUTION_STARTED).findFirst()
                    .map(r -> r.request().mode() == FailoverMode.FAILBACK ? FAILBACK : "").orElse("");
            // the last start of a step counts: a resumed execution starts again the step its killed process left open
            Map<Step, ExecutionRecord> open = new HashMap<>();
            for (ExecutionRecord r : records) {
                if (r.step() == null) {
                    continue;
                }
                if (r.type() == RecordType.STEP_STARTED) {
                    open.put(r.step(), r);
                } else if (open.containsKey(r.step())) {
                    double took = Duration.between(open.remove(r.step()).at(), r.at()).toNanos() / 1e6;
                    found.merge(prefix + r.step().label(), took, Double::sum);
                }
            }
        }
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (String name : order()) {
            if (found.containsKey(name)) {
                ordered.put(name, found.get(name));
            }
        }
        return new StepTimes(ordered);
    }
}
