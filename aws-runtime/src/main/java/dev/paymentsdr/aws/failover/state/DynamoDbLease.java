package dev.paymentsdr.aws.failover.state;

import static dev.paymentsdr.aws.failover.state.StateTable.n;
import static dev.paymentsdr.aws.failover.state.StateTable.s;

import dev.paymentsdr.aws.failover.AwsFailoverException;
import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.LeaseHolder;
import dev.paymentsdr.failover.port.out.Lease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The lease as one DynamoDB item taken with a conditional write: free when absent or expired, so an
 * orchestrator that died is replaced once its lease runs out (Patroni's leader key with a TTL). Each
 * acquisition gets a random token; renewing or releasing needs that token, so a holder whose lease
 * expired and was taken by another learns it at its next renewal and stops.
 */
public final class DynamoDbLease implements Lease {
    private static final String KEY = "lease";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Map<ExecutionId, String> tokens = new ConcurrentHashMap<>();

    public DynamoDbLease(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Attempt tryAcquire(ExecutionId executionId, String owner, Duration ttl) {
        // the holder may release between our refused write and our read of it: then try again, a few times
        for (int attempt = 0; attempt < 3; attempt++) {
            if (put(executionId, owner, ttl)) {
                return Attempt.granted();
            }
            Optional<LeaseHolder> holder = holder();
            if (holder.isPresent()) {
                return Attempt.refused(holder.get());
            }
        }
        throw new AwsFailoverException("the failover lease in table " + table + " changed hands three times while "
                + executionId + " tried to take it; try again");
    }

    private boolean put(ExecutionId executionId, String owner, Duration ttl) {
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        Map<String, AttributeValue> item = new HashMap<>(key());
        item.put("executionId", s(executionId.value()));
        item.put("owner", s(owner));
        item.put("token", s(token));
        item.put("leaseUntil", n(now.plus(ttl).toEpochMilli()));
        item.put(StateTable.TTL, n(now.plus(ttl).plus(Duration.ofDays(1)).getEpochSecond()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#pk) OR leaseUntil < :now")
                    .expressionAttributeNames(Map.of("#pk", StateTable.PK))
                    .expressionAttributeValues(Map.of(":now", n(now.toEpochMilli()))));
            tokens.put(executionId, token);
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        } catch (SdkException e) {
            throw new AwsFailoverException("cannot take the failover lease in table " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void renew(ExecutionId executionId, Duration ttl) {
        String token = tokens.get(executionId);
        if (token == null) {
            throw lost(executionId);
        }
        Instant until = clock.instant().plus(ttl);
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key())
                    .updateExpression("SET leaseUntil = :until, #ttl = :ttl")
                    .conditionExpression("#token = :token")
                    .expressionAttributeNames(Map.of("#ttl", StateTable.TTL, "#token", "token"))
                    .expressionAttributeValues(Map.of(":until", n(until.toEpochMilli()),
                            ":ttl", n(until.plus(Duration.ofDays(1)).getEpochSecond()), ":token", s(token))));
        } catch (ConditionalCheckFailedException e) {
            tokens.remove(executionId);
            throw lost(executionId);
        } catch (SdkException e) {
            throw new AwsFailoverException("cannot renew the failover lease in table " + table + " (" + e.getMessage()
                    + "); stopping so that two orchestrators never act at once", e);
        }
    }

    private IllegalStateException lost(ExecutionId executionId) {
        return new IllegalStateException("the failover lease in table " + table + " is no longer held by " + executionId
                + "; stopping so that two orchestrators never act at once");
    }

    @Override
    public void release(ExecutionId executionId) {
        String token = tokens.remove(executionId);
        if (token == null) {
            return;
        }
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(key()).conditionExpression("#token = :token")
                    .expressionAttributeNames(Map.of("#token", "token"))
                    .expressionAttributeValues(Map.of(":token", s(token))));
        } catch (ConditionalCheckFailedException e) {
            // someone else holds it now: nothing of ours to release
        } catch (SdkException e) {
            throw new AwsFailoverException("cannot release the failover lease in table " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<LeaseHolder> holder() {
        Map<String, AttributeValue> item;
        try {
            item = dynamo.getItem(b -> b.tableName(table).key(key()).consistentRead(true)).item();
        } catch (SdkException e) {
            throw new AwsFailoverException("cannot read the failover lease in table " + table + ": " + e.getMessage(), e);
        }
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Instant until = Instant.ofEpochMilli(StateTable.number(item, "leaseUntil"));
        if (until.isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new LeaseHolder(new ExecutionId(StateTable.text(item, "executionId")),
                StateTable.text(item, "owner"), until));
    }

    private static Map<String, AttributeValue> key() {
        return Map.of(StateTable.PK, s(KEY), StateTable.SK, s(KEY));
    }
}
