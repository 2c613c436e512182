package dev.paymentsdr.failover.application;

import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.RecordType;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.port.out.ExecutionLog;
import dev.paymentsdr.failover.port.out.Traffic;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns what an operator asked for into a request: the logged request of an execution being resumed, or a new
 * one moving the primary role away from the active region. Errors name the value that was wrong and what is
 * accepted, in words a command line or an event handler can prefix with its own field name.
 */
public final class FailoverRequests {
    private final Traffic traffic;
    private final ExecutionLog log;
    private final Supplier<Optional<RegionId>> recordedPrimary;
    private final Clock clock;

    /**
     * @param recordedPrimary the target's own record of its primary, used when the global entry does not say
     *                        which region is active
     */
    public FailoverRequests(Traffic traffic, ExecutionLog log, Supplier<Optional<RegionId>> recordedPrimary, Clock clock) {
        this.traffic = traffic;
        this.log = log;
        this.recordedPrimary = recordedPrimary;
        this.clock = clock;
    }

    /** A value the operator gave that cannot make a request; {@link #field()} says which. */
    public static final class InvalidRequestException extends IllegalArgumentException {
        private final String field;

        InvalidRequestException(String field, String message) {
            super(message);
            this.field = field;
        }

        /** {@code executionId} or {@code to}. */
        public String field() {
            return field;
        }
    }

    /**
     * The request to run: with {@code executionId} the logged request of that execution (an id that was never
     * logged is refused: nothing is done), otherwise a new one.
     */
    public FailoverRequest resolve(FailoverMode mode, Optional<String> to, Duration maxLag, boolean allowDataLoss,
                                   Optional<String> executionId, String requestedBy) {
        if (executionId.isPresent()) {
            ExecutionId id;
            try {
                id = new ExecutionId(executionId.get());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("executionId", e.getMessage());
            }
            Optional<FailoverRequest> logged = log.read(id).stream().filter(r -> r.type() == RecordType.EXECUTION_STARTED)
                    .map(ExecutionRecord::request).findFirst();
            if (logged.isPresent()) {
                return logged.get();
            }
            throw new InvalidRequestException("executionId", "no execution '" + id + "' was logged; nothing was done."
                    + " Leave the execution id out to start a new one"
                    + log.latest().map(last -> " (the latest execution is " + last + ")").orElse(""));
        }
        List<RegionId> regions = traffic.regions();
        RegionId active = activeRegion();
        RegionId target;
        if (to.isPresent()) {
            target = regions.stream().filter(r -> r.name().equals(to.get())).findFirst().orElseThrow(() ->
                    new InvalidRequestException("to", "no region '" + to.get() + "'; regions are "
                            + regions.stream().map(RegionId::name).toList()));
        } else {
            target = regions.stream().filter(r -> !r.equals(active)).findFirst().orElseThrow(() ->
                    new InvalidRequestException("to", "there is no region other than " + active));
        }
        if (target.equals(active)) {
            throw new InvalidRequestException("to", target + " is already the active region; name the other region or"
                    + " leave the target out");
        }
        return new FailoverRequest(ExecutionId.generate(clock.instant()), mode, active, target,
                maxLag, allowDataLoss, requestedBy);
    }

    /** The region traffic goes to; when the global entry does not say, the region the target records as primary. */
    public RegionId activeRegion() {
        try {
            Optional<RegionId> routed = traffic.activeRegion();
            if (routed.isPresent()) {
                return routed.get();
            }
        } catch (RuntimeException e) {
            // the global entry does not answer: fall back to the recorded roles
        }
        return recordedPrimary.get().orElseThrow(() -> new InvalidRequestException("to",
                "neither the global entry nor the target's records say which region is active"));
    }
}
