package dev.paymentsdr.service.backend;

import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.port.out.PaymentEventPublisher;
import dev.paymentsdr.payments.port.out.TransactionLogArchive;
import dev.paymentsdr.payments.port.out.TransactionLogReader;
import dev.paymentsdr.service.ConfigException;
import dev.paymentsdr.service.ServiceConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;

/** The adapter factories on the class path, asked in turn; a setting no factory serves is a configuration error. */
public final class AdapterCatalog {
    private static final String AWS_MODULE = "the aws-runtime module (drctl and the Lambda jar include it)";
    private final List<PaymentAdapterFactory> factories;

    private AdapterCatalog(List<PaymentAdapterFactory> factories) {
        this.factories = List.copyOf(factories);
    }

    /** These factories, asked in this order (tests point the AWS adapters at an emulator this way). */
    public static AdapterCatalog of(List<PaymentAdapterFactory> factories) {
        return new AdapterCatalog(factories);
    }

    /** The factories registered under META-INF/services. */
    public static AdapterCatalog load() {
        return new AdapterCatalog(ServiceLoader.load(PaymentAdapterFactory.class).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    public LedgerAdapters ledger(ServiceConfig config, Function<Payment, String> responseBody) {
        return ledger(config, responseBody, null);
    }

    /** The same, with the ledger's own metrics (such as its connection pool's) in the given registry. */
    public LedgerAdapters ledger(ServiceConfig config, Function<Payment, String> responseBody, MeterRegistry metrics) {
        return first(f -> f.ledger(config, responseBody, metrics), "--ledger " + config.backends().ledger().wireName()
                + " needs " + AWS_MODULE + " on the class path");
    }

    public PaymentEventPublisher eventPublisher(String region, String eventBus) {
        return first(f -> f.eventPublisher(region, eventBus), "an event bus (" + eventBus + ") needs " + AWS_MODULE
                + " on the class path");
    }

    public TransactionLogArchive archive(String region, ArchiveLocation location) {
        return first(f -> f.archive(region, location), "the archive " + location + " needs " + AWS_MODULE
                + " on the class path");
    }

    public TransactionLogReader archiveReader(String region, ArchiveLocation location) {
        return first(f -> f.archiveReader(region, location), "reading the archive " + location + " needs " + AWS_MODULE
                + " on the class path");
    }

    private <T> T first(Function<PaymentAdapterFactory, Optional<T>> make, String missing) {
        for (PaymentAdapterFactory factory : factories) {
            Optional<T> made = make.apply(factory);
            if (made.isPresent()) {
                return made.get();
            }
        }
        throw new ConfigException(missing);
    }
}
