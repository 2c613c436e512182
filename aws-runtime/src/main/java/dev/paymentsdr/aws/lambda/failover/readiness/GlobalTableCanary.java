package dev.paymentsdr.aws.lambda.failover.readiness;

import static dev.paymentsdr.aws.failover.state.StateTable.n;
import static dev.paymentsdr.aws.failover.state.StateTable.s;

import dev.paymentsdr.aws.failover.AwsFailoverException;
import dev.paymentsdr.aws.failover.Waiter;
import dev.paymentsdr.aws.failover.Waiter.Check;
import dev.paymentsdr.aws.failover.state.StateTable;
import dev.paymentsdr.failover.domain.model.RegionId;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The global table's replication, seen as a client would: a canary item written in this region and read in the
 * other region's replica within the time limit, then deleted (the delete replicates too). Items expire after a day.
 */
final class GlobalTableCanary {
    private final Function<RegionId, DynamoDbClient> dynamo;
    private final String table;
    private final Waiter waiter;
    private final Clock clock;

    GlobalTableCanary(Function<RegionId, DynamoDbClient> dynamo, String table, Waiter waiter, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.waiter = waiter;
        this.clock = clock;
    }

    String run(RegionId from, RegionId to, String runId, Duration timeout) {
        Map<String, AttributeValue> key = Map.of(StateTable.PK, s("readiness#canary"), StateTable.SK, s(from + "#" + runId));
        Map<String, AttributeValue> item = new java.util.HashMap<>(key);
        item.put("writtenIn", s(from.name()));
        item.put("writtenAt", s(clock.instant().toString()));
        item.put(StateTable.TTL, n(clock.instant().plus(Duration.ofDays(1)).getEpochSecond()));
        try {
            dynamo.apply(from).putItem(b -> b.tableName(table).item(item));
        } catch (SdkException e) {
            throw new AwsFailoverException("cannot write the canary item to table " + table + " in " + from + ": " + e.getMessage(), e);
        }
        java.time.Instant started = clock.instant();
        waiter.until("the canary item written in " + from + " appearing in table " + table + " in " + to, timeout, () -> {
            try {
                Map<String, AttributeValue> found = dynamo.apply(to).getItem(b -> b.tableName(table).key(key)).item();
                return found != null && !found.isEmpty() ? Check.done(true) : Check.notYet("not there yet");
            } catch (SdkException e) {
                return Check.notYet("GetItem in " + to + " failed: " + e.getMessage());
            }
        });
        long millis = Duration.between(started, clock.instant()).toMillis();
        try {
            dynamo.apply(from).deleteItem(b -> b.tableName(table).key(key));
        } catch (SdkException e) {
            // the item expires by itself within a day
        }
        return "item written in " + from + " was read in " + to + " after " + millis + " ms";
    }
}
