package dev.paymentsdr.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.paymentsdr.payments.application.OutboxRelay;
import dev.paymentsdr.payments.port.out.LedgerUnavailableException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Lambda entry point that relays the outbox (to the event bus and the transaction-log bucket), run on a schedule:
 * the API functions never relay in the background, since a frozen execution environment must not hold a relay
 * open. Each invocation drains until the outbox is empty or its time is nearly up; the input (the EventBridge
 * scheduled event) is ignored. On a standby (the ledger is not the primary) it relays nothing and succeeds.
 */
public final class OutboxRelayHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** Time left at which no further batch is started. */
    static final Duration RESERVE = Duration.ofSeconds(15);
    /** Without a Lambda context (tests), the budget of one invocation. */
    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);
    private static final int BATCHES_PER_STEP = 10;
    private final Supplier<OutboxRelay> relay;

    public OutboxRelayHandler() {
        this(() -> LambdaWiring.shared().relay());
    }

    public OutboxRelayHandler(Supplier<OutboxRelay> relay) {
        this.relay = relay;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        long started = System.nanoTime();
        long budget = context == null ? DEFAULT_BUDGET.toMillis() : context.getRemainingTimeInMillis();
        int total = 0;
        while (true) {
            int relayed;
            try {
                relayed = relay.get().relayAvailable(BATCHES_PER_STEP);
            } catch (LedgerUnavailableException e) {
                // A standby region's relay runs on the same schedule and finds a read-only database: nothing to do, not
                // a failure. An unreachable ledger is one, and fails the invocation so the function's errors show it.
                if (e.reason() != LedgerUnavailableException.Reason.NOT_PRIMARY) {
                    throw e;
                }
                return Map.of("relayed", total, "drained", false, "skipped", e.getMessage());
            }
            total += relayed;
            long left = budget - (System.nanoTime() - started) / 1_000_000;
            if (relayed == 0 || left < RESERVE.toMillis()) {
                return Map.of("relayed", total, "drained", relayed == 0);
            }
        }
    }
}
