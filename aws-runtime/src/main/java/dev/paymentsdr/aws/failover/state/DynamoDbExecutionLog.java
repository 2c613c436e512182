package dev.paymentsdr.aws.failover.state;

import static dev.paymentsdr.aws.failover.state.StateTable.n;
import static dev.paymentsdr.aws.failover.state.StateTable.s;
import static dev.paymentsdr.aws.failover.state.StateTable.text;

import dev.paymentsdr.aws.failover.AwsFailoverException;
import dev.paymentsdr.failover.domain.model.ExecutionId;
import dev.paymentsdr.failover.domain.model.ExecutionRecord;
import dev.paymentsdr.failover.domain.model.FailoverMode;
import dev.paymentsdr.failover.domain.model.FailoverRequest;
import dev.paymentsdr.failover.domain.model.RecordType;
import dev.paymentsdr.failover.domain.model.RegionId;
import dev.paymentsdr.failover.domain.model.Step;
import dev.paymentsdr.failover.port.out.ExecutionHistory;
import dev.paymentsdr.failover.port.out.ExecutionLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The execution log as append-only DynamoDB items: one partition per execution ({@code execution#<id>}),
 * records numbered in order ({@code sk} 000001, 000002, ...) and written only where no item is yet, so a
 * record is never overwritten and the order is the order of appends, not of clocks. The start of each
 * execution is also indexed under {@code executions} by time, in the same transaction, to find the latest.
 */
public final class DynamoDbExecutionLog implements ExecutionLog, ExecutionHistory {
    private static final String INDEX = "executions";
    private static final int ATTEMPTS = 5;
    // fixed width, so the index sorts by time: Instant.toString drops zero fractions, and "00Z" sorted after "00.5Z"
    private static final java.time.format.DateTimeFormatter INDEX_TIME = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbExecutionLog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void append(ExecutionRecord record) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long next = lastSequence(record.executionId()) + 1;
            Map<String, AttributeValue> item = toItem(record, next);
            try {
                if (record.type() == RecordType.EXECUTION_STARTED) {
                    Map<String, AttributeValue> index = Map.of(StateTable.PK, s(INDEX),
                            StateTable.SK, s(INDEX_TIME.format(record.at()) + "#" + record.executionId().value()),
                            "executionId", s(record.executionId().value()), StateTable.TTL, item.get(StateTable.TTL));
                    dynamo.transactWriteItems(b -> b.transactItems(
                            t -> t.put(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(sk)")),
                            t -> t.put(p -> p.tableName(table).item(index))));
                } else {
                    dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(sk)"));
                }
                return;
            } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException
                     | TransactionCanceledException raced) {
                // another writer took this sequence number: read the end again
            } catch (SdkException e) {
                throw new AwsFailoverException("cannot append to the execution log in table " + table + ": " + e.getMessage(), e);
            }
        }
        throw new AwsFailoverException("cannot append to the execution log of " + record.executionId() + " in table " + table
                + ": " + ATTEMPTS + " concurrent appends won the same place");
    }

    @Override
    public List<ExecutionRecord> read(ExecutionId executionId) {
        List<ExecutionRecord> records = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        try {
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse page = dynamo.query(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(partition(executionId))))
                        .exclusiveStartKey(from));
                page.items().forEach(item -> records.add(fromItem(executionId, item)));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        } catch (SdkException e) {
            throw new AwsFailoverException("cannot read the execution log of " + executionId + " in table " + table + ": "
                    + e.getMessage(), e);
        }
        return records;
    }

    @Override
    public Optional<ExecutionId> latest() {
        try {
            return dynamo.query(b -> b.tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
                            .expressionAttributeValues(Map.of(":pk", s(INDEX))).scanIndexForward(false).limit(1))
                    .items().stream().findFirst().map(item -> new ExecutionId(text(item, "executionId")));
        } catch (SdkException e) {
            throw new AwsFailoverException("cannot read the execution index in table " + table + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<ExecutionId> recent(int limit) {
        ExecutionHistory.checkLimit(limit);
        List<ExecutionId> ids = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        try {
            // the index sorts by start time; a page may stop short of the limit (1 MB), so page until it is reached
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse page = dynamo.query(b -> b.tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(INDEX))).scanIndexForward(false).limit(limit)
                        .exclusiveStartKey(from));
                page.items().stream().map(item -> new ExecutionId(text(item, "executionId")))
                        .filter(id -> !ids.contains(id)).forEach(ids::add);
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null && ids.size() < limit);
        } catch (SdkException e) {
            throw new AwsFailoverException("cannot read the execution index in table " + table + ": " + e.getMessage(), e);
        }
        return List.copyOf(ids.subList(0, Math.min(limit, ids.size())));
    }

    private long lastSequence(ExecutionId executionId) {
        try {
            return dynamo.query(b -> b.tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
                            .expressionAttributeValues(Map.of(":pk", s(partition(executionId)))).scanIndexForward(false).limit(1))
                    .items().stream().findFirst().map(item -> Long.parseLong(text(item, StateTable.SK))).orElse(0L);
        } catch (SdkException e) {
            throw new AwsFailoverException("cannot read the execution log of " + executionId + " in table " + table + ": "
                    + e.getMessage(), e);
        }
    }

    private static String partition(ExecutionId id) {
        return "execution#" + id.value();
    }

    private static Map<String, AttributeValue> toItem(ExecutionRecord r, long sequence) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(StateTable.PK, s(partition(r.executionId())));
        item.put(StateTable.SK, s(String.format("%06d", sequence)));
        item.put("at", s(r.at().toString()));
        item.put("type", s(r.type().name()));
        if (r.step() != null) {
            item.put("step", s(r.step().name()));
        }
        item.put("detail", s(r.detail()));
        item.put(StateTable.TTL, n(r.at().plus(StateTable.RETENTION).getEpochSecond()));
        FailoverRequest q = r.request();
        if (q != null) {
            item.put("request", AttributeValue.builder().m(Map.of("mode", s(q.mode().name()), "from", s(q.from().name()),
                    "to", s(q.to().name()), "maxLagMillis", n(q.maxLag().toMillis()),
                    "allowDataLoss", AttributeValue.builder().bool(q.allowDataLoss()).build(),
                    "requestedBy", s(q.requestedBy()))).build());
        }
        return item;
    }

    private static ExecutionRecord fromItem(ExecutionId id, Map<String, AttributeValue> item) {
        FailoverRequest request = null;
        AttributeValue q = item.get("request");
        if (q != null && q.hasM()) {
            Map<String, AttributeValue> m = q.m();
            request = new FailoverRequest(id, FailoverMode.valueOf(text(m, "mode")), RegionId.of(text(m, "from")),
                    RegionId.of(text(m, "to")), Duration.ofMillis(StateTable.number(m, "maxLagMillis")),
                    Boolean.TRUE.equals(m.get("allowDataLoss").bool()), text(m, "requestedBy"));
        }
        String step = text(item, "step");
        return new ExecutionRecord(id, Instant.parse(text(item, "at")), RecordType.valueOf(text(item, "type")),
                step == null ? null : Step.valueOf(step), request, text(item, "detail"));
    }
}
