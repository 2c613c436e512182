package dev.paymentsdr.infra.constructs;

import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.Billing;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ReplicaTableProps;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.TableEncryptionV2;
import software.amazon.awscdk.services.dynamodb.TableV2;
import software.constructs.Construct;

/**
 * A DynamoDB global table (on-demand, point-in-time recovery, streams) with a replica in the other region;
 * it holds session state and idempotency keys that must survive a region loss.
 */
public final class GlobalTable extends Construct {
    private final TableV2 table;

    /** Creates the table named {@code tableName} in this stack's region with a replica in {@code replicaRegion}. */
    public GlobalTable(Construct scope, String id, String tableName, String replicaRegion, boolean deletionProtection) {
        super(scope, id);
        table = TableV2.Builder.create(this, "Table")
                .tableName(tableName)
                .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name("sk").type(AttributeType.STRING).build())
                .billing(Billing.onDemand())
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
                .dynamoStream(StreamViewType.NEW_AND_OLD_IMAGES)
                .timeToLiveAttribute("expiresAt")
                // AWS-managed KMS key: a customer key would need the other region's key ARN at synth time.
                .encryption(TableEncryptionV2.awsManagedKey())
                .replicas(List.of(ReplicaTableProps.builder().region(replicaRegion).build()))
                .deletionProtection(deletionProtection)
                .removalPolicy(deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
    }

    /** The global table (its name is the same in both regions). */
    public TableV2 table() {
        return table;
    }
}
