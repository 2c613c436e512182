package dev.paymentsdr.service;

import dev.paymentsdr.payments.application.CreatePaymentService;
import dev.paymentsdr.payments.application.OutboxRelay;
import dev.paymentsdr.payments.application.PaymentQueryService;
import dev.paymentsdr.payments.domain.model.AmountPolicy;
import dev.paymentsdr.payments.port.out.PaymentEventPublisher;
import dev.paymentsdr.payments.port.out.TransactionLogArchive;
import dev.paymentsdr.service.adapter.in.api.JsonLimits;
import dev.paymentsdr.service.adapter.in.api.PaymentApi;
import dev.paymentsdr.service.adapter.in.api.PaymentJson;
import dev.paymentsdr.service.adapter.out.events.LogEventPublisher;
import dev.paymentsdr.service.backend.AdapterCatalog;
import dev.paymentsdr.service.backend.BackgroundRelay;
import dev.paymentsdr.service.backend.LedgerAdapters;
import dev.paymentsdr.service.health.ReadinessProbe;
import dev.paymentsdr.service.health.ReadinessReport;
import dev.paymentsdr.service.metrics.ServiceMetrics;
import dev.paymentsdr.service.metrics.TimedLedger;
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
    private final ServiceMetrics metrics;

    private PaymentServiceWiring(ServiceConfig config, LedgerAdapters ledger, OutboxRelay relay,
                                 Optional<BackgroundRelay> backgroundRelay, List<AutoCloseable> sinks, PaymentApi api,
                                 ServiceMetrics metrics) {
        this.config = config;
        this.ledger = ledger;
        this.relay = relay;
        this.backgroundRelay = backgroundRelay;
        this.sinks = sinks;
        this.api = api;
        this.metrics = metrics;
    }

    /** Never fails because the database is down or read-only: readiness says so, and migration runs once writable. */
    public static PaymentServiceWiring create(ServiceConfig config) {
        return create(config, AdapterCatalog.load());
    }

    /** The same with the given adapter factories. */
    public static PaymentServiceWiring create(ServiceConfig config, AdapterCatalog adapters) {
        return create(config, adapters, JsonLimits.DEFAULTS);
    }

    /** As {@link #create(ServiceConfig)}, with request bodies parsed within the given limits. */
    public static PaymentServiceWiring create(ServiceConfig config, JsonLimits jsonLimits) {
        return create(config, AdapterCatalog.load(), jsonLimits);
    }

    /** The same with the given adapter factories and JSON limits. */
    public static PaymentServiceWiring create(ServiceConfig config, AdapterCatalog adapters, JsonLimits jsonLimits) {
        ServiceMetrics metrics = ServiceMetrics.create(config.region());
        LedgerAdapters ledger;
        try {
            ledger = adapters.ledger(config, PaymentJson::render, metrics.registry());
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
        List<AutoCloseable> sinks = new ArrayList<>();
        try {
            PaymentEventPublisher publisher = config.backends().eventBus()
                    .map(bus -> closeLater(adapters.eventPublisher(config.region(), bus), sinks))
                    .orElseGet(LogEventPublisher::new);
            TransactionLogArchive archive = config.backends().archive()
                    .map(location -> closeLater(adapters.archive(config.region(), location), sinks))
                    .orElse(TransactionLogArchive.NONE);
            OutboxRelay relay = new OutboxRelay(ledger.outbox(), publisher, archive, OutboxRelay.DEFAULT_BATCH_SIZE);
            // Every ledger's calls and readiness checks are measured the same way, whichever adapter serves them.
            TimedLedger timed = new TimedLedger(ledger.recorder(), ledger.loader(), ledger.lister(), metrics.registry());
            ReadinessProbe readiness = metrics.observed(ledger.readiness());
            PaymentQueryService queries = new PaymentQueryService(timed, timed);
            PaymentApi api = new PaymentApi(
                    new CreatePaymentService(timed, Clock.systemUTC(), UUID::randomUUID, config.region()),
                    queries, queries, readiness, new AmountPolicy(config.maxAmount()), config.region(), jsonLimits);
            // The first check migrates when the database is a writable primary; otherwise it only reports why not.
            ReadinessReport first = readiness.check();
            LOG.info("payment service wired for region {}: {} ledger, role {}, {}", config.region(),
                    config.backends().ledger().wireName(), first.role().wireName(), first.notReadyReason().orElse("ready"));
            Optional<BackgroundRelay> background = config.backends().backgroundRelay()
                    ? Optional.of(BackgroundRelay.start(relay, BackgroundRelay.INTERVAL)) : Optional.empty();
            return new PaymentServiceWiring(config, ledger, relay, background, sinks, api, metrics);
        } catch (RuntimeException e) {
            closeAll(sinks, e);
            ledger.close();
            metrics.close();
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

    /** The instance's metrics: requests, ledger, pool, readiness, replication, JVM. */
    public ServiceMetrics metrics() {
        return metrics;
    }

    /** Stops the background relay (after one last pass), then closes the ledger, the event and archive clients, the metrics. */
    @Override
    public void close() {
        try {
            backgroundRelay.ifPresent(BackgroundRelay::close);
        } finally {
            try {
                closeAll(sinks, null);
            } finally {
                try {
                    ledger.close();
                } finally {
                    metrics.close();
                }
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
