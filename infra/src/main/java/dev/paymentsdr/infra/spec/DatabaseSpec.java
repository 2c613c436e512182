package dev.paymentsdr.infra.spec;

import dev.paymentsdr.infra.config.DatabaseEngineChoice;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;

/**
 * The Aurora global database member of one region: engine and version, Serverless v2 capacity or a provisioned
 * instance class, readers, backup retention, cluster parameters and enhanced monitoring. Immutable; every
 * {@code with...} method validates and returns a copy.
 *
 * @param instanceClass provisioned instance class such as {@code r6g.large}; empty for Serverless v2
 */
public record DatabaseSpec(
        DatabaseEngineChoice engine,
        String fullVersion,
        String majorVersion,
        double minCapacity,
        double maxCapacity,
        Optional<String> instanceClass,
        int readers,
        int backupRetentionDays,
        Map<String, String> parameters,
        Duration monitoringInterval) {

    /** Validates ranges and copies the parameters. */
    public DatabaseSpec {
        parameters = Map.copyOf(new TreeMap<>(parameters));
        if (instanceClass.isEmpty() && (minCapacity < 0.5 || maxCapacity > 256 || minCapacity > maxCapacity)) {
            throw new IllegalArgumentException("Serverless v2 capacity must satisfy 0.5 <= min <= max <= 256 ACU, got "
                    + minCapacity + "-" + maxCapacity);
        }
        instanceClass.ifPresent(c -> {
            if (!c.matches("[a-z][a-z0-9]*\\.[0-9]*[a-z]+")) {
                throw new IllegalArgumentException("instance class '" + c + "' must look like r6g.large (without the db. prefix)");
            }
        });
        if (readers < 0 || readers > 15) {
            throw new IllegalArgumentException("readers must be 0-15 (Aurora allows 15 replicas), got " + readers);
        }
        if (backupRetentionDays < 1 || backupRetentionDays > 35) {
            throw new IllegalArgumentException("backup retention must be 1-35 days (point-in-time restore window), got " + backupRetentionDays);
        }
        long seconds = monitoringInterval.toSeconds().longValue();
        if (!java.util.List.of(1L, 5L, 10L, 15L, 30L, 60L).contains(seconds)) {
            throw new IllegalArgumentException("enhanced monitoring interval must be 1, 5, 10, 15, 30 or 60 s, got " + seconds);
        }
    }

    /** Aurora PostgreSQL 16 on Serverless v2 0.5-16 ACU, one reader, 7-day backups, enhanced monitoring every 60 s. */
    public static DatabaseSpec auroraPostgres() {
        return new DatabaseSpec(DatabaseEngineChoice.POSTGRESQL, "16.9", "16", 0.5, 16, Optional.empty(), 1, 7, Map.of(),
                Duration.seconds(60));
    }

    /** Aurora MySQL 3 (8.0 compatible) on Serverless v2 0.5-16 ACU, one reader, 7-day backups. */
    public static DatabaseSpec auroraMysql() {
        return new DatabaseSpec(DatabaseEngineChoice.MYSQL, "8.0.mysql_aurora.3.08.0", "8.0", 0.5, 16, Optional.empty(), 1, 7,
                Map.of(), Duration.seconds(60));
    }

    /** The default spec of {@code engine}. */
    public static DatabaseSpec of(DatabaseEngineChoice engine) {
        return engine == DatabaseEngineChoice.POSTGRESQL ? auroraPostgres() : auroraMysql();
    }

    /** Another engine version, e.g. {@code version("14.17", "14")}. */
    public DatabaseSpec version(String full, String major) {
        if (!full.startsWith(major)) {
            throw new IllegalArgumentException("engine version " + full + " does not belong to major version " + major);
        }
        return new DatabaseSpec(engine, full, major, minCapacity, maxCapacity, instanceClass, readers, backupRetentionDays,
                parameters, monitoringInterval);
    }

    /** Serverless v2 between {@code min} and {@code max} ACU. */
    public DatabaseSpec serverless(double min, double max) {
        return new DatabaseSpec(engine, fullVersion, majorVersion, min, max, Optional.empty(), readers, backupRetentionDays,
                parameters, monitoringInterval);
    }

    /** Provisioned instances of {@code instanceClass} (e.g. {@code r6g.large}). */
    public DatabaseSpec provisioned(String instanceClass) {
        return new DatabaseSpec(engine, fullVersion, majorVersion, minCapacity, maxCapacity, Optional.of(instanceClass), readers,
                backupRetentionDays, parameters, monitoringInterval);
    }

    /** Number of reader instances besides the writer. */
    public DatabaseSpec readers(int count) {
        return new DatabaseSpec(engine, fullVersion, majorVersion, minCapacity, maxCapacity, instanceClass, count,
                backupRetentionDays, parameters, monitoringInterval);
    }

    /** Backup retention, which is also the point-in-time restore window. */
    public DatabaseSpec backupRetentionDays(int days) {
        return new DatabaseSpec(engine, fullVersion, majorVersion, minCapacity, maxCapacity, instanceClass, readers, days,
                parameters, monitoringInterval);
    }

    /** Cluster parameters (a cluster parameter group is created when there are any). */
    public DatabaseSpec parameters(Map<String, String> values) {
        return new DatabaseSpec(engine, fullVersion, majorVersion, minCapacity, maxCapacity, instanceClass, readers,
                backupRetentionDays, values, monitoringInterval);
    }

    /** True for Serverless v2. */
    public boolean serverless() {
        return instanceClass.isEmpty();
    }

    /** Log types exported to CloudWatch Logs: all that the engine has. */
    public java.util.List<String> logExports() {
        return engine == DatabaseEngineChoice.POSTGRESQL ? java.util.List.of("postgresql")
                : java.util.List.of("audit", "error", "general", "slowquery");
    }

    /** The parameter-group family, e.g. {@code aurora-postgresql16} or {@code aurora-mysql8.0}. */
    public String parameterGroupFamily() {
        return (engine == DatabaseEngineChoice.POSTGRESQL ? "aurora-postgresql" : "aurora-mysql") + majorVersion;
    }
}
