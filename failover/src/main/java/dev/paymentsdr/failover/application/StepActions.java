package dev.paymentsdr.failover.application;

import dev.paymentsdr.failover.domain.model.DatabaseRole;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.Promotion;
import dev.paymentsdr.failover.domain.model.RegionHealth;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.domain.model.Step;
import dev.paymentsdr.failover.domain.policy.LagGate;
import dev.paymentsdr.failover.port.out.FailoverPorts;
import dev.paymentsdr.failover.port.out.Notifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The side effects of the transitions: one method per step, each checking the world before acting so
 * that a resumed execution can run a step again safely.
 */
final class StepActions {
    /** Runs assess's questions side by side; daemon threads, so a question stuck past its deadline never holds the JVM. */
    private static final ExecutorService QUESTIONS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "failover-assess");
        t.setDaemon(true);
        return t;
    });

    /**
     * How long assess waits for a source that the monitor has just seen fail: a running database answers in
     * milliseconds (a refused connection too); only a frozen or cut-off one is still silent after this.
     */
    static final Duration SILENT_SOURCE_GRACE = Duration.ofMillis(250);
    /**
     * The same wait when the source's database left the monitor's own question unanswered too: long enough for a
     * database that has come back to answer (it then is judged by its answer), not for another wait on a silent one.
     */
    static final Duration SILENT_TWICE_GRACE = Duration.ofMillis(50);

    private final FailoverPorts ports;
    private final FailoverSettings settings;
    private final Clock clock;

    StepActions(FailoverPorts ports, FailoverSettings settings, Clock clock) {
        this.ports = ports;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Runs one step.
     *
     * @param resumed true when this execution had records before this run (an earlier attempt may have acted)
     * @param silence the monitor's evidence that the source stopped answering, or null
     */
    StepOutcome perform(Step step, FailoverRequest request, boolean resumed, SourceSilence silence) {
        RegionId from = request.from();
        RegionId to = request.to();
        return switch (step) {
            case ASSESS -> assess(request, resumed, silence);
            case GATE_LAG -> gateLag(request);
            // The target's service starts while its database is still a standby, so that it is warm at make-ready.
            case RESYNC_TARGET -> StepOutcome.done(ports.database().rejoinAsStandby(to, from, settings.rejoinTimeout())
                    + "; " + ports.capacity().ensureRunning(to, settings.readyTimeout()));
            case FENCE -> StepOutcome.done(ports.traffic().block(from) + "; " + ports.database().fence(from));
            case CATCH_UP -> StepOutcome.done(ports.database().awaitCaughtUp(to, from, settings.catchUpTimeout()));
            case PROMOTE -> StepOutcome.done(ports.database().promote(to, Promotion.of(request.mode())));
            case MAKE_READY -> StepOutcome.done(ports.capacity().ensureReady(to, settings.readyTimeout()));
            case SWITCH_TRAFFIC -> StepOutcome.done(ports.traffic().routeTo(to, from));
            case VALIDATE -> StepOutcome.done(ports.probe().roundTrip(
                    "failover-validate-" + request.executionId(), settings.validateTimeout()));
            case REJOIN_OLD_PRIMARY -> StepOutcome.done(
                    ports.database().rejoinAsStandby(from, to, settings.rejoinTimeout()));
            case NOTIFY -> notifyCompleted(request);
        };
    }

    /**
     * Looks at both regions and refuses, before anything is changed, a move that cannot succeed: fencing the
     * source of a move whose target cannot be promoted would leave no writable region at all.
     */
    private StepOutcome assess(FailoverRequest request, boolean resumed, SourceSilence silence) {
        // The questions are asked at once: a silent source costs one deadline, not one per question.
        Instant asked = clock.instant();
        boolean evidence = silence != null && request.mode() == FailoverMode.UNPLANNED
                && silence.freshFor(request.from(), asked);
        CompletableFuture<DatabaseRole> sourceRole = ask(() -> ports.database().role(request.from()));
        // the monitor has just seen the source's service fail N times in a row: asking it again adds nothing
        CompletableFuture<Boolean> sourceReady = evidence ? CompletableFuture.completedFuture(false)
                : ask(() -> ports.capacity().isReady(request.from()));
        CompletableFuture<Boolean> targetReady = ask(() -> ports.capacity().isReady(request.to()));
        DatabaseRole targetRole = ports.database().role(request.to());
        String presumed = "";
        DatabaseRole sourceSeen;
        if (evidence) {
            Duration grace = silence.databaseSilent() ? SILENT_TWICE_GRACE : SILENT_SOURCE_GRACE;
            sourceSeen = answerWithin(sourceRole, grace.minus(Duration.between(asked, clock.instant())));
            if (sourceSeen == null) {
            
                // instead of each waiting out the question limit; an answer that still comes overrides this.
                ports.database().presumeUnreachable(request.from());
                sourceSeen = DatabaseRole.UNREACHABLE;
                presumed = silence.databaseSilent()
                        ? " (no answer to the monitor's question nor to assess's: taken as unreachable)"
                        : " (no answer within " + SILENT_SOURCE_GRACE.toMillis() + " ms after the monitor's failed"
                        + " probes: taken as unreachable)";
            }
        } else {
            sourceSeen = sourceRole.join();
        }
        RegionHealth source = new RegionHealth(request.from(), sourceSeen, sourceReady.join(), Optional.empty());
        RegionHealth target = new RegionHealth(request.to(), targetRole, targetReady.join(),
                ports.database().lag(request.to(), request.from()));
        String seen = source.describe() + presumed + "; " + target.describe();
        boolean sourceServes = source.role() == DatabaseRole.PRIMARY || source.role() == DatabaseRole.FENCED_PRIMARY;
        if (request.mode() != FailoverMode.UNPLANNED && !sourceServes) {
            return StepOutcome.refuse("a " + request.mode().title() + " needs a running primary in "
                    + request.from() + ", but " + seen + ". Use an unplanned failover instead");
        }
        if (target.role() == DatabaseRole.PRIMARY) {
            return resumed ? StepOutcome.done(seen + "; " + request.to() + " is already the primary (an earlier attempt"
                    + " of this execution promoted it)")
                    : StepOutcome.refuse(request.to() + " is already a writable primary, so there is nothing to move ("
                    + seen + "). Nothing was changed");
        }
        // A failback rebuilds its target (the old primary) as a standby in its next step.
        if (request.mode() == FailoverMode.FAILBACK) {
            return StepOutcome.done(seen);
        }
        if (target.role() != DatabaseRole.STANDBY) {
            return StepOutcome.refuse(request.to() + " is not a standby that can be promoted (" + seen + "). Nothing was"
                    + " changed: fencing " + request.from() + " now would leave no writable region. Make "
                    + request.to() + " rejoin as a standby first (failback), or wait until it answers");
        }
        if (sourceServes && target.lag().isEmpty()) {
            return StepOutcome.refuse(request.to() + " is a standby but does not stream from " + request.from() + " ("
                    + seen + "), so it may miss what " + request.from() + " committed. Nothing was changed. Make it"
                    + " rejoin first (failback)");
        }
        return StepOutcome.done(seen);
    }

    private static <T> CompletableFuture<T> ask(Supplier<T> question) {
        return CompletableFuture.supplyAsync(question, QUESTIONS);
    }

    /** The answer if it comes within {@code wait} (at once when it is already in), else null. */
    private static <T> T answerWithin(CompletableFuture<T> answer, Duration wait) {
        try {
            return answer.get(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private StepOutcome gateLag(FailoverRequest request) {
        if (ports.database().role(request.to()) == DatabaseRole.PRIMARY) {
            return StepOutcome.done(request.to() + " is already a primary (promoted by an earlier attempt)");
        }
        LagGate.Decision decision = new LagGate(request.maxLag(), request.allowDataLoss())
                .evaluate(ports.database().lag(request.to(), request.from()));
        return decision.promote() ? StepOutcome.done(decision.reason()) : StepOutcome.refuse(decision.reason());
    }

    private StepOutcome notifyCompleted(FailoverRequest request) {
        String message = request.mode().title() + " " + request.executionId() + " completed: "
                + request.to() + " is the active region";
        ports.notifier().notify(new Notifier.Notification(request.executionId(), request.mode(), request.from(),
                request.to(), dev.paymentsdr.failover.domain.model.ExecutionState.COMPLETED, message));
        return StepOutcome.done(message);
    }
}
