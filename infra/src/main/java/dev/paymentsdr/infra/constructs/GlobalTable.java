package dev.paymentsdr.infra.constructs;

import dev.paymentsdr.contract.LedgerTableLayout;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.CfnCondition;
import software.amazon.awscdk.CfnDeletionPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.CfnGlobalTable;
import software.constructs.Construct;

/**
 * A DynamoDB global table (on-demand, point-in-time recovery, streams with new and old images) with a replica in the
 * other region; it holds the records that must survive a region loss. Its keys are the contract's
 * ({@link LedgerTableLayout}: string {@code pk}, {@code sk}), with the global secondary indexes the builder names. Written at the CloudFormation level so that
 * a region-agnostic template (the CloudFormation seed, deployed in either region) can create it too.
 */
public final class GlobalTable extends Construct {
    private final CfnGlobalTable table;
    private final String tableName;

    private GlobalTable(Builder b) {
        super(b.scope, b.id);
        this.tableName = b.tableName;
        CfnGlobalTable.ReplicaSpecificationProperty here = replica(Stack.of(this).getRegion(), b.deletionProtection);
        CfnGlobalTable.ReplicaSpecificationProperty there = replica(b.replicaRegion, b.deletionProtection);
        table = CfnGlobalTable.Builder.create(this, "Table")
                .tableName(b.tableName)
                .attributeDefinitions(attributes(b.indexes))
                .keySchema(keys(LedgerTableLayout.PARTITION_KEY, LedgerTableLayout.SORT_KEY))
                .globalSecondaryIndexes(b.indexes.isEmpty() ? null : b.indexes.stream().map(i -> CfnGlobalTable.GlobalSecondaryIndexProperty
                        .builder().indexName(i.name()).keySchema(keys(i.partitionKey(), i.sortKey()))
                        .projection(CfnGlobalTable.ProjectionProperty.builder().projectionType("ALL").build()).build()).toList())
                .billingMode("PAY_PER_REQUEST")
                .streamSpecification(CfnGlobalTable.StreamSpecificationProperty.builder().streamViewType("NEW_AND_OLD_IMAGES").build())
                .timeToLiveSpecification(CfnGlobalTable.TimeToLiveSpecificationProperty.builder()
                        .attributeName("expiresAt").enabled(true).build())
                // AWS-managed KMS key: a customer key would need the other region's key ARN at synth time.
                .sseSpecification(CfnGlobalTable.SSESpecificationProperty.builder().sseEnabled(true).sseType("KMS").build())
                .replicas(List.of(there, here))
                .build();
        CfnDeletionPolicy policy = b.deletionProtection ? CfnDeletionPolicy.RETAIN : CfnDeletionPolicy.DELETE;
        table.getCfnOptions().setDeletionPolicy(policy);
        table.getCfnOptions().setUpdateReplacePolicy(policy);
        if (b.createWhen != null) {
            table.getCfnOptions().setCondition(b.createWhen);
        }
    }

    /** The string attributes of the table's keys and of {@code indexes}' keys. */
    private static List<CfnGlobalTable.AttributeDefinitionProperty> attributes(List<LedgerTableLayout.Index> indexes) {
        List<String> names = new ArrayList<>(List.of(LedgerTableLayout.PARTITION_KEY, LedgerTableLayout.SORT_KEY));
        indexes.forEach(i -> names.addAll(List.of(i.partitionKey(), i.sortKey())));
        return names.stream().distinct().map(n -> CfnGlobalTable.AttributeDefinitionProperty.builder().attributeName(n)
                .attributeType("S").build()).toList();
    }

    private static List<CfnGlobalTable.KeySchemaProperty> keys(String partitionKey, String sortKey) {
        return List.of(CfnGlobalTable.KeySchemaProperty.builder().attributeName(partitionKey).keyType("HASH").build(),
                CfnGlobalTable.KeySchemaProperty.builder().attributeName(sortKey).keyType("RANGE").build());
    }

    private static CfnGlobalTable.ReplicaSpecificationProperty replica(String region, boolean deletionProtection) {
        return CfnGlobalTable.ReplicaSpecificationProperty.builder()
                .region(region)
                .pointInTimeRecoverySpecification(CfnGlobalTable.PointInTimeRecoverySpecificationProperty.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .deletionProtectionEnabled(deletionProtection)
                .build();
    }

    /** The table name (the same in both regions). */
    public String tableName() {
        return tableName;
    }

    /** ARN of this region's replica (named, so it needs no reference to the table resource). */
    public String tableArn() {
        return Stack.of(this).formatArn(software.amazon.awscdk.ArnComponents.builder()
                .service("dynamodb").resource("table").resourceName(tableName).build());
    }

    /** The CloudFormation resource. */
    public CfnGlobalTable table() {
        return table;
    }

    /** Builder of {@link GlobalTable}. */
    public static final class Builder {
        private final Construct scope;
        private final String id;
        private String tableName;
        private String replicaRegion;
        private boolean deletionProtection = true;
        private CfnCondition createWhen;
        private List<LedgerTableLayout.Index> indexes = List.of();

        private Builder(Construct scope, String id) {
            this.scope = scope;
            this.id = id;
        }

        /** Starts the table {@code id} under {@code scope}. */
        public static Builder create(Construct scope, String id) {
            return new Builder(scope, id);
        }

        /** Table name, the same in both regions. */
        public Builder tableName(String value) { this.tableName = value; return this; }
        /** The region of the replica. */
        public Builder replicaRegion(String value) { this.replicaRegion = value; return this; }
        /** Deletion protection of both replicas (false also deletes the table with the stack). */
        public Builder deletionProtection(boolean value) { this.deletionProtection = value; return this; }
        /** Global secondary indexes (string keys, all attributes projected): the ledger's are {@link LedgerTableLayout#indexes()}. */
        public Builder indexes(List<LedgerTableLayout.Index> value) { this.indexes = List.copyOf(value); return this; }
        /** Creates the table only where {@code condition} holds (in the primary's deployment of a shared template). */
        public Builder createOnlyWhen(CfnCondition condition) { this.createWhen = condition; return this; }

        /** Creates the table. */
        public GlobalTable build() {
            if (tableName == null || replicaRegion == null) {
                throw new IllegalArgumentException("GlobalTable " + id + " needs tableName(..) and replicaRegion(..)");
            }
            return new GlobalTable(this);
        }
    }
}
