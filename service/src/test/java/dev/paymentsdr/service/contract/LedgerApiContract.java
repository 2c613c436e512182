package dev.paymentsdr.service.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.payments.domain.model.PaymentId;
import dev.paymentsdr.service.PaymentServiceWiring;
import dev.paymentsdr.service.ServiceConfig;
import dev.paymentsdr.service.backend.ArchiveLocation;
import dev.paymentsdr.service.backend.Backends;
import dev.paymentsdr.service.backend.LedgerKind;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.Optional;
import dev.paymentsdr.service.adapter.in.api.ApiRequest;
import dev.paymentsdr.service.adapter.in.api.ApiResponse;
import dev.paymentsdr.service.adapter.out.archive.DirectoryTransactionLogReader;
import dev.paymentsdr.payments.domain.model.PaymentEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every ledger must do behind the same {@link dev.paymentsdr.service.adapter.in.api.PaymentApi}: validate,
 * replay, refuse a conflicting reuse of a key, take exactly one payment for concurrent requests with one key,
 * write nothing for rejected input, page through a customer's payments, and hand each payment's event to the
 * outbox relay. One subclass per ledger (PostgreSQL, MySQL on MariaDB, DynamoDB on moto) supplies the wiring,
 * built with {@code PAYMENTS_RELAY=off} and a directory archive, so the tests drive the relay themselves.
 */
public abstract class LedgerApiContract {
    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID = "{\"customerId\":\"cust-1\",\"amount\":\"10.50\",\"currency\":\"USD\"}";

    /** What a ledger stores, counted by the subclass in its own storage. */
    protected enum Stored { PAYMENTS, IDEMPOTENCY_RECORDS, PENDING_EVENTS }

    /** The configuration subclasses wire with: no bus, a directory archive, no background relay, a pool of 50. */
    protected static ServiceConfig config(String dbUrl, String user, String password, LedgerKind ledger,
                                          Optional<String> table, Path archive) {
        return new ServiceConfig("us-east-1", "127.0.0.1", 0, dbUrl, user, password, 50, new BigDecimal("1000000"),
                new Backends(ledger, table, Optional.empty(), Optional.of(new ArchiveLocation.Directory(archive)), false));
    }

    /** A new, empty archive directory for one test class. */
    protected static Path newArchive() {
        try {
            return Files.createTempDirectory("ledger-contract-archive-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The service under test (one per test class). */
    protected abstract PaymentServiceWiring wiring();

    /** The directory archive the wiring writes to. */
    protected abstract Path archiveDirectory();

    protected abstract long count(Stored what);

    /** Removes every payment, record and event, so each test starts empty. */
    protected abstract void emptyLedger();

    @BeforeEach
    void startEmpty() {
        emptyLedger();
    }

    protected final ApiResponse post(String body, String key) {
        Map<String, String> headers = key == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "Idempotency-Key", key);
        return wiring().api().handle(new ApiRequest("POST", "/v1/payments", Map.of(), headers,
                body.getBytes(StandardCharsets.UTF_8)));
    }

    protected final ApiResponse get(String path, Map<String, List<String>> query) {
        return wiring().api().handle(new ApiRequest("GET", path, query, Map.of(), null));
    }

    /** The first column of the first row of a query, as a number (row counts). */
    protected static long scalar(java.sql.Connection connection, String sql) throws java.sql.SQLException {
        try (java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    protected static JsonNode json(ApiResponse response) {
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    @Test
    void givenAValidRequest_thenOnePaymentItsRecordAndItsEventAreStoredAndItReadsBackTheSame() {
        ApiResponse created = post("{\"customerId\":\"cust-1\",\"amount\":99.99,\"currency\":\"USD\","
                + "\"description\":\"Order 42 \\u00e9\\ud83d\\ude00\",\"metadata\":{\"order\":\"42\"}}", "contract-create-1");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = json(created);
        assertThat(body.get("amount").asText()).isEqualTo("99.99");
        assertThat(body.get("description").asText()).isEqualTo("Order 42 \u00e9\ud83d\ude00");
        assertThat(count(Stored.PAYMENTS)).isEqualTo(1);
        assertThat(count(Stored.IDEMPOTENCY_RECORDS)).isEqualTo(1);
        assertThat(count(Stored.PENDING_EVENTS)).isEqualTo(1);
        ApiResponse read = get(created.headers().get("Location"), Map.of());
        assertThat(read.status()).isEqualTo(200);
        assertThat(json(read)).isEqualTo(body);
    }

    @Test
    void givenTheSameKeyAndRequestAgain_thenTheOriginalPaymentIsReplayedAndNothingIsAdded() {
        JsonNode first = json(post(VALID, "contract-replay-1"));
        ApiResponse again = post("{ \"currency\":\"USD\", \"amount\":10.5, \"customerId\":\"cust-1\" }", "contract-replay-1");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.headers()).containsEntry("Idempotent-Replayed", "true");
        assertThat(json(again)).isEqualTo(first);
        assertThat(count(Stored.PAYMENTS)).isEqualTo(1);
        assertThat(count(Stored.PENDING_EVENTS)).isEqualTo(1);
    }

    @Test
    void givenTheSameKeyWithADifferentRequest_thenConflictAndTheStoredPaymentIsUnchanged() {
        JsonNode first = json(post(VALID, "contract-conflict-1"));
        ApiResponse conflict = post("{\"customerId\":\"cust-1\",\"amount\":\"10.51\",\"currency\":\"USD\"}", "contract-conflict-1");

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(json(conflict).at("/error/code").asText()).isEqualTo("idempotency_conflict");
        assertThat(json(get("/v1/payments/" + first.get("id").asText(), Map.of())).get("amount").asText()).isEqualTo("10.50");
        assertThat(count(Stored.PAYMENTS)).isEqualTo(1);
    }

    @Test
    void keysDifferingOnlyInLetterCaseAreDifferentKeys() {
        assertThat(post(VALID, "Contract-Case-1").status()).isEqualTo(201);
        assertThat(post(VALID, "contract-case-1").status()).isEqualTo(201);
        assertThat(count(Stored.PAYMENTS)).isEqualTo(2);
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("{\"customerId\":\"cust-1\",\"amount\":\"-1.00\",\"currency\":\"USD\"}", "k-negative", 422),
                Arguments.of("{\"customerId\":\"cust-1\",\"amount\":\"1.001\",\"currency\":\"USD\"}", "k-decimals", 422),
                Arguments.of("{\"customerId\":\"cust-1\",\"amount\":\"1.00\",\"currency\":\"XXX\"}", "k-currency", 422),
                Arguments.of("{\"customerId\":\"cust 1\",\"amount\":\"1.00\",\"currency\":\"USD\"}", "k-customer", 422),
                Arguments.of("{\"customerId\":\"cust-1\",\"amount\":\"1.00\",\"currency\":\"USD\",\"extra\":1}", "k-field", 400),
                Arguments.of("{\"customerId\":\"cust-1\",", "k-json", 400),
                Arguments.of(VALID, "bad key!", 400),
                Arguments.of(VALID, null, 400));
    }

    @ParameterizedTest
    @MethodSource("rejected")
    void givenARejectedRequest_thenNothingIsWritten(String body, String key, int status) {
        ApiResponse response = post(body, key);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(count(Stored.PAYMENTS)).isZero();
        assertThat(count(Stored.IDEMPOTENCY_RECORDS)).isZero();
        assertThat(count(Stored.PENDING_EVENTS)).isZero();
    }

    @Test
    void given100ConcurrentRequestsWithOneKey_thenExactlyOnePaymentIsTakenAndAllSeeIt() throws Exception {
        int requests = 100;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ApiResponse>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(VALID, "contract-concurrent-1");
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            int created = 0;
            for (Future<ApiResponse> answer : answers) {
                ApiResponse response = answer.get(120, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.body()).isIn(200, 201);
                created += response.status() == 201 ? 1 : 0;
                ids.add(json(response).get("id").asText());
            }
            assertThat(created).isEqualTo(1);
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(Stored.PAYMENTS)).isEqualTo(1);
        assertThat(count(Stored.IDEMPOTENCY_RECORDS)).isEqualTo(1);
        assertThat(count(Stored.PENDING_EVENTS)).isEqualTo(1);
    }

    @Test
    void aCustomersPaymentsArePagedNewestFirstWithoutGapsOrRepeats() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, json(post("{\"customerId\":\"pager\",\"amount\":\"" + (i + 1) + ".00\",\"currency\":\"EUR\"}",
                    "contract-page-" + i)).get("id").asText());
        }
        post(VALID, "contract-page-other");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, List<String>> query = cursor == null ? Map.of("customerId", List.of("pager"), "limit", List.of("2"))
                    : Map.of("customerId", List.of("pager"), "limit", List.of("2"), "cursor", List.of(cursor));
            JsonNode page = json(get("/v1/payments", query));
            page.get("items").forEach(item -> seen.add(item.get("id").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void theRelayArchivesEachPaymentOnceAndEmptiesTheOutbox() {
        String id = json(post(VALID, "contract-relay-1")).get("id").asText();
        post(VALID, "contract-relay-1");

        assertThat(wiring().relay().relayAvailable(5)).isEqualTo(1);
        assertThat(count(Stored.PENDING_EVENTS)).isZero();
        assertThat(wiring().relay().relayOnce()).isZero();
        List<PaymentEvent> archived = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        new DirectoryTransactionLogReader(archiveDirectory()).read(today.minusDays(1), today.plusDays(1), archived::add);
        assertThat(archived).filteredOn(e -> e.payment().id().toString().equals(id)).singleElement()
                .satisfies(e -> {
                    assertThat(e.type().wireName()).isEqualTo("payment.created");
                    assertThat(e.payment().idempotencyKey().value()).isEqualTo("contract-relay-1");
                    assertThat(e.eventId()).isEqualTo(PaymentEvent.idFor(e.type(), e.payment().id()));
                });
    }

    @Test
    void reconciliationLookupsFindStoredPaymentsByIdAndKey() {
        String id = json(post(VALID, "contract-lookup-1")).get("id").asText();
        PaymentId stored = PaymentId.parse(id).orElseThrow();
        PaymentId absent = new PaymentId(UUID.randomUUID());

        assertThat(wiring().ledger().lookup().presentIds(List.of(stored, absent))).containsExactly(stored);
        assertThat(wiring().ledger().lookup().paymentIdsByKey(List.of(
                new dev.paymentsdr.payments.domain.model.IdempotencyKey("contract-lookup-1"),
                new dev.paymentsdr.payments.domain.model.IdempotencyKey("contract-lookup-none"))))
                .containsOnlyKeys(new dev.paymentsdr.payments.domain.model.IdempotencyKey("contract-lookup-1"))
                .containsValue(stored);
    }
}
