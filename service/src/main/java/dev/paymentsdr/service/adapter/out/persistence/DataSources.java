package dev.paymentsdr.service.adapter.out.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import com.zaxxer.hikari.util.DriverDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Properties;
import javax.sql.DataSource;

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
        SqlDialect dialect = dialect(jdbcUrl);
        HikariConfig config = new HikariConfig();
        if (metrics != null) {
            config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
        }
        config.setPoolName("payments-" + name);
        config.setJdbcUrl(jdbcUrl);
        config.setDriverClassName(driverClass(dialect, jdbcUrl));
        config.setDataSourceProperties(driverProperties(dialect, jdbcUrl, name));
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

    /**
     * A data source without a pool, configured as {@link #pool} is: each {@code getConnection} opens a connection, so
     * a database that refuses connections fails the call at once (a pool waits its connection timeout, retrying).
     */
    public static DataSource direct(String jdbcUrl, String user, String password, String name) {
        SqlDialect dialect = dialect(jdbcUrl);
        return new DriverDataSource(jdbcUrl, driverClass(dialect, jdbcUrl), driverProperties(dialect, jdbcUrl, name),
                user, password);
    }

    private static SqlDialect dialect(String jdbcUrl) {
        return SqlDialect.forUrl(jdbcUrl).orElseThrow(() -> new IllegalArgumentException(
                "unsupported database URL; accepted: " + SqlDialect.ACCEPTED_URLS));
    }

    private static String driverClass(SqlDialect dialect, String jdbcUrl) {
        return jdbcUrl.startsWith(dialect.wrapperPrefix()) ? "software.amazon.jdbc.Driver" : dialect.driverClass();
    }

    private static Properties driverProperties(SqlDialect dialect, String jdbcUrl, String name) {
        Properties properties = new Properties();
        if (jdbcUrl.startsWith(dialect.wrapperPrefix())) {
            // failover: reconnects to the new writer after an Aurora failover; efm2: detects a dead host quickly.
            properties.setProperty("wrapperPlugins", "failover,efm2");
        }
        properties.putAll(dialect.driverProperties(name));
        return properties;
    }
}
