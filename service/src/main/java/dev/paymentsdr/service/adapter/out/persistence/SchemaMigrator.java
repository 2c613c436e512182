package dev.paymentsdr.service.adapter.out.persistence;

import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the Flyway migrations once, as soon as the database is writable (a standby gets the schema by replication). */
public final class SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
    private final Flyway flyway;
    private final AtomicBoolean migrated = new AtomicBoolean();

    public SchemaMigrator(DataSource dataSource) {
        this.flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .connectRetries(0)
                .load();
    }

    public boolean isMigrated() {
        return migrated.get();
    }

    /** Migrates unless already done; throws the database failure when it cannot (the next call tries again). */
    public void ensureMigrated() {
        if (migrated.get()) {
            return;
        }
        synchronized (this) {
            if (!migrated.get()) {
                var result = flyway.migrate();
                LOG.info("schema migrated: {} migration(s) applied, schema version {}",
                        result.migrationsExecuted, result.targetSchemaVersion == null ? "unchanged" : result.targetSchemaVersion);
                migrated.set(true);
            }
        }
    }
}
