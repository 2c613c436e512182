package dev.paymentsdr.failover.application;

import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.domain.model.ExecutionResult;
import dev.paymentsdr.failover.domain.model.ExecutionResult.Outcome;
import dev.paymentsdr.failover.domain.model.ExecutionState;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.LeaseHolder;
import dev.paymentsdr.failover.domain.model.Plan;
import dev.paymentsdr.failover.domain.model.RecordType;
import dev.paymentsdr.failover.domain.model.Step;
import dev.paymentsdr.failover.domain.model.Transition;
import dev.paymentsdr.failover.domain.model.TransitionTable;
import dev.paymentsdr.failover.port.in.TriggerFailover;
import dev.paymentsdr.failover.port.out.FailoverPorts;
import dev.paymentsdr.failover.port.out.Lease;
import dev.paymentsdr.failover.port.out.Notifier;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs a failover plan step by step under the lease: each step is recorded as started before it acts
 * and as completed after, so a rerun with the same execution id resumes after the last completed step.
 */
public final class FailoverOrchestrator implements TriggerFailover {
    private final FailoverPorts ports;
    private final FailoverSettings settings;
    private final StepActions actions;
    private final Clock clock;
    private final Sleeper sleeper;
    private final String owner;

    /**
     * @param owner who runs this orchestrator (for example {@code pid 4242 on host x}), shown to a refused trigger
     */
    public FailoverOrchestrator(FailoverPorts ports, FailoverSettings settings, Clock clock, Sleeper sleeper,
                                String owner) {
        this.ports = ports;
        this.settings = settings;
        this.actions = new StepActions(ports, settings, clock);
        this.clock = clock;
        this.sleeper = sleeper;
        this.owner = owner;
    }

    @Override
    public Plan plan(FailoverRequest request) {
        return request.plan();
    }

    @Override
    public ExecutionResult run(FailoverRequest request, boolean joinIfBusy) {
        return runUntil(request, joinIfBusy, null);
    }

    /**
     * Runs an unplanned failover that a health monitor of this process starts the moment its Nth probe in a row of
     * {@code request.from()} failed: assess takes that as fresh evidence and waits on a silent source only briefly,
     * instead of for its full question limit (see {@link StepActions}).
     */
    public ExecutionResult runAfterFailedProbes(FailoverRequest request, boolean joinIfBusy) {
        return runAfterFailedProbes(request, joinIfBusy, false);
    }

    /**
     * As {@link #runAfterFailedProbes(FailoverRequest, boolean)}; with {@code sourceDatabaseSilent} (the source's
     * database left the monitor's own question unanswered, a second or more ago) assess waits for it only briefly (it is judged by its answer if one comes).
     */
    public ExecutionResult runAfterFailedProbes(FailoverRequest request, boolean joinIfBusy, boolean sourceDatabaseSilent) {
        return underLease(request, joinIfBusy, null, new SourceSilence(request.from(), clock.instant(), sourceDatabaseSilent));
    }

    /**
     * Runs the request as {@link #run} does, but stops once {@code stopAfter} has completed (outcome {@code PAUSED},
     * lease released), so a workflow can show each phase as a state of its own; rerunning the execution continues
     * with the next step. With {@code stopAfter} null it runs to the end.
     */
    public ExecutionResult runUntil(FailoverRequest request, boolean joinIfBusy, Step stopAfter) {
        return underLease(request, joinIfBusy, stopAfter, null);
    }

    private ExecutionResult underLease(FailoverRequest request, boolean joinIfBusy, Step stopAfter, SourceSilence silence) {
        ExecutionId id = request.executionId();
        Lease.Attempt attempt = ports.lease().tryAcquire(id, owner, settings.leaseTtl());
        if (!attempt.acquired()) {
            LeaseHolder holder = attempt.heldBy().orElseThrow();
            if (joinIfBusy || holder.executionId().equals(id)) {
                return join(holder);
            }
            return new ExecutionResult(null, ExecutionState.PENDING, Outcome.BUSY,
                    "another failover is running: " + holder.describe() + ". Nothing was done; wait for it or join"
                            + " execution " + holder.executionId(), List.of());
        }
        try {
            return execute(request, stopAfter, silence);
        } finally {
            ports.lease().release(id);
        }
    }

    private ExecutionResult execute(FailoverRequest requested, Step stopAfter, SourceSilence silence) {
        ExecutionId id = requested.executionId();
        List<ExecutionRecord> history = ports.log().read(id);
        Optional<ExecutionResult> finished = finishedResult(id, history);
        if (finished.isPresent()) {
            return finished.get();
        }
        FailoverRequest request = history.stream().filter(r -> r.type() == RecordType.EXECUTION_STARTED)
                .map(ExecutionRecord::request).findFirst().orElse(null);
        if (request == null) {
            request = requested;
            record(id, RecordType.EXECUTION_STARTED, null, request, request.mode().title() + " from "
                    + request.from() + " to " + request.to() + " requested by " + request.requestedBy());
        }
        Plan plan = request.plan();
        int completed = completedSteps(plan, history);
        ExecutionState state = plan.stateAfter(completed);
        boolean resumed = !history.isEmpty();
        if (stopAfter != null) {
            int stop = plan.steps().indexOf(stopAfter);
            if (stop < 0) {
                throw new IllegalArgumentException("the " + request.mode().title() + " of execution " + id + " has no step '"
                        + stopAfter.label() + "'; its steps are " + plan.steps().stream().map(Step::label).toList());
            }
            if (stop < completed && completed < plan.steps().size()) {
                return paused(id, state, stopAfter, plan, completed, "had already completed");
            }
        }
        try (LeaseKeeper keeper = new LeaseKeeper(ports.lease(), id, settings.leaseTtl(), Thread.currentThread())) {
            for (Step step : plan.steps().subList(completed, plan.steps().size())) {
                Transition transition = TransitionTable.require(state, step);
                try {
                    keeper.renew();
                } catch (LeaseKeeper.LeaseLostException e) {
                    return result(id, ExecutionState.FAILED, Outcome.FAILED, e.getMessage());
                }
                record(id, RecordType.STEP_STARTED, step, null, step.description());
                StepOutcome outcome;
                try {
                    outcome = actions.perform(step, request, resumed, silence);
                } catch (RuntimeException e) {
                    if (keeper.lostReason() != null) {
                        Thread.interrupted();
                        return result(id, ExecutionState.FAILED, Outcome.FAILED, keeper.lostReason());
                    }
                    String reason = step.label() + " failed: " + e.getMessage();
                    record(id, RecordType.STEP_FAILED, step, null, reason);
                    String resume = reason + ". Fix the cause and rerun execution " + id + " to resume from this step";
                    announce(request, ExecutionState.FAILED, resume);
                    return result(id, ExecutionState.FAILED, Outcome.FAILED, resume);
                }
                if (keeper.lostReason() != null) {
                    // the step finished, but another orchestrator may act now: record nothing more
                    Thread.interrupted();
                    return result(id, ExecutionState.FAILED, Outcome.FAILED, keeper.lostReason());
                }
                if (outcome.refused()) {
                    record(id, RecordType.EXECUTION_REFUSED, step, null, outcome.detail());
                    announce(request, ExecutionState.REFUSED, outcome.detail());
                    return result(id, ExecutionState.REFUSED, Outcome.REFUSED, outcome.detail());
                }
                record(id, RecordType.STEP_COMPLETED, step, null, outcome.detail());
                state = transition.to();
                completed++;
                if (step == stopAfter && completed < plan.steps().size()) {
                    return paused(id, state, stopAfter, plan, completed, "completed");
                }
            }
        }
        String message = request.mode().title() + " " + id + " completed: " + request.to()
                + " is the active region";
        record(id, RecordType.EXECUTION_COMPLETED, null, null, message);
        return result(id, ExecutionState.COMPLETED, Outcome.COMPLETED, message);
    }

    private ExecutionResult paused(ExecutionId id, ExecutionState state, Step stopAfter, Plan plan, int completed, String how) {
        return result(id, state, Outcome.PAUSED, "execution " + id + " " + how + " " + stopAfter.label()
                + " and stopped there as asked; rerun it to continue with " + plan.steps().get(completed).label());
    }

    /**
     * What running {@code request} would find now: the steps that change nothing (assess and, for an unplanned
     * failover, the lag gate) run against the real ports, without the lease and without a log record.
     */
    public DryRun dryRun(FailoverRequest request) {
        List<String> findings = new java.util.ArrayList<>();
        for (Step step : request.plan().steps()) {
            if (!step.changesNothing()) {
                break;
            }
            StepOutcome outcome;
            try {
                outcome = actions.perform(step, request, false, null);
            } catch (RuntimeException e) {
                findings.add(step.label() + ": could not be checked: " + e.getMessage());
                return new DryRun(request.plan(), false, findings);
            }
            findings.add(step.label() + ": " + outcome.detail());
            if (outcome.refused()) {
                return new DryRun(request.plan(), false, findings);
            }
        }
        return new DryRun(request.plan(), true, findings);
    }

    /**
     * The verdict of a dry run.
     *
     * @param wouldProceed true when none of the looking steps refused
     * @param findings     what each looking step saw, as {@code label: detail}
     */
    public record DryRun(Plan plan, boolean wouldProceed, List<String> findings) {
        public DryRun {
            findings = List.copyOf(findings);
        }
    }

    /** Waits for the running execution to release the lease, then reports what it reached. */
    private ExecutionResult join(LeaseHolder holder) {
        Instant deadline = clock.instant().plus(settings.joinTimeout());
        try {
            while (ports.lease().holder().filter(h -> h.executionId().equals(holder.executionId())).isPresent()) {
                if (clock.instant().isAfter(deadline)) {
                    return new ExecutionResult(holder.executionId(), ExecutionState.PENDING, Outcome.BUSY,
                            "gave up waiting for " + holder.describe() + " after " + settings.joinTimeout().toSeconds()
                                    + " s; it is still running", ports.log().read(holder.executionId()));
                }
                sleeper.sleep(settings.joinPollInterval());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ExecutionResult(holder.executionId(), ExecutionState.PENDING, Outcome.BUSY,
                    "interrupted while waiting for " + holder.describe(), List.of());
        }
        List<ExecutionRecord> records = ports.log().read(holder.executionId());
        ExecutionState reached = stateOf(records);
        return new ExecutionResult(holder.executionId(), reached, Outcome.JOINED,
                "joined the running execution " + holder.executionId() + "; it ended in " + reached, records);
    }

    /** The state a logged execution reached, judged from its records alone. */
    public static ExecutionState stateOf(List<ExecutionRecord> records) {
        if (records.isEmpty()) {
            return ExecutionState.PENDING;
        }
        ExecutionRecord last = records.get(records.size() - 1);
        if (last.type() == RecordType.EXECUTION_COMPLETED) {
            return ExecutionState.COMPLETED;
        }
        if (last.type() == RecordType.EXECUTION_REFUSED) {
            return ExecutionState.REFUSED;
        }
        if (last.type() == RecordType.STEP_FAILED) {
            return ExecutionState.FAILED;
        }
        FailoverRequest request = records.get(0).request();
        if (request == null) {
            return ExecutionState.PENDING;
        }
        Plan plan = request.plan();
        return plan.stateAfter(completedSteps(plan, records));
    }

    private Optional<ExecutionResult> finishedResult(ExecutionId id, List<ExecutionRecord> history) {
        for (ExecutionRecord r : history) {
            if (r.type() == RecordType.EXECUTION_COMPLETED) {
                return Optional.of(new ExecutionResult(id, ExecutionState.COMPLETED, Outcome.COMPLETED,
                        "execution " + id + " had already completed: " + r.detail(), history));
            }
            if (r.type() == RecordType.EXECUTION_REFUSED) {
                return Optional.of(new ExecutionResult(id, ExecutionState.REFUSED, Outcome.REFUSED,
                        "execution " + id + " had been refused: " + r.detail()
                                + ". Start a new execution to try again", history));
            }
        }
        return Optional.empty();
    }

    /** How many leading steps of the plan the log shows completed; they must be a prefix, in order. */
    private static int completedSteps(Plan plan, List<ExecutionRecord> history) {
        List<Step> done = history.stream().filter(r -> r.type() == RecordType.STEP_COMPLETED)
                .map(ExecutionRecord::step).toList();
        if (done.size() > plan.steps().size() || !plan.steps().subList(0, done.size()).equals(done)) {
            throw new IllegalStateException("the execution log's completed steps " + done
                    + " do not follow the plan " + plan.steps() + "; the log is damaged");
        }
        return done.size();
    }

    private void record(ExecutionId id, RecordType type, Step step, FailoverRequest request, String detail) {
        ports.log().append(new ExecutionRecord(id, clock.instant(), type, step, request, detail));
    }

    private void announce(FailoverRequest request, ExecutionState state, String message) {
        try {
            ports.notifier().notify(new Notifier.Notification(request.executionId(), request.mode(), request.from(),
                    request.to(), state, message));
        } catch (RuntimeException ignored) {
            // announcing a failure must not hide the failure itself
        }
    }

    private ExecutionResult result(ExecutionId id, ExecutionState state, Outcome outcome, String message) {
        return new ExecutionResult(id, state, outcome, message, ports.log().read(id));
    }
}
