package dev.paymentsdr.aws.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.aws.adapter.AwsAdapterFactory;
import dev.paymentsdr.aws.adapter.AwsClients;
import dev.paymentsdr.aws.testing.MotoServer;
import dev.paymentsdr.payments.domain.model.PaymentEvent;
import dev.paymentsdr.service.PaymentServiceWiring;
import dev.paymentsdr.service.testing.Closeables;
import dev.paymentsdr.service.ServiceConfig;
import dev.paymentsdr.service.adapter.in.api.ApiRequest;
import dev.paymentsdr.service.adapter.in.api.ApiResponse;
import dev.paymentsdr.service.backend.AdapterCatalog;
import dev.paymentsdr.service.backend.Backends;
import dev.paymentsdr.service.backend.LedgerKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A key replayed in the other region of a global table after a failover, with two regional endpoints: two moto
 * regions (us-east-1, us-east-2) of one moto server, and {@link GlobalTableReplicator} standing in for the
 * replication moto does not do. Outside the conflict window the replay returns the original payment; inside it
 * the other region takes a second payment, and the idempotency record converges on the later one.
 */
class DynamoDbGlobalTableIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "payments-ledger-global";
    private static final String BODY = "{\"customerId\":\"c1\",\"amount\":\"25.00\",\"currency\":\"USD\"}";
    private static MotoServer moto;
    private static DynamoDbClient east1;
    private static DynamoDbClient east2;
    private static PaymentServiceWiring primary;
    private static PaymentServiceWiring secondary;
    private final GlobalTableReplicator replication = new GlobalTableReplicator(TABLE);

    @BeforeAll
    static void start() {
        moto = MotoServer.start();
        AwsClients clients = new AwsClients(Optional.of(moto.endpoint()), Optional.of(moto.credentials()));
        east1 = clients.dynamoDb("us-east-1");
        east2 = clients.dynamoDb("us-east-2");
        LedgerTables.create(east1, TABLE);
        LedgerTables.create(east2, TABLE);
        AdapterCatalog adapters = AdapterCatalog.of(List.of(new AwsAdapterFactory(clients)));
        primary = PaymentServiceWiring.create(config("us-east-1"), adapters);
        secondary = PaymentServiceWiring.create(config("us-east-2"), adapters);
    }

    private static ServiceConfig config(String region) {
        return new ServiceConfig(region, "127.0.0.1", 0, null, null, null, 10, new BigDecimal("1000000"),
                new Backends(LedgerKind.DYNAMODB, Optional.of(TABLE), Optional.empty(), Optional.empty(), false));
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(primary, secondary, east1, east2, moto);
    }

    @BeforeEach
    void emptyBothRegions() {
        LedgerTables.empty(east1, TABLE);
        LedgerTables.empty(east2, TABLE);
    }

    private static ApiResponse pay(PaymentServiceWiring region, String key) {
        return region.api().handle(new ApiRequest("POST", "/v1/payments", Map.of(),
                Map.of("Content-Type", "application/json", "Idempotency-Key", key), BODY.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode json(ApiResponse response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void eachRegionChecksItsOwnTableAndReportsReady() throws Exception {
        JsonNode ready = json(secondary.api().handle(new ApiRequest("GET", "/health/ready", Map.of(), Map.of(), null)));

        assertThat(ready.get("status").asText()).isEqualTo("ready");
        assertThat(ready.get("region").asText()).isEqualTo("us-east-2");
        assertThat(ready.at("/replication/table").asText()).isEqualTo(TABLE);
        assertThat(ready.at("/replication/conflictResolution").asText()).contains("last writer wins");
    }

    @Test
    void givenAKeyThatReplicated_whenReplayedInTheOtherRegion_thenTheOriginalPaymentIsReturned() throws Exception {
        JsonNode original = json(pay(primary, "global-replayed-1"));
        replication.replicate(east1, east2, pk -> true);

        ApiResponse replay = pay(secondary, "global-replayed-1");

        assertThat(replay.status()).isEqualTo(200);
        assertThat(json(replay).get("id")).isEqualTo(original.get("id"));
        assertThat(json(replay).get("region").asText()).isEqualTo("us-east-1");
        assertThat(LedgerTables.items(east2, TABLE, "PAYMENT#")).hasSize(1);
    }

    @Test
    void givenAKeyReplayedInTheOtherRegionInsideTheConflictWindow_thenTwoPaymentsExistAndTheKeyConvergesOnTheLaterOne()
            throws Exception {
        JsonNode first = json(pay(primary, "global-window-1"));
        // The failover happens before the key replicated: the other region has never seen it.
        ApiResponse second = pay(secondary, "global-window-1");
        assertThat(second.status()).isEqualTo(201);
        assertThat(json(second).get("id")).isNotEqualTo(first.get("id"));

        replication.replicate(east1, east2, pk -> true);
        replication.replicate(east2, east1, pk -> true);

        for (PaymentServiceWiring region : List.of(primary, secondary)) {
            ApiResponse replay = pay(region, "global-window-1");
            assertThat(replay.status()).isEqualTo(200);
            assertThat(json(replay).get("id")).isEqualTo(json(second).get("id"));
        }
        // Neither payment is lost: the earlier one stays, its key now naming the later one.
        assertThat(LedgerTables.items(east1, TABLE, "PAYMENT#")).hasSize(2);
        assertThat(LedgerTables.items(east2, TABLE, "PAYMENT#")).hasSize(2);
    }

    @Test
    void givenARecordThatArrivedBeforeItsPayment_thenAReplayAnswersRetryRatherThanGuessing() throws Exception {
        JsonNode original = json(pay(primary, "global-order-1"));
        replication.replicate(east1, east2, pk -> pk.startsWith("IDEMPOTENCY#"));

        ApiResponse early = pay(secondary, "global-order-1");
        assertThat(early.status()).isEqualTo(503);
        assertThat(json(early).at("/error/code").asText()).isEqualTo("database_unavailable");
        assertThat(LedgerTables.items(east2, TABLE, "PAYMENT#")).isEmpty();

        replication.replicate(east1, east2, pk -> pk.startsWith("PAYMENT#"));
        ApiResponse replay = pay(secondary, "global-order-1");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(json(replay).get("id")).isEqualTo(original.get("id"));
    }

    @Test
    void anotherRegionsPendingEventIsRelayedHereOnlyAfterTheTakeoverDelay() throws Exception {
        String id = json(pay(primary, "global-takeover-1")).get("id").asText();
        replication.replicate(east1, east2, pk -> pk.startsWith("EVENT#"));
        List<PaymentEvent> relayed = new ArrayList<>();

        DynamoDbPaymentOutbox now = new DynamoDbPaymentOutbox(east2, TABLE, "us-east-2", Clock.systemUTC());
        assertThat(now.relayPending(10, relayed::addAll)).isZero();
        assertThat(secondary.relay().relayOnce()).isZero();

        DynamoDbPaymentOutbox later = new DynamoDbPaymentOutbox(east2, TABLE, "us-east-2",
                Clock.offset(Clock.systemUTC(), DynamoDbPaymentOutbox.TAKEOVER_AFTER.plus(Duration.ofSeconds(1))));
        assertThat(later.relayPending(10, relayed::addAll)).isEqualTo(1);
        assertThat(relayed).singleElement().satisfies(e -> {
            assertThat(e.payment().id().toString()).isEqualTo(id);
            assertThat(e.originRegion()).isEqualTo("us-east-1");
        });
        assertThat(LedgerTables.items(east2, TABLE, "EVENT#")).isEmpty();
        // The home region still relays its own copy: the event arrives twice, with one id.
        assertThat(primary.relay().relayOnce()).isEqualTo(1);
    }
}
