package dev.paymentsdr.failover.application;

import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.domain.model.ExecutionState;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.RecordType;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.domain.model.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One execution as its log tells it: what it was asked to do, when it started and finished, how it ended
 * and how long each step took. Judged from the records alone (plus whether the lease shows it running).
 *
 * @param mode     absent when the log lacks the execution's first record (a log cut by retention)
 * @param finished absent while the execution has not completed, been refused or failed
 * @param steps    every run of a step in the order it started; a resumed step appears once per attempt
 */
public record ExecutionSummary(ExecutionId id, Optional<FailoverMode> mode, Optional<RegionId> from, Optional<RegionId> to,
                               Instant started, Optional<Instant> finished, Outcome outcome, List<StepRun> steps) {
    /** How an execution ended, or that it has not. */
    public enum Outcome {
        SUCCEEDED, FAILED, REFUSED,
        /** The lease shows a process running it now. */
        RUNNING,
        /** Not finished and nobody holds its lease: its process stopped; a rerun with its id resumes it. */
        UNFINISHED;

        /** The lower-case word used in text, JSON and metric labels. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One run of a step; {@code finished} is absent while it runs (or when its process died during it). */
    public record StepRun(Step step, Instant started, Optional<Instant> finished, boolean failed, String detail) {
        /** How long the step took, if it ended. */
        public Optional<Duration> duration() {
            return finished.map(end -> Duration.between(started, end));
        }
    }

    public ExecutionSummary {
        steps = List.copyOf(steps);
    }

    /** How long the execution took, if it ended. */
    public Optional<Duration> duration() {
        return finished.map(end -> Duration.between(started, end));
    }

    /**
     * The summary of one execution's records (oldest first, as {@code ExecutionLog.read} returns them).
     *
     * @param running true when the lease shows this execution held by a live process
     */
    public static ExecutionSummary of(List<ExecutionRecord> records, boolean running) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("an execution summary needs at least one record");
        }
        ExecutionRecord first = records.get(0);
        ExecutionRecord last = records.get(records.size() - 1);
        ExecutionState state = FailoverOrchestrator.stateOf(records);
        Outcome outcome = switch (state) {
            case COMPLETED -> Outcome.SUCCEEDED;
            case REFUSED -> Outcome.REFUSED;
            // a failed step whose execution is being resumed is running again
            case FAILED -> running ? Outcome.RUNNING : Outcome.FAILED;
            default -> running ? Outcome.RUNNING : Outcome.UNFINISHED;
        };
        boolean ended = outcome == Outcome.SUCCEEDED || outcome == Outcome.REFUSED || outcome == Outcome.FAILED;
        return new ExecutionSummary(first.executionId(), Optional.ofNullable(first.request()).map(r -> r.mode()),
                Optional.ofNullable(first.request()).map(r -> r.from()), Optional.ofNullable(first.request()).map(r -> r.to()),
                first.at(), ended ? Optional.of(last.at()) : Optional.empty(), outcome, stepRuns(records));
    }

    private static List<StepRun> stepRuns(List<ExecutionRecord> records) {
        List<StepRun> runs = new ArrayList<>();
        for (ExecutionRecord r : records) {
            if (r.type() == RecordType.STEP_STARTED) {
                runs.add(new StepRun(r.step(), r.at(), Optional.empty(), false, ""));
            } else if (r.type() == RecordType.STEP_COMPLETED || r.type() == RecordType.STEP_FAILED) {
                boolean failed = r.type() == RecordType.STEP_FAILED;
                int open = lastOpen(runs, r.step());
                if (open < 0) {
                    // an end without its start (a log written before starts were recorded): a run of no known length
                    runs.add(new StepRun(r.step(), r.at(), Optional.of(r.at()), failed, r.detail()));
                } else {
                    runs.set(open, new StepRun(r.step(), runs.get(open).started(), Optional.of(r.at()), failed, r.detail()));
                }
            }
        }
        return runs;
    }

    private static int lastOpen(List<StepRun> runs, Step step) {
        for (int i = runs.size() - 1; i >= 0; i--) {
            if (runs.get(i).step() == step && runs.get(i).finished().isEmpty()) {
                return i;
            }
        }
        return -1;
    }
}
