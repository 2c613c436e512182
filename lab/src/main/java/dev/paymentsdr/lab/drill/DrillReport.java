package dev.paymentsdr.lab.drill;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The figures of a whole drill (every run and the summary), as the JSON the issue specifies. */
public record DrillReport(DrillSettings settings, Instant startedAt, String command, List<RunResult> runs) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** RTO percentile (nearest rank) over the runs that recovered, or null when none did. */
    public Double rtoPercentile(double p) {
        return percentile(runs.stream().map(RunResult::rtoMs).toList(), p);
    }

    /** Closed-loop RTO percentile (nearest rank) over the runs that recovered, or null when none did. */
    public Double closedLoopRtoPercentile(double p) {
        return percentile(runs.stream().map(RunResult::closedLoopRtoMs).toList(), p);
    }

    /**
     * One failover step over the runs of a drill.
     *
     * @param runs how many runs the step ran in
     */
    public record StepSummary(String step, int runs, double p50, double p95, double max) {
    }

    /** Each step's p50, p95 and max (nearest rank) over the runs where it ran, in the order a failover runs them. */
    public List<StepSummary> stepSummaries() {
        List<StepSummary> summaries = new ArrayList<>();
        for (String step : StepTimes.order()) {
            List<Double> values = runs.stream().map(r -> r.steps().ms().get(step)).filter(Objects::nonNull).toList();
            if (!values.isEmpty()) {
                summaries.add(new StepSummary(step, values.size(), percentile(values, 50), percentile(values, 95),
                        percentile(values, 100)));
            }
        }
        return summaries;
    }

    /** The step with the highest median (then the highest p95): where a failover's time goes first. */
    public Optional<StepSummary> slowestStep() {
        return stepSummaries().stream().max(Comparator.comparingDouble(StepSummary::p50)
                .thenComparingDouble(StepSummary::p95));
    }

    /** The outage names of the drill's runs ({@code outage}, and {@code failback} for a failback), first seen first. */
    public List<String> outageNames() {
        return runs.stream().flatMap(r -> r.outages().stream()).map(RunResult.Outage::name).distinct().toList();
    }

    /** The open-loop RTO percentile of one outage (by name) over the runs where it recovered, or null. */
    public Double outageRtoPercentile(String outage, double p) {
        return percentile(runs.stream().flatMap(r -> r.outages().stream()).filter(o -> o.name().equals(outage))
                .map(RunResult.Outage::openLoopRtoMs).toList(), p);
    }

    /** Stretches of failing answers outside every measured outage, over every run (each one is an outage the RTO misses). */
    public int unmeasuredFailureWindows() {
        return runs.stream().mapToInt(r -> r.unmeasuredFailureWindows().size()).sum();
    }

    /** Writes acknowledged by a fenced region, over every run (must be 0: the split-brain guard). */
    public int fencedRegionAcked() {
        return runs.stream().mapToInt(r -> r.fencedRegion() == null ? 0 : r.fencedRegion().acked()).sum();
    }

    /** Runs whose end check found no streaming standby. */
    public long runsWithoutStreamingStandby() {
        return runs.stream().filter(r -> r.standby() != null && !r.standby().streaming()).count();
    }

    /**
     * True when every run recovered (finite RTO), no fenced region acknowledged a write, and every checked
     * standby streams.
     */
    public boolean everyRunHeld() {
        return everyRunRecovered() && fencedRegionAcked() == 0 && runsWithoutStreamingStandby() == 0;
    }

    static Double percentile(List<Double> values, double p) {
        List<Double> rtos = values.stream().filter(Objects::nonNull).sorted().toList();
        if (rtos.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * rtos.size());
        return rtos.get(Math.max(0, Math.min(rtos.size() - 1, rank - 1)));
    }

    public int totalLostAcked() {
        return runs.stream().mapToInt(RunResult::rpoLostAcked).sum();
    }

    public int acked() {
        return runs.stream().mapToInt(RunResult::acked).sum();
    }

    public int failedRequests() {
        return runs.stream().mapToInt(RunResult::failedRequests).sum();
    }

    /** True when every run recovered (finite RTO). */
    public boolean everyRunRecovered() {
        return runs.stream().allMatch(r -> r.rtoMs() != null);
    }

    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("scenario", settings.scenario().label());
        root.put("replication", settings.replication().label());
        root.put("runs", runs.size());
        root.put("rate", settings.rate());
        root.put("probe_interval_ms", settings.probeInterval().toMillis());
        root.put("failure_threshold", settings.failureThreshold());
        root.put("primary_region", settings.regions().primary());
        root.put("standby_region", settings.regions().standby());
        root.put("link_round_trip_ms", settings.regions().roundTrip().toMillis());
        root.put("closed_loop_clients", settings.closedLoopClients());
        root.put("started_at", startedAt.toString());
        root.put("command", command);
        ObjectNode rto = root.putObject("rto_ms");
        putNullable(rto, "p50", rtoPercentile(50));
        putNullable(rto, "p95", rtoPercentile(95));
        putNullable(rto, "max", rtoPercentile(100));
        ObjectNode closed = root.putObject("rto_closed_loop_ms");
        putNullable(closed, "p50", closedLoopRtoPercentile(50));
        putNullable(closed, "p95", closedLoopRtoPercentile(95));
        putNullable(closed, "max", closedLoopRtoPercentile(100));
        root.put("fenced_region_acked_writes", fencedRegionAcked());
        root.put("runs_without_streaming_standby", runsWithoutStreamingStandby());
        ObjectNode rpo = root.putObject("rpo_lost_acked");
        ArrayNode perRun = rpo.putArray("per_run");
        runs.forEach(r -> perRun.add(r.rpoLostAcked()));
        rpo.put("total", totalLostAcked());
        root.put("acked", acked());
        root.put("failed_requests", failedRequests());
        root.put("unmeasured_failure_windows", unmeasuredFailureWindows());
        ObjectNode outageRto = root.putObject("rto_ms_by_outage");
        for (String name : outageNames()) {
            ObjectNode o = outageRto.putObject(name);
            putNullable(o, "p50", outageRtoPercentile(name, 50));
            putNullable(o, "p95", outageRtoPercentile(name, 95));
            putNullable(o, "max", outageRtoPercentile(name, 100));
        }
        ObjectNode steps = root.putObject("step_ms");
        for (StepSummary step : stepSummaries()) {
            ObjectNode s = steps.putObject(step.step());
            s.put("runs", step.runs());
            putNullable(s, "p50", step.p50());
            putNullable(s, "p95", step.p95());
            putNullable(s, "max", step.max());
        }
        Optional<StepSummary> slowest = slowestStep();
        if (slowest.isPresent()) {
            root.put("slowest_step", slowest.get().step());
        } else {
            root.putNull("slowest_step");
        }
        ArrayNode details = root.putArray("run_details");
        for (RunResult r : runs) {
            ObjectNode run = details.addObject();
            run.put("run", r.run());
            putNullable(run, "rto_ms", r.rtoMs());
            putNullable(run, "rto_closed_loop_ms", r.closedLoopRtoMs());
            ArrayNode outages = run.putArray("outages");
            for (RunResult.Outage o : r.outages()) {
                ObjectNode outage = outages.addObject();
                outage.put("name", o.name());
                outage.put("from_event", o.startEvent());
                outage.put("at_ms", Math.round(o.startMs() * 10) / 10.0);
                putNullable(outage, "rto_ms", o.openLoopRtoMs());
                putNullable(outage, "rto_closed_loop_ms", o.closedLoopRtoMs());
            }
            if (r.fencedRegion() != null) {
                ObjectNode fenced = run.putObject("fenced_region_writes");
                fenced.put("region", r.fencedRegion().region());
                fenced.put("sent", r.fencedRegion().sent());
                fenced.put("acked", r.fencedRegion().acked());
                fenced.put("statuses", r.fencedRegion().statuses());
            }
            if (r.standby() != null) {
                ObjectNode standby = run.putObject("standby_at_end");
                standby.put("region", r.standby().region());
                standby.put("streaming", r.standby().streaming());
                standby.put("detail", r.standby().detail());
            }
            ArrayNode windows = run.putArray("failure_windows");
            for (RunResult.FailureWindow w : r.failureWindows()) {
                windows.addObject().put("from_ms", w.fromMs()).put("to_ms", w.toMs())
                        .put("in_measured_outage", w.inMeasuredOutage());
            }
            ObjectNode runSteps = run.putObject("step_ms");
            r.steps().ms().forEach((step, ms) -> putNullable(runSteps, step, ms));
            run.put("rpo_lost_acked", r.rpoLostAcked());
            run.put("rpo_lost_span_ms", r.lostSpanMs());
            ArrayNode lost = run.putArray("lost_idempotency_keys");
            r.lostAckedKeys().forEach(lost::add);
            run.put("sent", r.sent());
            run.put("acked", r.acked());
            run.put("failed_requests", r.failedRequests());
            run.put("outcome", r.outcome());
            ArrayNode timeline = run.putArray("timeline");
            for (TimelineEvent e : r.timeline()) {
                ObjectNode event = timeline.addObject();
                event.put("event", e.name());
                event.put("at_ms", Math.round(e.atMs() * 10) / 10.0);
                event.put("detail", e.detail());
            }
        }
        return root;
    }

    private static void putNullable(ObjectNode node, String field, Double value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, Math.round(value * 10) / 10.0);
        }
    }

    /** Writes the JSON report. */
    public void writeJson(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, JSON.writeValueAsString(toJson()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the drill report " + file + ": " + e.getMessage(), e);
        }
    }
}
