package dev.paymentsdr.service.backend;

import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.port.out.PaymentEventPublisher;
import dev.paymentsdr.payments.port.out.TransactionLogArchive;
import dev.paymentsdr.payments.port.out.TransactionLogReader;
import dev.paymentsdr.service.ServiceConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.function.Function;

/**
 * Makes outbound adapters; found with {@link java.util.ServiceLoader}, so that the service chooses the DynamoDB,
 * EventBridge and S3 adapters of the aws-runtime module by configuration without depending on AWS types. Every
 * method answers empty for what its factory does not make.
 */
public interface PaymentAdapterFactory {

    /**
     * The ledger the configuration names.
     *
     * @param responseBody renders the 201 response stored with the idempotency record
     */
    default Optional<LedgerAdapters> ledger(ServiceConfig config, Function<Payment, String> responseBody) {
        return Optional.empty();
    }

    /**
     * The same, with a registry for the ledger's own metrics (a JDBC ledger's pool); a factory that has none to
     * report answers as {@link #ledger(ServiceConfig, Function)}.
     *
     * @param metrics the service's registry, or null for none
     */
    default Optional<LedgerAdapters> ledger(ServiceConfig config, Function<Payment, String> responseBody,
                                            MeterRegistry metrics) {
        return ledger(config, responseBody);
    }

    /** A publisher to the named event bus of the region. */
    default Optional<PaymentEventPublisher> eventPublisher(String region, String eventBus) {
        return Optional.empty();
    }

    /** A writer of the archive at that location. */
    default Optional<TransactionLogArchive> archive(String region, ArchiveLocation location) {
        return Optional.empty();
    }

    /** A reader of the archive at that location (reconciliation). */
    default Optional<TransactionLogReader> archiveReader(String region, ArchiveLocation location) {
        return Optional.empty();
    }
}
