package dev.paymentsdr.service;

import com.zaxxer.hikari.HikariDataSource;
import dev.paymentsdr.payments.application.CreatePaymentService;
import dev.paymentsdr.payments.application.PaymentQueryService;
import dev.paymentsdr.payments.domain.model.AmountPolicy;
import dev.paymentsdr.service.adapter.in.api.JsonLimits;
import dev.paymentsdr.service.adapter.in.api.PaymentApi;
import dev.paymentsdr.service.adapter.in.api.PaymentJson;
import dev.paymentsdr.service.adapter.out.persistence.DataSources;
import dev.paymentsdr.service.adapter.out.persistence.JdbcPaymentLedger;
import dev.paymentsdr.service.adapter.out.persistence.JdbcReadinessProbe;
import dev.paymentsdr.service.adapter.out.persistence.SchemaMigrator;
import dev.paymentsdr.service.health.ReadinessProbe;
import dev.paymentsdr.service.health.ReadinessReport;
import dev.paymentsdr.service.metrics.ServiceMetrics;
import dev.paymentsdr.service.metrics.TimedLedger;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the pool, migrations, ledger, use cases and {@link PaymentApi} of one service instance (in-process use too). */
public final class PaymentServiceWiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentServiceWiring.class);

    private final ServiceConfig config;
    private final HikariDataSource dataSource;
    private final HikariDataSource healthDataSource;
    private final PaymentApi api;
    private final ServiceMetrics metrics;

    private PaymentServiceWiring(ServiceConfig config, HikariDataSource dataSource, HikariDataSource healthDataSource,
                                 PaymentApi api, ServiceMetrics metrics) {
        this.config = config;
        this.dataSource = dataSource;
        this.healthDataSource = healthDataSource;
        this.api = api;
        this.metrics = metrics;
    }

    /** Never fails because the database is down or read-only: readiness says so, and migration runs once writable. */
    public static PaymentServiceWiring create(ServiceConfig config) {
        return create(config, JsonLimits.DEFAULTS);
    }

    /** As {@link #create(ServiceConfig)}, with request bodies parsed within the given limits. */
    public static PaymentServiceWiring create(ServiceConfig config, JsonLimits jsonLimits) {
        ServiceMetrics metrics = ServiceMetrics.create(config.region());
        HikariDataSource dataSource = DataSources.pool(config.dbUrl(), config.dbUser(), config.dbPassword(),
                config.dbPoolSize(), config.region(), metrics.registry());
        // Readiness has a connection of its own: a saturated payment pool must not make the region look down.
        HikariDataSource healthDataSource = DataSources.pool(config.dbUrl(), config.dbUser(), config.dbPassword(),
                1, config.region() + "-health");
        SchemaMigrator migrator = new SchemaMigrator(dataSource);
        JdbcPaymentLedger jdbcLedger = new JdbcPaymentLedger(dataSource, migrator, PaymentJson::render);
        TimedLedger ledger = new TimedLedger(jdbcLedger, jdbcLedger, jdbcLedger, metrics.registry());
        ReadinessProbe readiness = metrics.observed(new JdbcReadinessProbe(healthDataSource, migrator));
        PaymentQueryService queries = new PaymentQueryService(ledger, ledger);
        PaymentApi api = new PaymentApi(
                new CreatePaymentService(ledger, Clock.systemUTC(), UUID::randomUUID, config.region()),
                queries, queries, readiness, new AmountPolicy(config.maxAmount()), config.region(), jsonLimits);
        // The first check migrates when the database is a writable primary; otherwise it only reports why not.
        ReadinessReport first = readiness.check();
        LOG.info("payment service wired for region {}: database role {}, {}", config.region(), first.role().wireName(),
                first.notReadyReason().orElse("ready"));
        return new PaymentServiceWiring(config, dataSource, healthDataSource, api, metrics);
    }

    public PaymentApi api() {
        return api;
    }

    public ServiceConfig config() {
        return config;
    }

    /** The instance's metrics: requests, ledger, pool, readiness, replication, JVM. */
    public ServiceMetrics metrics() {
        return metrics;
    }

    /** Closes the connection pools and the metrics. */
    @Override
    public void close() {
        try {
            dataSource.close();
        } finally {
            healthDataSource.close();
            metrics.close();
        }
    }
}
