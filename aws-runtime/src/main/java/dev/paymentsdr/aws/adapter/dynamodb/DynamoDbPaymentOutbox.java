package dev.paymentsdr.aws.adapter.dynamodb;

import dev.paymentsdr.payments.domain.model.PaymentEvent;
import dev.paymentsdr.payments.port.out.PaymentOutboxPort;
import dev.paymentsdr.service.adapter.out.events.PaymentEventJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The DynamoDB ledger's outbox: the event items its transactions write, found through the sparse
 * {@link LedgerTable#PENDING_INDEX} index and deleted once relayed (the archive keeps them). This uses the same
 * transaction as the payment rather than the table's stream: the relay needs no stream consumer, checkpoint or
 * lease, and it runs the same way in the service, in Lambda and against moto.
 *
 * <p>Both regions of a global table see every event item. A region relays the events its own ledger recorded,
 * and takes over another region's events that stayed pending longer than {@link #TAKEOVER_AFTER} (that region is
 * down, or its relay is): after a region loss its replicated events are still delivered. Both regions may then
 * deliver one event; consumers drop the repeat by its event id.
 */
public final class DynamoDbPaymentOutbox implements PaymentOutboxPort {
    /** How long another region's event may wait before this region relays it. */
    public static final Duration TAKEOVER_AFTER = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbPaymentOutbox.class);
    private static final int PAGES_PER_SHARD = 5;
    private static final int BATCH_WRITE_LIMIT = 25;

    private final DynamoDbClient client;
    private final String table;
    private final String region;
    private final Clock clock;

    public DynamoDbPaymentOutbox(DynamoDbClient client, String table, String region, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.table = Objects.requireNonNull(table, "table");
        this.region = Objects.requireNonNull(region, "region");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized int relayPending(int max, Consumer<List<PaymentEvent>> relay) {
        List<Map<String, AttributeValue>> pending = new ArrayList<>();
        try {
            String cutoff = PaymentItems.timestamp(clock.instant().minus(TAKEOVER_AFTER));
            for (int shard = 0; shard < LedgerTable.PENDING_SHARDS; shard++) {
                pending.addAll(pendingOfShard("PENDING#" + shard, cutoff, max));
            }
        } catch (SdkException e) {
            throw DynamoDbFailures.translate(e, "reading pending events", table, region);
        }
        pending.sort(Comparator.comparing(item -> PaymentItems.text(item, LedgerTable.PENDING_SORT)));
        List<PaymentEvent> events = new ArrayList<>();
        List<Map<String, AttributeValue>> relayed = new ArrayList<>();
        for (Map<String, AttributeValue> item : pending.subList(0, Math.min(max, pending.size()))) {
            try {
                events.add(PaymentEventJson.parse(PaymentItems.text(item, "payload")));
                relayed.add(Map.of(LedgerTable.PK, item.get(LedgerTable.PK), LedgerTable.SK, item.get(LedgerTable.SK)));
            } catch (RuntimeException e) {
                // Left pending (and reported every pass) rather than deleted: an event is never dropped silently.
                LOG.error("outbox event {} cannot be read and stays pending: {}", item.get(LedgerTable.PK).s(), e.getMessage());
            }
        }
        if (events.isEmpty()) {
            return 0;
        }
        relay.accept(List.copyOf(events));
        delete(relayed);
        return events.size();
    }

    private List<Map<String, AttributeValue>> pendingOfShard(String shard, String cutoff, int max) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        for (int page = 0; page < PAGES_PER_SHARD && found.size() < max; page++) {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse response = client.query(q -> {
                q.tableName(table).indexName(LedgerTable.PENDING_INDEX)
                        .keyConditionExpression("#shard = :shard")
                        // Own events at once; another region's only once it has left them pending too long.
                        .filterExpression("originRegion = :region OR #sort < :cutoff")
                        .expressionAttributeNames(Map.of("#shard", LedgerTable.PENDING_SHARD, "#sort", LedgerTable.PENDING_SORT))
                        .expressionAttributeValues(Map.of(":shard", PaymentItems.s(shard), ":region", PaymentItems.s(region),
                                ":cutoff", PaymentItems.s(cutoff)))
                        .scanIndexForward(true)
                        .limit(max);
                if (exclusiveStart != null) {
                    q.exclusiveStartKey(exclusiveStart);
                }
            });
            found.addAll(response.items());
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                break;
            }
            start = response.lastEvaluatedKey();
        }
        return found;
    }

    /** Deletes relayed event items; what DynamoDB leaves unprocessed is retried, bounded by a deadline. */
    private void delete(List<Map<String, AttributeValue>> keys) {
        Instant deadline = clock.instant().plus(DynamoDbPaymentLedger.SETTLE_TIME);
        for (int i = 0; i < keys.size(); i += BATCH_WRITE_LIMIT) {
            List<WriteRequest> requests = new ArrayList<>();
            keys.subList(i, Math.min(keys.size(), i + BATCH_WRITE_LIMIT)).forEach(key ->
                    requests.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build()));
            while (!requests.isEmpty()) {
                BatchWriteItemResponse response;
                try {
                    List<WriteRequest> batch = List.copyOf(requests);
                    response = client.batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
                } catch (SdkException e) {
                    // The events were relayed; left pending they are relayed again (same ids), never lost.
                    throw DynamoDbFailures.translate(e, "marking events relayed", table, region);
                }
                requests.clear();
                requests.addAll(response.unprocessedItems().getOrDefault(table, List.of()));
                if (!requests.isEmpty() && !clock.instant().isBefore(deadline)) {
                    throw DynamoDbFailures.busy("marking " + requests.size() + " relayed events", region);
                }
            }
        }
    }
}
