package dev.paymentsdr.aws.failover.state;

import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The layout of the failover state table, shared by the lease and the execution log: partition key
 * {@code pk} and sort key {@code sk} (both strings), and {@code expiresAt} (epoch seconds) as the table's
 * TTL attribute so old items go away by themselves.
 */
public final class StateTable {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String TTL = "expiresAt";
    /** How long execution records are kept. */
    public static final Duration RETENTION = Duration.ofDays(90);

    private StateTable() {
    }

    /** A string attribute. */
    public static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    /** A number attribute. */
    public static AttributeValue n(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }

    /** A string attribute's value, or null. */
    public static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    /** A number attribute's value, or 0. */
    public static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }
}
