package dev.paymentsdr.cli.failover;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.paymentsdr.failover.application.ExecutionSummary;
import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.port.out.ExecutionHistory;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drctl history}: past failover executions with their outcome and step times, from the target's execution log. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List past failover executions (latest first) with their outcome and step times, or one in detail by id.")
public final class HistoryCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private TargetOptions target;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "Show this execution in detail (each step's start, end and detail).")
    private String executionId;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "List at most N executions, 1.." + ExecutionHistory.MAX_LIMIT + " (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        // flags are checked before the target is opened: bad input reads nothing
        Optional<ExecutionId> id = parseId();
        if (limit < 1 || limit > ExecutionHistory.MAX_LIMIT) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit: must be between 1 and "
                    + ExecutionHistory.MAX_LIMIT + ", was " + limit);
        }
        try (FailoverTarget opened = target.open(spec.commandLine())) {
            PrintWriter out = spec.commandLine().getOut();
            if (id.isPresent()) {
                ExecutionSummary one = opened.executions().find(id.get()).orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(), "no execution '" + id.get() + "' in " + opened.logLocation()
                                + "; 'drctl history --target " + opened.name() + "' lists the recorded ones"));
                out.println(json ? JSON.writeValueAsString(toJson(one)) : String.join("\n", detail(one)));
            } else {
                List<ExecutionSummary> recent = opened.executions().recent(limit);
                if (json) {
                    out.println(JSON.writeValueAsString(recent.stream().map(HistoryCommand::toJson).toList()));
                } else if (recent.isEmpty()) {
                    out.println("No failover executions in " + opened.logLocation() + ".");
                } else {
                    recent.forEach(s -> list(s).forEach(out::println));
                }
            }
            out.flush();
            return 0;
        }
    }

    private Optional<ExecutionId> parseId() {
        try {
            return Optional.ofNullable(executionId).map(ExecutionId::new);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "ID: " + e.getMessage());
        }
    }

    /** The execution's line in a list: id, kind, regions, times, outcome; then one line of step durations. */
    static List<String> list(ExecutionSummary s) {
        StringBuilder steps = new StringBuilder("    ");
        for (ExecutionSummary.StepRun run : s.steps()) {
            steps.append(run.step().label()).append(' ').append(run.duration().map(HistoryCommand::seconds).orElse("..."))
                    .append(run.failed() ? " FAILED" : "").append("  ");
        }
        return List.of(s.id() + "  " + kind(s) + "  " + regions(s) + "  started " + time(s.started()) + "  finished "
                + s.finished().map(HistoryCommand::time).orElse("-") + "  " + outcome(s), steps.toString().stripTrailing());
    }

    /** One execution in detail: its request, and a line per step run with start, duration and what it said. */
    static List<String> detail(ExecutionSummary s) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("execution " + s.id());
        lines.add("  kind:     " + kind(s));
        lines.add("  regions:  " + regions(s));
        lines.add("  started:  " + time(s.started()));
        lines.add("  finished: " + s.finished().map(HistoryCommand::time).orElse("-"));
        lines.add("  outcome:  " + outcome(s));
        lines.add("  steps:");
        for (ExecutionSummary.StepRun run : s.steps()) {
            lines.add(String.format(Locale.ROOT, "    %-20s %s  %9s  %-7s %s", run.step().label(), time(run.started()),
                    run.duration().map(HistoryCommand::seconds).orElse("..."), stepOutcome(run), run.detail()).stripTrailing());
        }
        return lines;
    }

    private static String kind(ExecutionSummary s) {
        return s.mode().map(m -> m.label()).orElse("unknown");
    }

    private static String regions(ExecutionSummary s) {
        return s.from().map(Object::toString).orElse("?") + " -> " + s.to().map(Object::toString).orElse("?");
    }

    private static String outcome(ExecutionSummary s) {
        return s.outcome().label() + s.duration().map(d -> " in " + seconds(d)).orElse("")
                + (s.outcome() == ExecutionSummary.Outcome.UNFINISHED ? " (resume: drctl " + (s.mode().filter(
                        m -> m == dev.paymentsdr.failover.domain.model.FailoverMode.FAILBACK).isPresent() ? "failback" : "failover")
                        + " --execution-id " + s.id() + ")" : "");
    }

    private static String stepOutcome(ExecutionSummary.StepRun run) {
        return run.failed() ? "failed" : run.finished().isPresent() ? "done" : "running";
    }

    private static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f s", d.toMillis() / 1000.0);
    }

    private static Map<String, Object> toJson(ExecutionSummary s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id().value());
        out.put("kind", s.mode().map(m -> m.label()).orElse(null));
        out.put("from", s.from().map(Object::toString).orElse(null));
        out.put("to", s.to().map(Object::toString).orElse(null));
        out.put("started", s.started().toString());
        out.put("finished", s.finished().map(Instant::toString).orElse(null));
        out.put("duration_ms", s.duration().map(Duration::toMillis).orElse(null));
        out.put("outcome", s.outcome().label());
        out.put("steps", s.steps().stream().map(run -> {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("step", run.step().label());
            step.put("started", run.started().toString());
            step.put("finished", run.finished().map(Instant::toString).orElse(null));
            step.put("duration_ms", run.duration().map(Duration::toMillis).orElse(null));
            step.put("outcome", stepOutcome(run));
            step.put("detail", run.detail());
            return step;
        }).toList());
        return out;
    }
}
