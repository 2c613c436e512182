package dev.paymentsdr.service.adapter.out.persistence;

import dev.paymentsdr.payments.port.out.LedgerUnavailableException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the Flyway migrations once, as soon as the database is writable (a standby gets the schema by replication). */
public final class SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final Flyway flyway;
    /** Request paths try at most this often, so a standby does not run Flyway on every request. */
    private static final long RETRY_INTERVAL_NANOS = 5_000_000_000L;
    private final AtomicBoolean migrated = new AtomicBoolean();
    private final AtomicLong lastAttempt = new AtomicLong(System.nanoTime() - RETRY_INTERVAL_NANOS);

    public SchemaMigrator(DataSource dataSource, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.migrationLocation())
                .connectRetries(0)
                .load();
    }

    public boolean isMigrated() {
        return migrated.get();
    }

    /** The database this migrator's scripts are for. */
    public SqlDialect dialect() {
        return dialect;
    }

    /**
     * Before a ledger operation: migrates lazily (at most every 5 s). A read-only database refuses a write here
     * already, but may still serve reads (a standby has the schema by replication).
     *
     * @throws LedgerUnavailableException for a write on a read-only database, or when the database is unreachable
     */
    public void ensureUsable(boolean forWrite) {
        if (migrated.get()) {
            return;
        }
        try {
            tryMigrateOccasionally();
        } catch (RuntimeException e) {
            java.util.Optional<LedgerUnavailableException> unavailable = SqlFailures.unavailable(e, dialect);
            if (unavailable.isEmpty()) {
                throw e;
            }
            if (forWrite || unavailable.get().reason() == LedgerUnavailableException.Reason.UNREACHABLE) {
                throw unavailable.get();
            }
        }
    }

    /**
     * Like {@link #ensureMigrated()}, but skipped when another attempt started less than 5 s ago; returns
     * whether the schema is known to be migrated.
     */
    public boolean tryMigrateOccasionally() {
        if (migrated.get()) {
            return true;
        }
        long last = lastAttempt.get();
        if (System.nanoTime() - last < RETRY_INTERVAL_NANOS || !lastAttempt.compareAndSet(last, System.nanoTime())) {
            return false;
        }
        ensureMigrated();
        return true;
    }

    /**
     * On a read-only database (a standby, or a fenced primary) recognizes a schema that physical replication
     * already brought up to date, so that a promotion needs no migration on the failover path. Reads only;
     * at most once per 5 s; returns whether the schema is known to be migrated.
     */
    public boolean recognizeReplicatedSchema() {
        if (migrated.get()) {
            return true;
        }
        long last = lastAttempt.get();
        if (System.nanoTime() - last < RETRY_INTERVAL_NANOS || !lastAttempt.compareAndSet(last, System.nanoTime())) {
            return false;
        }
        try {
            MigrationInfoService info = flyway.info();
            if (info.current() != null && info.pending().length == 0) {
                migrated.set(true);
                LOG.info("replicated schema is at version {}: no migration needed after a promotion", info.current().getVersion());
            }
        } catch (RuntimeException e) {
            LOG.debug("cannot read the replicated schema history yet", e);
        }
        return migrated.get();
    }

    /** Migrates unless already done; throws the database failure when it cannot (the next call tries again). */
    public void ensureMigrated() {
        if (migrated.get()) {
            return;
        }
        synchronized (this) {
            lastAttempt.set(System.nanoTime());
            if (!migrated.get()) {
                requireWritable();
                var result = flyway.migrate();
                LOG.info("schema migrated: {} migration(s) applied, schema version {}",
                        result.migrationsExecuted, result.targetSchemaVersion == null ? "unchanged" : result.targetSchemaVersion);
                migrated.set(true);
            }
        }
    }

    /** Flyway takes seconds to give up on a read-only database; one query says so at once. */
    private void requireWritable() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(dialect.readOnlySql())) {
            row.next();
            if (row.getBoolean(1)) {
                throw new LedgerUnavailableException(LedgerUnavailableException.Reason.NOT_PRIMARY,
                        "the database is read-only; the schema is migrated once it is writable", null);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check whether the database is writable: SQLState " + e.getSQLState(), e);
        }
    }
}
