package dev.paymentsdr.aws.lambda.failover.readiness;

import dev.paymentsdr.aws.failover.AwsClients;
import dev.paymentsdr.failover.domain.model.RegionId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * AWS's replication where moto has none: every 50 ms, the canary items of a table and the canary objects of a
 * bucket are copied to the other region's table and bucket, as a global table and S3 replication would.
 */
final class StandInReplication implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stand-in-replication");
        t.setDaemon(true);
        return t;
    });

    StandInReplication(AwsClients clients, String table, Map<RegionId, String> buckets) {
        List<RegionId> regions = List.copyOf(buckets.keySet());
        timer.scheduleWithFixedDelay(() -> {
            for (RegionId from : regions) {
                RegionId to = regions.stream().filter(r -> !r.equals(from)).findFirst().orElseThrow();
                try {
                    for (Map<String, AttributeValue> item : clients.dynamoDb(from).query(b -> b.tableName(table)
                            .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk",
                                    AttributeValue.builder().s("readiness#canary").build()))).items()) {
                        clients.dynamoDb(to).putItem(b -> b.tableName(table).item(item));
                    }
                    for (S3Object object : clients.s3(from).listObjectsV2(b -> b.bucket(buckets.get(from))
                            .prefix(BucketCanary.PREFIX)).contents()) {
                        byte[] body = clients.s3(from).getObjectAsBytes(b -> b.bucket(buckets.get(from)).key(object.key()))
                                .asByteArray();
                        clients.s3(to).putObject(b -> b.bucket(buckets.get(to)).key(object.key()), RequestBody.fromBytes(body));
                    }
                } catch (RuntimeException e) {
                    // the next round tries again, as replication does
                }
            }
        }, 0, 50, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
