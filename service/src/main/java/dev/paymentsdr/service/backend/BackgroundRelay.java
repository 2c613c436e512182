package dev.paymentsdr.service.backend;

import dev.paymentsdr.payments.application.OutboxRelay;
import dev.paymentsdr.payments.port.out.LedgerUnavailableException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the outbox relay of a service process on a daemon thread, one pass per interval; a pass relays until the
 * outbox is drained. On a standby, or with the database down, a pass does nothing (readiness already says why). Closing
 * runs one last pass, so a graceful stop leaves as little as possible for the next process.
 */
public final class BackgroundRelay implements AutoCloseable {
    /** Time between passes: also the most an event waits for its archive object and bus delivery when idle. */
    public static final Duration INTERVAL = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundRelay.class);
    private static final int BATCHES_PER_PASS = 10;
    private static final long WARNING_INTERVAL_NANOS = 30_000_000_000L;

    private final OutboxRelay relay;
    private final ScheduledExecutorService executor;
    private long lastWarning = System.nanoTime() - WARNING_INTERVAL_NANOS;

    private BackgroundRelay(OutboxRelay relay) {
        this.relay = relay;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "payments-outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static BackgroundRelay start(OutboxRelay relay, Duration interval) {
        BackgroundRelay background = new BackgroundRelay(relay);
        background.executor.scheduleWithFixedDelay(background::pass, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return background;
    }

    /**
     * Relays until the outbox is drained: a pass that filled all its batches goes on at once, so the relay keeps up
     * with a sustained rate above {@code BATCHES_PER_PASS} full batches per interval instead of falling behind.
     */
    synchronized void pass() {
        try {
            int full = BATCHES_PER_PASS * relay.batchSize();
            while (relay.relayAvailable(BATCHES_PER_PASS) >= full && !executor.isShutdown()) {
                LOG.debug("outbox relay pass was full; going on");
            }
        } catch (LedgerUnavailableException e) {
            LOG.debug("outbox relay skipped: {}", e.getMessage());
        } catch (RuntimeException e) {
            // Pending events stay in the outbox; a warning every 30 s is enough to see that the relay is stuck.
            if (System.nanoTime() - lastWarning >= WARNING_INTERVAL_NANOS) {
                lastWarning = System.nanoTime();
                LOG.warn("outbox relay failed; events stay pending and are retried: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
            return;
        }
        pass();
    }
}
