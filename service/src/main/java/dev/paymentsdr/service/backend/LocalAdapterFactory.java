package dev.paymentsdr.service.backend;

import com.zaxxer.hikari.HikariDataSource;
import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.port.out.TransactionLogArchive;
import dev.paymentsdr.payments.port.out.TransactionLogReader;
import dev.paymentsdr.service.ServiceConfig;
import dev.paymentsdr.service.adapter.out.archive.DirectoryTransactionLogArchive;
import dev.paymentsdr.service.adapter.out.archive.DirectoryTransactionLogReader;
import dev.paymentsdr.service.adapter.out.persistence.DataSources;
import dev.paymentsdr.service.adapter.out.persistence.JdbcPaymentLedger;
import dev.paymentsdr.service.adapter.out.persistence.JdbcPaymentOutbox;
import dev.paymentsdr.service.adapter.out.persistence.JdbcReadinessProbe;
import dev.paymentsdr.service.adapter.out.persistence.SchemaMigrator;
import dev.paymentsdr.service.adapter.out.persistence.SqlDialect;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntConsumer;

/** The adapters the service module has itself: the JDBC ledger and the directory archive. */
public final class LocalAdapterFactory implements PaymentAdapterFactory {

    @Override
    public Optional<LedgerAdapters> ledger(ServiceConfig config, Function<Payment, String> responseBody) {
        return ledger(config, responseBody, null);
    }

    @Override
    public Optional<LedgerAdapters> ledger(ServiceConfig config, Function<Payment, String> responseBody,
                                           MeterRegistry metrics) {
        if (config.backends().ledger() != LedgerKind.JDBC) {
            return Optional.empty();
        }
        SqlDialect dialect = SqlDialect.forUrl(config.dbUrl()).orElseThrow();
        HikariDataSource pool = DataSources.pool(config.dbUrl(), config.dbUser(), config.dbPassword(),
                config.dbPoolSize(), config.region(), metrics);
        SchemaMigrator migrator = new SchemaMigrator(pool, dialect);
        // Readiness has a connection of its own, outside any pool: see JdbcReadinessProbe.
        JdbcReadinessProbe readiness = new JdbcReadinessProbe(DataSources.direct(config.dbUrl(), config.dbUser(),
                config.dbPassword(), config.region() + "-health"), migrator);
        IntConsumer batchSizes = metrics == null ? size -> { } : DistributionSummary.builder("payments.ledger.commit.payments")
                .description("payments per committed ledger transaction (concurrent payments share one: group commit)")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64).register(metrics)::record;
        JdbcPaymentLedger ledger = new JdbcPaymentLedger(pool, migrator, responseBody,
                JdbcPaymentLedger.writersFor(config.dbPoolSize()), batchSizes);
        return Optional.of(new LedgerAdapters(ledger, ledger, ledger, ledger,
                new JdbcPaymentOutbox(pool, migrator, Clock.systemUTC()),
                readiness,
                () -> {
                    try {
                        pool.close();
                    } finally {
                        readiness.close();
                    }
                }));
    }

    @Override
    public Optional<TransactionLogArchive> archive(String region, ArchiveLocation location) {
        return location instanceof ArchiveLocation.Directory dir
                ? Optional.of(new DirectoryTransactionLogArchive(dir.path(), region, Clock.systemUTC()))
                : Optional.empty();
    }

    @Override
    public Optional<TransactionLogReader> archiveReader(String region, ArchiveLocation location) {
        return location instanceof ArchiveLocation.Directory dir
                ? Optional.of(new DirectoryTransactionLogReader(dir.path()))
                : Optional.empty();
    }
}
