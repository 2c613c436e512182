package dev.paymentsdr.service;

import dev.paymentsdr.payments.application.CreatePaymentService;
import dev.paymentsdr.payments.application.OutboxRelay;
import dev.paymentsdr.payments.application.PaymentQueryService;
import dev.paymentsdr.payments.domain.model.AmountPolicy;
import dev.paymentsdr.payments.port.out.PaymentEventPublisher;
import dev.paymentsdr.payments.port.out.TransactionLogArchive;
import dev.paymentsdr.service.adapter.in.api.PaymentApi;
import dev.paymentsdr.service.adapter.in.api.PaymentJson;
import dev.paymentsdr.service.adapter.out.events.LogEventPublisher;
import dev.paymentsdr.service.backend.AdapterCatalog;
import dev.paymentsdr.service.backend.BackgroundRelay;
import dev.paymentsdr.service.backend.LedgerAdapters;
import dev.paymentsdr.service.health.ReadinessReport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the ledger (chosen by the configuration), the outbox relay to the event bus and the archive, the use cases
 * and the {@link PaymentApi} of one service instance (in-process use too).
 */
public final class PaymentServiceWiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentServiceWiring.class);

    private final ServiceConfig config;
    private final LedgerAdapters ledger;
    private final OutboxRelay relay;
    private final Optional<BackgroundRelay> backgroundRelay;
    private final List<AutoCloseable> sinks;
    private final PaymentApi api;

    private PaymentServiceWiring(ServiceConfig config, LedgerAdapters ledger, OutboxRelay relay,
                                 Optional<BackgroundRelay> backgroundRelay, List<AutoCloseable> sinks, PaymentApi api) {
        this.config = config;
        this.ledger = ledger;
        this.relay = relay;
        this.backgroundRelay = backgroundRelay;
        this.sinks = sinks;
        this.api = api;
    }

    /** Never fails because the database is down or read-only: readiness says so, and migration runs once writable. */
    public static PaymentServiceWiring create(ServiceConfig config) {
        return create(config, AdapterCatalog.load());
    }

    /** The same with the given adapter factories. */
    public static PaymentServiceWiring create(ServiceConfig config, AdapterCatalog adapters) {
        LedgerAdapters ledger = adapters.ledger(config, PaymentJson::render);
        List<AutoCloseable> sinks = new ArrayList<>();
        try {
            PaymentEventPublisher publisher = config.backends().eventBus()
                    .map(bus -> closeLater(adapters.eventPublisher(config.region(), bus), sinks))
                    .orElseGet(LogEventPublisher::new);
            TransactionLogArchive archive = config.backends().archive()
                    .map(location -> closeLater(adapters.archive(config.region(), location), sinks))
                    .orElse(TransactionLogArchive.NONE);
            OutboxRelay relay = new OutboxRelay(ledger.outbox(), publisher, archive, OutboxRelay.DEFAULT_BATCH_SIZE);
            PaymentQueryService queries = new PaymentQueryService(ledger.loader(), ledger.lister());
            PaymentApi api = new PaymentApi(
                    new CreatePaymentService(ledger.recorder(), Clock.systemUTC(), UUID::randomUUID, config.region()),
                    queries, queries, ledger.readiness(), new AmountPolicy(config.maxAmount()), config.region());
            // The first check migrates when the database is a writable primary; otherwise it only reports why not.
            ReadinessReport first = ledger.readiness().check();
            LOG.info("payment service wired for region {}: {} ledger, role {}, {}", config.region(),
                    config.backends().ledger().wireName(), first.role().wireName(), first.notReadyReason().orElse("ready"));
            Optional<BackgroundRelay> background = config.backends().backgroundRelay()
                    ? Optional.of(BackgroundRelay.start(relay, BackgroundRelay.INTERVAL)) : Optional.empty();
            return new PaymentServiceWiring(config, ledger, relay, background, sinks, api);
        } catch (RuntimeException e) {
            closeAll(sinks, e);
            ledger.close();
            throw e;
        }
    }

    private static <T> T closeLater(T adapter, List<AutoCloseable> closeables) {
        if (adapter instanceof AutoCloseable closeable) {
            closeables.add(closeable);
        }
        return adapter;
    }

    public PaymentApi api() {
        return api;
    }

    public ServiceConfig config() {
        return config;
    }

    /** The outbox relay: runs in the background unless PAYMENTS_RELAY=off; tests and the Lambda relay call it. */
    public OutboxRelay relay() {
        return relay;
    }

    /** The ledger's adapters (reconciliation and tests look payments up through them). */
    public LedgerAdapters ledger() {
        return ledger;
    }

    /** Stops the background relay (after one last pass), then closes the ledger and the event and archive clients. */
    @Override
    public void close() {
        try {
            backgroundRelay.ifPresent(BackgroundRelay::close);
        } finally {
            try {
                closeAll(sinks, null);
            } finally {
                ledger.close();
            }
        }
    }

    private static void closeAll(List<AutoCloseable> closeables, RuntimeException failure) {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else {
                    LOG.warn("closing {} failed: {}", closeable.getClass().getSimpleName(), e.toString());
                }
            }
        }
    }
}
