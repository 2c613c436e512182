package dev.paymentsdr.aws.lambda.failover.monitor;

import static dev.paymentsdr.aws.failover.state.StateTable.n;
import static dev.paymentsdr.aws.failover.state.StateTable.s;

import dev.paymentsdr.aws.failover.AwsFailoverException;
import dev.paymentsdr.aws.failover.state.StateTable;
import dev.paymentsdr.failover.domain.model.RegionId;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The monitor's memory in the failover state table, in the monitor's own region (its replica of the table, so a
 * monitor keeps counting while the other region is down): one item per observing region, written only over the
 * version it read.
 */
public final class MonitorStateTable {
    /** A monitor that stops checking leaves its memory for a week. */
    static final Duration KEEP = Duration.ofDays(7);

    private final DynamoDbClient dynamo;
    private final String table;
    private final RegionId observer;
    private final Clock clock;

    public MonitorStateTable(DynamoDbClient dynamo, String table, RegionId observer, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.observer = observer;
        this.clock = clock;
    }

    public MonitorState read() {
        Map<String, AttributeValue> item;
        try {
            item = dynamo.getItem(b -> b.tableName(table).key(key()).consistentRead(true)).item();
        } catch (SdkException e) {
            throw new AwsFailoverException("cannot read the monitor's state in table " + table + " in " + observer + ": "
                    + e.getMessage(), e);
        }
        if (item == null || item.isEmpty()) {
            return MonitorState.initial();
        }
        return new MonitorState(text(item, "activeRegion"), (int) StateTable.number(item, "failures"),
                item.containsKey("conditions") ? java.util.Set.copyOf(item.get("conditions").l().stream().map(AttributeValue::s).toList())
                        : java.util.Set.of(),
                text(item, "triggeredFor"), text(item, "triggeredExecution"), StateTable.number(item, "version"));
    }

    /** Writes {@code next} (its version one above the one read); false when another invocation wrote first. */
    public boolean write(MonitorState next) {
        Map<String, AttributeValue> item = new HashMap<>(key());
        next.activeRegion().ifPresent(v -> item.put("activeRegion", s(v)));
        item.put("failures", n(next.failures()));
        item.put("conditions", AttributeValue.builder().l(next.conditions().stream().sorted().map(StateTable::s).toList()).build());
        next.triggeredFor().ifPresent(v -> item.put("triggeredFor", s(v)));
        next.triggeredExecution().ifPresent(v -> item.put("triggeredExecution", s(v)));
        item.put("version", n(next.version()));
        item.put("updatedAt", s(clock.instant().toString()));
        item.put(StateTable.TTL, n(clock.instant().plus(KEEP).getEpochSecond()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#pk) OR version = :read")
                    .expressionAttributeNames(Map.of("#pk", StateTable.PK))
                    .expressionAttributeValues(Map.of(":read", n(next.version() - 1))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw new AwsFailoverException("cannot write the monitor's state in table " + table + " in " + observer + ": "
                    + e.getMessage(), e);
        }
    }

    private Map<String, AttributeValue> key() {
        return Map.of(StateTable.PK, s("monitor#" + observer), StateTable.SK, s("state"));
    }

    private static Optional<String> text(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(StateTable.text(item, name));
    }
}
