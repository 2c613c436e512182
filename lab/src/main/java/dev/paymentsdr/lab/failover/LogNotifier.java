package dev.paymentsdr.lab.failover;

import dev.paymentsdr.failover.port.out.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The notify port in the lab: one structured log line per announcement (key-value pairs for JSON logs). */
public final class LogNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger("dev.paymentsdr.failover.notification");

    @Override
    public void notify(Notification n) {
        try {
            LOG.atWarn().addKeyValue("event", "failover_notification")
                    .addKeyValue("execution_id", n.executionId().value())
                    .addKeyValue("mode", n.mode().label())
                    .addKeyValue("from_region", n.from().name())
                    .addKeyValue("to_region", n.to().name())
                    .addKeyValue("state", n.state().name())
                    .log("failover {} {}: {}", n.executionId(), n.state(), n.message());
        } catch (RuntimeException ignored) {
            // a notification must never break the failover it reports
        }
    }
}
