package dev.paymentsdr.aws.adapter.dynamodb;

import dev.paymentsdr.contract.LedgerTableLayout;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The DynamoDB ledger's single-table layout (names from the contract's {@link LedgerTableLayout}, which the stacks
 * create the table from): the key schema of the stacks' global table ({@code pk}, {@code sk},
 * both strings) plus two global secondary indexes. One item per payment, per idempotency key and per pending event:
 *
 * <pre>
 * pk                        sk            index keys
 * PAYMENT#&lt;uuid&gt;            PAYMENT       customerKey = CUSTOMER#&lt;customerId&gt;, customerSort = &lt;createdAt&gt;#&lt;uuid&gt;
 * IDEMPOTENCY#&lt;key&gt;         IDEMPOTENCY
 * EVENT#&lt;eventId&gt;           EVENT         pendingShard = PENDING#&lt;0..3&gt;, pendingSort = &lt;createdAt&gt;#&lt;eventId&gt; (until relayed)
 * </pre>
 */
public final class LedgerTable {
    public static final String PK = LedgerTableLayout.PARTITION_KEY;
    public static final String SK = LedgerTableLayout.SORT_KEY;
    /** Newest-first listing of a customer's payments. */
    public static final String CUSTOMER_INDEX = LedgerTableLayout.BY_CUSTOMER.name();
    public static final String CUSTOMER_KEY = LedgerTableLayout.BY_CUSTOMER.partitionKey();
    public static final String CUSTOMER_SORT = LedgerTableLayout.BY_CUSTOMER.sortKey();
    /** Events not relayed yet (a sparse index: relayed events leave it). */
    public static final String PENDING_INDEX = LedgerTableLayout.PENDING_EVENTS.name();
    public static final String PENDING_SHARD = LedgerTableLayout.PENDING_EVENTS.partitionKey();
    public static final String PENDING_SORT = LedgerTableLayout.PENDING_EVENTS.sortKey();
    /** Pending events spread over this many index partitions, so a busy region does not make one hot partition. */
    public static final int PENDING_SHARDS = 4;

    private LedgerTable() {
    }

    /** The table as the ledger needs it (on-demand, streams on), for tests and for creating it by hand. */
    public static CreateTableRequest definition(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(LedgerTableLayout.keyAttributes().stream().map(LedgerTable::string).toList())
                .keySchema(hash(PK), range(SK))
                .globalSecondaryIndexes(LedgerTableLayout.indexes().stream()
                        .map(i -> index(i.name(), i.partitionKey(), i.sortKey())).toList())
                .streamSpecification(StreamSpecification.builder().streamEnabled(true)
                        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build())
                .build();
    }

    private static GlobalSecondaryIndex index(String name, String hash, String range) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(hash(hash), range(range))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }
}
