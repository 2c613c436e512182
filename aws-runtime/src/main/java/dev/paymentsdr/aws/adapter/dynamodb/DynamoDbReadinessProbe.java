package dev.paymentsdr.aws.adapter.dynamodb;

import dev.paymentsdr.service.health.DatabaseRole;
import dev.paymentsdr.service.health.ReadinessProbe;
import dev.paymentsdr.service.health.ReadinessReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Readiness of the DynamoDB ledger in this region: the table exists here and is ACTIVE (or UPDATING, which still
 * takes writes), and a consistent read of one key answers. The table description (with the global table's
 * replicas) is fetched at most every 10 s, since DescribeTable is a control-plane call; the read runs every time.
 * A global table takes writes in every region, so a ready region reports the role "primary".
 */
public final class DynamoDbReadinessProbe implements ReadinessProbe {
    private static final Duration DESCRIBE_INTERVAL = Duration.ofSeconds(10);
    private static final Duration CALL_TIMEOUT = Duration.ofMillis(1500);
    private static final Set<TableStatus> WRITABLE = Set.of(TableStatus.ACTIVE, TableStatus.UPDATING);

    private final DynamoDbClient client;
    private final String table;
    private final String region;
    private final Clock clock;
    private TableDescription description;
    private Instant describedAt = Instant.MIN;

    public DynamoDbReadinessProbe(DynamoDbClient client, String table, String region, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.table = Objects.requireNonNull(table, "table");
        this.region = Objects.requireNonNull(region, "region");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized ReadinessReport check() {
        try {
            if (description == null || !clock.instant().isBefore(describedAt.plus(DESCRIBE_INTERVAL))) {
                description = client.describeTable(b -> b.tableName(table)
                        .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT))).table();
                describedAt = clock.instant();
            }
            Map<String, Object> replication = replication(description);
            if (!WRITABLE.contains(description.tableStatus())) {
                return ReadinessReport.notReady(DatabaseRole.UNKNOWN, "DynamoDB table " + table + " in " + region + " is "
                        + description.tableStatusAsString() + ", not ACTIVE", replication);
            }
            client.getItem(b -> b.tableName(table).key(PaymentItems.recordKey(
                    new dev.paymentsdr.payments.domain.model.IdempotencyKey("readiness-probe"))).consistentRead(true)
                    .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT)));
            return ReadinessReport.ready(replication);
        } catch (ResourceNotFoundException e) {
            description = null;
            return ReadinessReport.notReady(DatabaseRole.UNKNOWN, "DynamoDB table " + table + " does not exist in " + region,
                    Map.of());
        } catch (SdkException e) {
            description = null;
            return ReadinessReport.notReady(DatabaseRole.UNKNOWN, "DynamoDB in " + region + " cannot be reached: "
                    + e.getClass().getSimpleName(), Map.of());
        }
    }

    private static Map<String, Object> replication(TableDescription table) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("table", table.tableName());
        facts.put("tableStatus", table.tableStatusAsString());
        List<Map<String, Object>> replicas = table.hasReplicas()
                ? table.replicas().stream().map(r -> Map.<String, Object>of("region", r.regionName(),
                        "status", r.replicaStatusAsString() == null ? "unknown" : r.replicaStatusAsString())).toList()
                : List.of();
        facts.put("replicas", replicas);
        facts.put("conflictResolution", "last writer wins (global table)");
        return facts;
    }
}
