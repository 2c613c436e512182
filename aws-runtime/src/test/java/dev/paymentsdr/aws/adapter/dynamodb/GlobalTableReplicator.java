package dev.paymentsdr.aws.adapter.dynamodb;

import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stands in for DynamoDB global table replication between two moto regions (moto keeps regions apart and does not
 * replicate): copies items from one region's table to the other's, item by item, last writer wins by the items'
 * {@code createdAt} (the time of the write that created them). Tests choose which items travel and when, which is
 * how they open the conflict window.
 */
final class GlobalTableReplicator {
    private final String table;

    GlobalTableReplicator(String table) {
        this.table = table;
    }

    /** Copies the items of {@code from} whose pk matches to {@code to}; returns how many were written. */
    int replicate(DynamoDbClient from, DynamoDbClient to, Predicate<String> pk) {
        int written = 0;
        for (Map<String, AttributeValue> item : LedgerTables.items(from, table, "")) {
            if (!pk.test(item.get(LedgerTable.PK).s())) {
                continue;
            }
            Map<String, AttributeValue> key = Map.of(LedgerTable.PK, item.get(LedgerTable.PK), LedgerTable.SK, item.get(LedgerTable.SK));
            Map<String, AttributeValue> there = to.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
            if (there == null || there.isEmpty() || isLater(item, there)) {
                to.putItem(b -> b.tableName(table).item(item));
                written++;
            }
        }
        return written;
    }

    private static boolean isLater(Map<String, AttributeValue> candidate, Map<String, AttributeValue> existing) {
        AttributeValue a = candidate.get("createdAt");
        AttributeValue b = existing.get("createdAt");
        return a != null && b != null && a.s().compareTo(b.s()) > 0;
    }
}
