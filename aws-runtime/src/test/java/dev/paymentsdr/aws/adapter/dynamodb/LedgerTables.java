package dev.paymentsdr.aws.adapter.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** Test helpers on a ledger table in moto: create it, count and list items by kind, empty it. */
public final class LedgerTables {
    private LedgerTables() {
    }

    public static void create(DynamoDbClient client, String table) {
        client.createTable(LedgerTable.definition(table));
    }

    /** Every item whose pk starts with {@code prefix} (PAYMENT#, IDEMPOTENCY#, EVENT#). */
    public static List<Map<String, AttributeValue>> items(DynamoDbClient client, String table, String prefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            ScanResponse page = client.scan(b -> {
                b.tableName(table).consistentRead(true).filterExpression("begins_with(pk, :p)")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(prefix)));
                if (exclusiveStart != null) {
                    b.exclusiveStartKey(exclusiveStart);
                }
            });
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    public static void empty(DynamoDbClient client, String table) {
        for (Map<String, AttributeValue> item : items(client, table, "")) {
            client.deleteItem(b -> b.tableName(table).key(Map.of(LedgerTable.PK, item.get(LedgerTable.PK),
                    LedgerTable.SK, item.get(LedgerTable.SK))));
        }
    }
}
