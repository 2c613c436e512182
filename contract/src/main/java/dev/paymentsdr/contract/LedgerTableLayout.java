package dev.paymentsdr.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * The key schema and the global secondary indexes of the DynamoDB ledger's table ({@link RuntimeVariable#PAYMENTS_TABLE}):
 * the stacks create the table with them, the runtime reads and writes through them. Every key attribute is a string and
 * every index projects all attributes.
 */
public final class LedgerTableLayout {
    /** Partition key of the table. */
    public static final String PARTITION_KEY = "pk";
    /** Sort key of the table. */
    public static final String SORT_KEY = "sk";
    /** Newest-first listing of a customer's payments. */
    public static final Index BY_CUSTOMER = new Index("by-customer", "customerKey", "customerSort");
    /** Events not relayed yet (a sparse index: relayed events leave it). */
    public static final Index PENDING_EVENTS = new Index("pending-events", "pendingShard", "pendingSort");

    /** One global secondary index: its name, partition key and sort key (strings, all attributes projected). */
    public record Index(String name, String partitionKey, String sortKey) {
    }

    private LedgerTableLayout() {
    }

    /** The indexes, in the order the table declares them. */
    public static List<Index> indexes() {
        return List.of(BY_CUSTOMER, PENDING_EVENTS);
    }

    /** Every key attribute of the table and its indexes (each a string), the table's own first. */
    public static List<String> keyAttributes() {
        List<String> names = new ArrayList<>(List.of(PARTITION_KEY, SORT_KEY));
        for (Index index : indexes()) {
            names.add(index.partitionKey());
            names.add(index.sortKey());
        }
        return List.copyOf(names);
    }
}
