package dev.paymentsdr.service.adapter.out.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;

/** Builds the HikariCP pool: never fails when the database is down, recovers by itself when it comes back. */
public final class DataSources {
    /** URLs with this prefix go through the AWS Advanced JDBC Wrapper (Aurora PostgreSQL failover awareness). */
    public static final String AWS_WRAPPER_PREFIX = PostgresDialect.WRAPPER_PREFIX;
    /** The same for Aurora MySQL. */
    public static final String AWS_WRAPPER_MYSQL_PREFIX = MySqlDialect.WRAPPER_PREFIX;

    private DataSources() {
    }

    /**
     * @param name pool and application name suffix, e.g. the region (shows in pg_stat_activity)
     * @throws IllegalArgumentException for a URL of a database the ledger does not support
     */
    public static HikariDataSource pool(String jdbcUrl, String user, String password, int poolSize, String name) {
        return pool(jdbcUrl, user, password, poolSize, name, null);
    }

    /** As above, with the pool's own metrics (connections, acquire and usage times) in the given registry. */
    public static HikariDataSource pool(String jdbcUrl, String user, String password, int poolSize, String name,
                                        MeterRegistry metrics) {
        SqlDialect dialect = SqlDialect.forUrl(jdbcUrl).orElseThrow(() -> new IllegalArgumentException(
                "unsupported database URL; accepted: " + SqlDialect.ACCEPTED_URLS));
        HikariConfig config = new HikariConfig();
        if (metrics != null) {
            config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
        }
        config.setPoolName("payments-" + name);
        config.setJdbcUrl(jdbcUrl);
        if (jdbcUrl.startsWith(dialect.wrapperPrefix())) {
            config.setDriverClassName("software.amazon.jdbc.Driver");
            // failover: reconnects to the new writer after an Aurora failover; efm2: detects a dead host quickly.
            config.addDataSourceProperty("wrapperPlugins", "failover,efm2");
        } else {
            config.setDriverClassName(dialect.driverClass());
        }
        dialect.driverProperties(name).forEach(config::addDataSourceProperty);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        // Connections are opened on demand: with the database down there is no background refill loop to
        // hold up shutdown (HikariCP waits up to 5 s for one), and idle connections are kept for 10 minutes.
        config.setMinimumIdle(0);
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        // Start even when the database is unreachable: readiness reports it and the pool retries on demand.
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }
}
