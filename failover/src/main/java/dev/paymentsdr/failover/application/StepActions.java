package dev.paymentsdr.failover.application;

import dev.paymentsdr.failover.domain.model.DatabaseRole;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.Promotion;
import dev.paymentsdr.failover.domain.model.RegionHealth;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.domain.model.ReplicationLag;
import dev.paymentsdr.failover.domain.model.Step;
import dev.paymentsdr.failover.domain.policy.LagGate;
import dev.paymentsdr.failover.port.out.FailoverPorts;
import dev.paymentsdr.failover.port.out.Notifier;
import java.util.Optional;

/**
 * The side effects of the transitions: one method per step, each checking the world before acting so
 * that a resumed execution can run a step again safely.
 */
final class StepActions {
    private final FailoverPorts ports;
    private final FailoverSettings settings;

    StepActions(FailoverPorts ports, FailoverSettings settings) {
        this.ports = ports;
        this.settings = settings;
    }

    /**
     * Runs one step.
     *
     * @param resumed true when this execution had records before this run (an earlier attempt may have acted)
     */
    StepOutcome perform(Step step, FailoverRequest request, boolean resumed) {
        RegionId from = request.from();
        RegionId to = request.to();
        return switch (step) {
            case ASSESS -> assess(request, resumed);
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
    private StepOutcome assess(FailoverRequest request, boolean resumed) {
        RegionHealth source = health(request.from(), Optional.empty());
        RegionHealth target = health(request.to(), ports.database().lag(request.to(), request.from()));
        String seen = source.describe() + "; " + target.describe();
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

    private RegionHealth health(RegionId region, Optional<ReplicationLag> lag) {
        return new RegionHealth(region, ports.database().role(region), ports.capacity().isReady(region), lag);
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
