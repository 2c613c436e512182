package dev.paymentsdr.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymentsdr.payments.application.OutboxRelay;
import dev.paymentsdr.payments.port.out.LedgerUnavailableException;
import dev.paymentsdr.payments.port.out.PaymentEventPublisher;
import dev.paymentsdr.payments.port.out.TransactionLogArchive;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scheduled relay in a standby region: a read-only ledger is nothing to do, an unreachable one is a failure. */
class OutboxRelayHandlerTest {
    private static OutboxRelayHandler relayOver(LedgerUnavailableException.Reason reason) {
        OutboxRelay relay = new OutboxRelay((max, sink) -> {
            throw new LedgerUnavailableException(reason, "the database of us-east-2 is " + reason, null);
        }, PaymentEventPublisher.NONE, TransactionLogArchive.NONE, 10);
        return new OutboxRelayHandler(() -> relay);
    }

    @Test
    void givenAStandbyLedger_whenTheScheduleRuns_thenTheRelaySkipsAndSucceeds() {
        Map<String, Object> result = relayOver(LedgerUnavailableException.Reason.NOT_PRIMARY).handleRequest(Map.of(), null);

        assertThat(result).containsEntry("relayed", 0).containsEntry("drained", false);
        assertThat(result.get("skipped")).asString().contains("us-east-2");
    }

    @Test
    void givenAnUnreachableLedger_whenTheScheduleRuns_thenTheInvocationFails() {
        assertThatThrownBy(() -> relayOver(LedgerUnavailableException.Reason.UNREACHABLE).handleRequest(Map.of(), null))
                .isInstanceOf(LedgerUnavailableException.class);
    }
}
