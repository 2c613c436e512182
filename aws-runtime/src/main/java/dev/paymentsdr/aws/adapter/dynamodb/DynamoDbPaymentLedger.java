package dev.paymentsdr.aws.adapter.dynamodb;

import dev.paymentsdr.payments.domain.model.CustomerId;
import dev.paymentsdr.payments.domain.model.IdempotencyKey;
import dev.paymentsdr.payments.domain.model.PageCursor;
import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.domain.model.PaymentEvent;
import dev.paymentsdr.payments.domain.model.PaymentId;
import dev.paymentsdr.payments.domain.model.RequestFingerprint;
import dev.paymentsdr.payments.port.out.LedgerLookupPort;
import dev.paymentsdr.payments.port.out.ListPaymentsPort;
import dev.paymentsdr.payments.port.out.LoadPaymentPort;
import dev.paymentsdr.payments.port.out.RecordOutcome;
import dev.paymentsdr.payments.port.out.RecordPaymentPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;

/**
 * The payment ledger in a DynamoDB table (a global table on AWS): the idempotency record, the payment and its
 * payment.created event are written by one TransactWriteItems whose every part requires that its item does not
 * exist yet, so exactly one request per key succeeds; the others are cancelled and read the winner.
 *
 * <p>Global tables replicate each item on its own, last writer wins, and a transaction is atomic only in its own
 * region. So a replica can briefly hold an idempotency record whose payment has not arrived yet: a replay then
 * waits up to a second for it and otherwise answers "unavailable, retry" instead of guessing.
 */
public final class DynamoDbPaymentLedger implements RecordPaymentPort, LoadPaymentPort, ListPaymentsPort, LedgerLookupPort {
    /** How long a write keeps retrying transaction conflicts, and a replay waits for a replicating payment. */
    static final Duration SETTLE_TIME = Duration.ofSeconds(3);
    private static final String CONFLICT = "TransactionConflict";
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final int BATCH_GET_LIMIT = 100;

    private final DynamoDbClient client;
    private final String table;
    private final String region;
    private final Clock clock;
    private final Pause pause;

    public DynamoDbPaymentLedger(DynamoDbClient client, String table, String region) {
        this(client, table, region, Clock.systemUTC(), Pause.SLEEP);
    }

    DynamoDbPaymentLedger(DynamoDbClient client, String table, String region, Clock clock, Pause pause) {
        this.client = Objects.requireNonNull(client, "client");
        this.table = Objects.requireNonNull(table, "table");
        this.region = Objects.requireNonNull(region, "region");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    @Override
    public RecordOutcome recordIfAbsent(Payment payment, RequestFingerprint fingerprint) {
        TransactWriteItemsRequest request = TransactWriteItemsRequest.builder().transactItems(
                putIfAbsent(PaymentItems.record(payment, fingerprint), true),
                putIfAbsent(PaymentItems.payment(payment), false),
                putIfAbsent(PaymentItems.event(PaymentEvent.created(payment)), false)).build();
        Instant deadline = clock.instant().plus(SETTLE_TIME);
        for (int attempt = 1; ; attempt++) {
            try {
                client.transactWriteItems(request);
                return new RecordOutcome.Recorded(payment);
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                if (!reasons.isEmpty() && CONDITION_FAILED.equals(reasons.get(0).code())) {
                    return existing(payment.idempotencyKey(), reasons.get(0).hasItem() ? reasons.get(0).item() : null);
                }
                if (reasons.stream().noneMatch(r -> CONFLICT.equals(r.code()))) {
                    throw DynamoDbFailures.translate(e, "recording a payment", table, region);
                }
                // Another transaction holds one of the items (a concurrent request with the same key): try again.
                backOff(attempt, deadline, "recording the payment under key " + payment.idempotencyKey());
            } catch (TransactionInProgressException e) {
                backOff(attempt, deadline, "recording the payment under key " + payment.idempotencyKey());
            } catch (SdkException e) {
                throw DynamoDbFailures.translate(e, "recording a payment", table, region);
            }
        }
    }

    private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item, boolean returnExisting) {
        Put.Builder put = Put.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(pk)");
        if (returnExisting) {
            put.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    /** The payment recorded under the key, waiting briefly for one still replicating from the other region. */
    private RecordOutcome existing(IdempotencyKey key, Map<String, AttributeValue> returnedRecord) {
        Map<String, AttributeValue> record = returnedRecord != null && returnedRecord.containsKey("paymentId")
                ? returnedRecord : getItem(PaymentItems.recordKey(key)).orElseThrow(() -> new IllegalStateException(
                        "idempotency key " + key + " conflicted but its record is missing"));
        PaymentId id = new PaymentId(UUID.fromString(PaymentItems.text(record, "paymentId")));
        RequestFingerprint fingerprint = new RequestFingerprint(PaymentItems.text(record, "requestHash"));
        Instant deadline = clock.instant().plus(SETTLE_TIME);
        for (int attempt = 1; ; attempt++) {
            Optional<Map<String, AttributeValue>> item = getItem(PaymentItems.paymentKey(id));
            if (item.isPresent()) {
                return new RecordOutcome.AlreadyRecorded(PaymentItems.payment(item.get()), fingerprint);
            }
            backOff(attempt, deadline, "payment " + id + " of key " + key + " (recorded in "
                    + PaymentItems.text(record, "region") + ") replicating to " + region);
        }
    }

    private void backOff(int attempt, Instant deadline, String what) {
        if (!clock.instant().isBefore(deadline)) {
            throw DynamoDbFailures.busy(what, region);
        }
        long ceiling = Math.min(200, 10L << Math.min(attempt, 5));
        try {
            pause.pause(Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DynamoDbFailures.busy(what, region);
        }
    }

    @Override
    public Optional<Payment> load(PaymentId id) {
        return getItem(PaymentItems.paymentKey(id)).map(PaymentItems::payment);
    }

    @Override
    public List<Payment> listNewestFirst(CustomerId customerId, Optional<PageCursor> after, int limit) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(LedgerTable.CUSTOMER_INDEX)
                .keyConditionExpression("#c = :c")
                .expressionAttributeNames(Map.of("#c", LedgerTable.CUSTOMER_KEY))
                .expressionAttributeValues(Map.of(":c", PaymentItems.s(PaymentItems.customerKey(customerId))))
                .scanIndexForward(false)
                .limit(limit);
        after.ifPresent(cursor -> {
            // The position after the cursor's payment: its index key and table key, whether or not it still exists.
            Map<String, AttributeValue> start = new HashMap<>(PaymentItems.paymentKey(cursor.id()));
            start.put(LedgerTable.CUSTOMER_KEY, PaymentItems.s(PaymentItems.customerKey(customerId)));
            start.put(LedgerTable.CUSTOMER_SORT, PaymentItems.s(PaymentItems.customerSort(cursor.createdAt(), cursor.id())));
            query.exclusiveStartKey(start);
        });
        try {
            List<Payment> payments = new ArrayList<>(limit);
            client.query(query.build()).items().forEach(item -> payments.add(PaymentItems.payment(item)));
            return payments;
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(e, "listing payments", table, region);
        }
    }

    @Override
    public Set<PaymentId> presentIds(Collection<PaymentId> ids) {
        Set<PaymentId> present = new HashSet<>();
        batchGet(ids.stream().distinct().map(PaymentItems::paymentKey).toList(), "paymentId").forEach(item ->
                present.add(new PaymentId(UUID.fromString(PaymentItems.text(item, "paymentId")))));
        return present;
    }

    @Override
    public Map<IdempotencyKey, PaymentId> paymentIdsByKey(Collection<IdempotencyKey> keys) {
        Map<IdempotencyKey, PaymentId> found = new HashMap<>();
        batchGet(keys.stream().distinct().map(PaymentItems::recordKey).toList(), "pk, paymentId").forEach(item ->
                found.put(new IdempotencyKey(PaymentItems.text(item, LedgerTable.PK).substring("IDEMPOTENCY#".length())),
                        new PaymentId(UUID.fromString(PaymentItems.text(item, "paymentId")))));
        return found;
    }

    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys, String projection) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> pending = new ArrayList<>(keys.subList(i, Math.min(keys.size(), i + BATCH_GET_LIMIT)));
            Instant deadline = clock.instant().plus(SETTLE_TIME);
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                BatchGetItemResponse response;
                try {
                    response = client.batchGetItem(b -> b.requestItems(Map.of(table, KeysAndAttributes.builder()
                            .keys(pending).consistentRead(true).projectionExpression(projection).build())));
                } catch (SdkException e) {
                    throw DynamoDbFailures.translate(e, "looking payments up", table, region);
                }
                items.addAll(response.responses().getOrDefault(table, List.of()));
                KeysAndAttributes unprocessed = response.unprocessedKeys().get(table);
                if (unprocessed == null || unprocessed.keys().isEmpty()) {
                    break;
                }
                pendingRetry(unprocessed.keys(), pending);
                backOff(attempt, deadline, "a batch read");
            }
        }
        return items;
    }

    private static void pendingRetry(List<Map<String, AttributeValue>> unprocessed, List<Map<String, AttributeValue>> pending) {
        // BatchGetItem hands back what it did not read; only those are asked again.
        List<Map<String, AttributeValue>> again = new ArrayList<>(unprocessed);
        pending.clear();
        pending.addAll(again);
    }

    private Optional<Map<String, AttributeValue>> getItem(Map<String, AttributeValue> key) {
        try {
            var response = client.getItem(b -> b.tableName(table).key(key).consistentRead(true));
            return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(e, "reading a payment", table, region);
        }
    }
}
