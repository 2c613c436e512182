package dev.paymentsdr.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.localpg.TemporaryPostgres;
import dev.paymentsdr.service.adapter.in.api.ApiRequest;
import dev.paymentsdr.service.adapter.in.api.ApiResponse;
import dev.paymentsdr.service.contract.CheckedHttp;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The payment API end to end: real HTTP against the Javalin server, real PostgreSQL behind it. */
class PaymentHttpServerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID = "{\"customerId\":\"cust-1\",\"amount\":\"10.50\",\"currency\":\"USD\"}";

    private static TemporaryPostgres pg;
    private static PaymentHttpServer server;
    private static CheckedHttp http;

    @BeforeAll
    static void startServiceAndDatabase() {
        pg = TemporaryPostgres.start();
        server = PaymentHttpServer.start(new ServiceConfig("us-east-1", "127.0.0.1", 0, pg.jdbcUrl(), pg.username(),
                pg.password(), 10, new BigDecimal("1000000")));
        http = new CheckedHttp(server.port());
    }

    @AfterAll
    static void stopServiceAndDatabase() {
        if (server != null) {
            server.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @BeforeEach
    void emptyLedger() throws SQLException {
        sql("TRUNCATE idempotency_records, payments");
    }

    @Test
    void givenAValidPayment_whenPosted_thenItIsCreatedWithExactAmountAndLocation() throws Exception {
        HttpResponse<String> response = post(VALID, "key-accept-1");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(body.get("status").asText()).isEqualTo("accepted");
        assertThat(body.get("customerId").asText()).isEqualTo("cust-1");
        assertThat(body.get("amount").isTextual()).isTrue();
        assertThat(body.get("amount").asText()).isEqualTo("10.50");
        assertThat(body.get("currency").asText()).isEqualTo("USD");
        assertThat(body.get("region").asText()).isEqualTo("us-east-1");
        assertThat(body.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(response.headers().firstValue("Location")).hasValue("/v1/payments/" + body.get("id").asText());
        assertThat(count("payments")).isEqualTo(1);
        assertThat(count("idempotency_records")).isEqualTo(1);
        assertThat(scalar("SELECT amount_minor::text || ' ' || currency || ' ' || idempotency_key FROM payments"))
                .isEqualTo("1050 USD key-accept-1");
    }

    @Test
    void amountsAreRenderedWithExactlyTheCurrencysMinorDigits() throws Exception {
        assertThat(amountOf(post("{\"customerId\":\"c\",\"amount\":10.5,\"currency\":\"USD\"}", "k-usd"))).isEqualTo("10.50");
        assertThat(amountOf(post("{\"customerId\":\"c\",\"amount\":1000,\"currency\":\"JPY\"}", "k-jpy"))).isEqualTo("1000");
        assertThat(amountOf(post("{\"customerId\":\"c\",\"amount\":\"1.25\",\"currency\":\"KWD\"}", "k-kwd"))).isEqualTo("1.250");
        assertThat(amountOf(post("{\"customerId\":\"c\",\"amount\":\"1000000\",\"currency\":\"EUR\"}", "k-max"))).isEqualTo("1000000.00");
    }

    @Test
    void givenDescriptionAndMetadata_thenTheyAreStoredAndReturned() throws Exception {
        HttpResponse<String> created = post("{\"customerId\":\"c\",\"amount\":\"5\",\"currency\":\"GBP\",\"description\":"
                + "\"Invoice 42 ' OR 1=1; --\",\"metadata\":{\"order\":\"A-1\",\"channel\":\"web\"}}", "k-meta");
        assertThat(created.statusCode()).isEqualTo(201);

        JsonNode fetched = JSON.readTree(get("/v1/payments/" + JSON.readTree(created.body()).get("id").asText()).body());
        assertThat(fetched.get("description").asText()).isEqualTo("Invoice 42 ' OR 1=1; --");
        assertThat(fetched.get("metadata").get("order").asText()).isEqualTo("A-1");
        assertThat(fetched.get("metadata").get("channel").asText()).isEqualTo("web");
        assertThat(fetched.get("amount").asText()).isEqualTo("5.00");
    }

    @Test
    void givenTheSameKeyAndAnEquivalentBody_whenRetried_thenTheOriginalPaymentIsReturnedWith200() throws Exception {
        HttpResponse<String> first = post(VALID, "key-replay");
        HttpResponse<String> retry = post("{ \"currency\":\"USD\", \"amount\":10.5, \"customerId\":\"cust-1\" }", "key-replay");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(retry.body())).isEqualTo(JSON.readTree(first.body()));
        assertThat(count("payments")).isEqualTo(1);
        assertThat(count("idempotency_records")).isEqualTo(1);
    }

    @Test
    void givenTheSameKeyAndADifferentBody_whenPosted_thenConflict409AndNothingChanges() throws Exception {
        HttpResponse<String> first = post(VALID, "key-conflict");
        HttpResponse<String> other = post("{\"customerId\":\"cust-1\",\"amount\":\"10.51\",\"currency\":\"USD\"}", "key-conflict");

        assertThat(other.statusCode()).isEqualTo(409);
        JsonNode error = JSON.readTree(other.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("idempotency_conflict");
        assertThat(error.get("message").asText()).contains("key-conflict").contains("different");
        assertThat(count("payments")).isEqualTo(1);
        assertThat(scalar("SELECT amount_minor::text FROM payments")).isEqualTo("1050");
        assertThat(JSON.readTree(first.body()).get("id").asText()).isEqualTo(scalar("SELECT id::text FROM payments"));
    }

    @Test
    void givenOneHundredConcurrentRequestsWithOneKey_thenExactlyOnePaymentExistsAndAllGetItsId() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                calls.add(() -> post(VALID, "key-concurrent"));
            }
            Set<String> ids = new HashSet<>();
            int created = 0;
            for (Future<HttpResponse<String>> future : pool.invokeAll(calls)) {
                HttpResponse<String> response = future.get();
                assertThat(response.statusCode()).isIn(200, 201);
                created += response.statusCode() == 201 ? 1 : 0;
                ids.add(JSON.readTree(response.body()).get("id").asText());
            }
            assertThat(created).isEqualTo(1);
            assertThat(ids).hasSize(1);
            assertThat(count("payments")).isEqualTo(1);
            assertThat(count("idempotency_records")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    static Stream<Arguments> rejectedRequests() {
        String json = "application/json";
        return Stream.of(
                Arguments.of("malformed JSON", json, "k1", utf8("{\"customerId\":"), 400, "invalid_json"),
                Arguments.of("trailing garbage", json, "k1", utf8(VALID + " x"), 400, "invalid_json"),
                Arguments.of("not an object", json, "k1", utf8("[1,2]"), 400, "invalid_json"),
                Arguments.of("empty body", json, "k1", utf8(""), 400, "invalid_json"),
                Arguments.of("duplicate field", json, "k1",
                        utf8("{\"customerId\":\"a\",\"customerId\":\"b\",\"amount\":\"1\",\"currency\":\"USD\"}"), 400, "invalid_json"),
                Arguments.of("wrong content type", "text/plain", "k1", utf8(VALID), 415, "unsupported_media_type"),
                Arguments.of("missing content type", null, "k1", utf8(VALID), 415, "unsupported_media_type"),
                Arguments.of("non-UTF-8 charset", "application/json; charset=iso-8859-1", "k1", utf8(VALID), 415,
                        "unsupported_media_type"),
                Arguments.of("unknown field", json, "k1",
                        utf8("{\"customerId\":\"a\",\"amount\":\"1\",\"currency\":\"USD\",\"status\":\"settled\"}"), 400, "unknown_field"),
                Arguments.of("zero amount", json, "k1", body("\"0.00\"", "USD"), 422, "validation_error"),
                Arguments.of("negative amount", json, "k1", body("-5", "USD"), 422, "validation_error"),
                Arguments.of("negative amount text", json, "k1", body("\"-5\"", "USD"), 422, "validation_error"),
                Arguments.of("too many decimals", json, "k1", body("\"10.123\"", "USD"), 422, "validation_error"),
                Arguments.of("decimals on JPY", json, "k1", body("\"10.5\"", "JPY"), 422, "validation_error"),
                Arguments.of("exponent text", json, "k1", body("\"1e3\"", "USD"), 422, "validation_error"),
                Arguments.of("above maximum", json, "k1", body("\"1000000.01\"", "USD"), 422, "validation_error"),
                Arguments.of("amount not a number", json, "k1", body("true", "USD"), 422, "validation_error"),
                Arguments.of("missing amount", json, "k1", utf8("{\"customerId\":\"a\",\"currency\":\"USD\"}"), 422, "validation_error"),
                Arguments.of("unknown currency", json, "k1", body("\"1\"", "ABC"), 422, "validation_error"),
                Arguments.of("currency without minor units", json, "k1", body("\"1\"", "XAU"), 422, "validation_error"),
                Arguments.of("lower-case currency", json, "k1", body("\"1\"", "usd"), 422, "validation_error"),
                Arguments.of("SQL-looking customerId", json, "k1",
                        utf8("{\"customerId\":\"x' OR '1'='1\",\"amount\":\"1\",\"currency\":\"USD\"}"), 422, "validation_error"),
                Arguments.of("customerId too long", json, "k1",
                        utf8("{\"customerId\":\"" + "a".repeat(65) + "\",\"amount\":\"1\",\"currency\":\"USD\"}"), 422, "validation_error"),
                Arguments.of("control character in description", json, "k1",
                        utf8("{\"customerId\":\"a\",\"amount\":\"1\",\"currency\":\"USD\",\"description\":\"a\\u0000b\"}"), 422,
                        "validation_error"),
                Arguments.of("unpaired surrogate escape in description", json, "k1",
                        utf8("{\"customerId\":\"a\",\"amount\":\"1\",\"currency\":\"USD\",\"description\":\"a\\ud800b\"}"), 422,
                        "validation_error"),
                Arguments.of("description too long", json, "k1",
                        utf8("{\"customerId\":\"a\",\"amount\":\"1\",\"currency\":\"USD\",\"description\":\"" + "d".repeat(256) + "\"}"),
                        422, "validation_error"),
                Arguments.of("metadata value not a string", json, "k1",
                        utf8("{\"customerId\":\"a\",\"amount\":\"1\",\"currency\":\"USD\",\"metadata\":{\"n\":1}}"), 422, "validation_error"),
                Arguments.of("too many metadata entries", json, "k1", utf8(tooManyMetadata()), 422, "validation_error"),
                Arguments.of("oversized body", json, "k1", utf8("{\"customerId\":\"a\",\"amount\":\"1\",\"currency\":\"USD\","
                        + "\"description\":\"" + "x".repeat(17 * 1024) + "\"}"), 413, "payload_too_large"),
                Arguments.of("missing idempotency key", json, null, utf8(VALID), 400, "missing_idempotency_key"),
                Arguments.of("malformed idempotency key", json, "has space", utf8(VALID), 400, "invalid_idempotency_key"),
                Arguments.of("SQL-looking idempotency key", json, "k'; DROP TABLE payments;--", utf8(VALID), 400,
                        "invalid_idempotency_key"),
                Arguments.of("non-UTF-8 bytes", json, "k1", nonUtf8(), 400, "invalid_encoding"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedRequests")
    void givenABadRequest_thenItIsRejectedWithAClearErrorAndNoRowIsWritten(String name, String contentType, String key,
                                                                          byte[] body, int status, String code) throws Exception {
        HttpResponse<String> response = send(contentType, key, body);

        assertThat(response.statusCode()).as(name).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(count("payments")).isZero();
        assertThat(count("idempotency_records")).isZero();
    }

    @Test
    void aFieldErrorNamesTheFieldAndWhatIsAccepted() throws Exception {
        JsonNode error = JSON.readTree(post(new String(body("\"10.123\"", "USD"), StandardCharsets.UTF_8), "k-field").body())
                .get("error");

        assertThat(error.get("field").asText()).isEqualTo("amount");
        assertThat(error.get("message").asText()).isEqualTo("USD amounts have at most 2 decimal places");
    }

    @Test
    void givenAPaymentId_whenFetched_thenItIsReturned_andUnknownOrMalformedIdsAreRefused() throws Exception {
        String id = JSON.readTree(post(VALID, "k-get").body()).get("id").asText();

        HttpResponse<String> found = get("/v1/payments/" + id);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(found.body()).get("id").asText()).isEqualTo(id);
        HttpResponse<String> missing = get("/v1/payments/123e4567-e89b-12d3-a456-426614174000");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).get("error").get("code").asText()).isEqualTo("not_found");
        HttpResponse<String> malformed = get("/v1/payments/not-a-uuid");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).get("error").get("code").asText()).isEqualTo("invalid_payment_id");
    }

    @Test
    void givenFivePayments_whenListedTwoAtATime_thenThreePagesNewestFirstWithoutGapsOrRepeats() throws Exception {
        List<String> createdIds = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            createdIds.add(JSON.readTree(post("{\"customerId\":\"pager\",\"amount\":\"" + i + "\",\"currency\":\"USD\"}",
                    "k-page-" + i).body()).get("id").asText());
        }
        post("{\"customerId\":\"someone-else\",\"amount\":\"1\",\"currency\":\"USD\"}", "k-page-other");

        List<String> listed = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> page = get("/v1/payments?customerId=pager&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(page.body());
            body.get("items").forEach(item -> listed.add(item.get("id").asText()));
            pageSizes.add(body.get("items").size());
            cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(2, 2, 1);
        List<String> newestFirst = new ArrayList<>(createdIds);
        java.util.Collections.reverse(newestFirst);
        assertThat(listed).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void givenBadListParameters_thenTheyAreRefusedWith400() throws Exception {
        assertThat(get("/v1/payments").statusCode()).isEqualTo(400);
        assertThat(get("/v1/payments?customerId=a&limit=0").statusCode()).isEqualTo(400);
        assertThat(get("/v1/payments?customerId=a&limit=101").statusCode()).isEqualTo(400);
        assertThat(get("/v1/payments?customerId=a&limit=ten").statusCode()).isEqualTo(400);
        assertThat(get("/v1/payments?customerId=a&cursor=bogus").statusCode()).isEqualTo(400);
        String impossible = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("v1:-5:0:" + java.util.UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        assertThat(get("/v1/payments?customerId=a&cursor=" + impossible).statusCode()).isEqualTo(400);
        assertThat(get("/v1/payments?customerId=x%27%20OR%20%271%27%3D%271").statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(get("/v1/payments?customerId=a").body()).get("items")).isEmpty();
    }

    @Test
    void livenessAndReadinessReportTheRegionAndAWritablePrimary() throws Exception {
        HttpResponse<String> live = get("/health");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(live.body()).get("status").asText()).isEqualTo("up");
        assertThat(JSON.readTree(live.body()).get("region").asText()).isEqualTo("us-east-1");

        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(ready.body());
        assertThat(body.get("status").asText()).isEqualTo("ready");
        assertThat(body.get("role").asText()).isEqualTo("primary");
        assertThat(body.get("writable").asBoolean()).isTrue();
        assertThat(body.get("region").asText()).isEqualTo("us-east-1");
        assertThat(body.get("replication").get("standbys").isArray()).isTrue();
    }

    @Test
    void givenAFencedPrimary_thenReadinessIs503AndAPaymentGets503NotPrimaryWithoutWritingARow() throws Exception {
        sql("ALTER SYSTEM SET default_transaction_read_only = on", "SELECT pg_reload_conf()");
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/health/ready").statusCode()).isEqualTo(503));
            JsonNode notReady = JSON.readTree(get("/health/ready").body());
            assertThat(notReady.get("status").asText()).isEqualTo("not_ready");
            assertThat(notReady.get("role").asText()).isEqualTo("primary");
            assertThat(notReady.get("writable").asBoolean()).isFalse();
            assertThat(notReady.get("reason").asText()).contains("read-only");

            HttpResponse<String> refused = post(VALID, "key-fenced");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(refused.body()).get("error").get("code").asText()).isEqualTo("not_primary");
        } finally {
            sql("SET default_transaction_read_only = off", "ALTER SYSTEM RESET default_transaction_read_only", "SELECT pg_reload_conf()");
        }
        assertThat(count("payments")).isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/health/ready").statusCode()).isEqualTo(200));
        assertThat(post(VALID, "key-fenced").statusCode()).isEqualTo(201);
    }

    @Test
    void givenAWrongPassword_thenReadinessSaysAuthenticationFailedWithoutNamingHostPortOrUser() {
        ServiceConfig wrong = new ServiceConfig("us-east-1", "127.0.0.1", 0, pg.jdbcUrl(), "probe_user_x",
                "wrong-password-x", 1, new BigDecimal("1000"));
        try (PaymentServiceWiring wiring = PaymentServiceWiring.create(wrong)) {
            ApiResponse ready = wiring.api().handle(new ApiRequest("GET", "/health/ready", Map.of(), Map.of(), null));

            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.body()).contains("database authentication failed (SQLState 28P01)")
                    .doesNotContain("probe_user_x").doesNotContain("wrong-password-x")
                    .doesNotContain(Integer.toString(pg.server().port())).doesNotContain("127.0.0.1");
        }
    }

    @Test
    void aWellFormedRequestIdIsEchoedAndAMalformedOneIsReplaced() throws Exception {
        HttpResponse<String> kept = http.send("GET", "/health", Map.of("X-Request-Id", "trace-123"), null);
        HttpResponse<String> replaced = http.send("GET", "/health", Map.of("X-Request-Id", "bad id!"), null);

        assertThat(kept.headers().firstValue("X-Request-Id")).hasValue("trace-123");
        assertThat(replaced.headers().firstValue("X-Request-Id")).hasValueSatisfying(v -> assertThat(v).matches("[0-9a-f-]{36}"));
    }

    @Test
    void theOpenApiContractIsServedAtOpenapiJsonAndIsTheOneTheTestsCheckAgainst() throws Exception {
        HttpResponse<String> served = get("/openapi.json");

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(JSON.readTree(served.body())).isEqualTo(dev.paymentsdr.service.contract.OpenApiContract.get().document());
        assertThat(http.send("POST", "/openapi.json", Map.of(), null).statusCode()).isEqualTo(405);
    }

    @Test
    void metricsForPrometheusShowRequestsByRouteAndStatusLedgerAndPoolTimingsAndReadiness() throws Exception {
        post(VALID, "k-metrics");
        post("{\"customerId\":\"cust-1\",\"amount\":\"0\",\"currency\":\"USD\"}", "k-metrics-bad");
        get("/v1/payments/" + java.util.UUID.randomUUID());
        get("/health/ready");

        HttpResponse<String> scraped = get("/metrics");

        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        String text = scraped.body();
        assertThat(metric(text, "http_server_requests_seconds_count", "uri=\"/v1/payments\"", "status=\"201\"", "method=\"POST\"")).isPositive();
        assertThat(metric(text, "http_server_requests_seconds_count", "uri=\"/v1/payments\"", "status=\"422\"")).isPositive();
        assertThat(metric(text, "http_server_requests_seconds_count", "uri=\"/v1/payments/{id}\"", "status=\"404\"")).isPositive();
        assertThat(metric(text, "http_server_requests_seconds_bucket", "uri=\"/v1/payments\"", "status=\"201\"", "le=\"+Inf\"")).isPositive();
        assertThat(metric(text, "payments_ledger_seconds_count", "operation=\"record\"", "outcome=\"ok\"")).isPositive();
        assertThat(metric(text, "payments_ledger_seconds_count", "operation=\"load\"", "outcome=\"ok\"")).isPositive();
        assertThat(metric(text, "hikaricp_connections_acquire_seconds_count", "pool=\"payments-us-east-1\"")).isPositive();
        assertThat(metric(text, "hikaricp_connections_max", "pool=\"payments-us-east-1\"")).isEqualTo(10);
        assertThat(metric(text, "payments_readiness_ready", "region=\"us-east-1\"")).isEqualTo(1);
        assertThat(metric(text, "payments_database_role", "role=\"primary\"")).isEqualTo(1);
        assertThat(metric(text, "payments_database_role", "role=\"standby\"")).isZero();
        assertThat(metric(text, "payments_readiness_check_seconds_count")).isPositive();
        assertThat(metric(text, "jetty_threads_max")).isPositive();
        // Summed over the heap's pools: one of them (Eden just after a young collection) may hold nothing.
        assertThat(total(text, "jvm_memory_used_bytes", "area=\"heap\"")).isPositive();
        assertThat(metric(text, "payments_ledger_commit_payments_count")).isPositive();
        // Raw paths never become series: an unknown one is OTHER.
        get("/v2/nothing-" + java.util.UUID.randomUUID());
        assertThat(get("/metrics").body()).contains("uri=\"OTHER\"").doesNotContain("nothing-");
    }

    /** The value of the first sample of a metric whose labels contain all the given label=value texts. */
    static double metric(String exposition, String name, String... labels) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                if (java.util.Arrays.stream(labels).allMatch(line::contains)) {
                    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        throw new AssertionError("no sample of " + name + " with " + java.util.Arrays.toString(labels) + " in:\n" + exposition);
    }

    /** The sum of every sample of a metric whose labels contain all the given label=value texts. */
    static double total(String exposition, String name, String... labels) {
        double sum = 0;
        for (String line : exposition.split("\n")) {
            if ((line.startsWith(name + "{") || line.startsWith(name + " "))
                    && java.util.Arrays.stream(labels).allMatch(line::contains)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    @Test
    void unknownPathsAndMethodsGetJsonErrors() throws Exception {
        HttpResponse<String> unknown = get("/v2/nothing");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("error").get("code").asText()).isEqualTo("not_found");
        HttpResponse<String> deleted = http.send("DELETE", "/v1/payments", Map.of(), null);
        assertThat(deleted.statusCode()).isEqualTo(405);
        assertThat(deleted.headers().firstValue("Allow")).hasValue("GET, POST");
    }

    // ---- helpers

    private static String amountOf(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("amount").asText();
    }

    private static byte[] body(String amountJson, String currency) {
        return utf8("{\"customerId\":\"cust-1\",\"amount\":" + amountJson + ",\"currency\":\"" + currency + "\"}");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] nonUtf8() {
        byte[] prefix = utf8("{\"customerId\":\"a\",\"amount\":\"1\",\"currency\":\"USD\",\"description\":\"caf");
        byte[] suffix = utf8("\"}");
        byte[] all = new byte[prefix.length + 1 + suffix.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        all[prefix.length] = (byte) 0xE9; // Latin-1 'é': not valid UTF-8 on its own
        System.arraycopy(suffix, 0, all, prefix.length + 1, suffix.length);
        return all;
    }

    private static String tooManyMetadata() {
        StringBuilder metadata = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            metadata.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        return "{\"customerId\":\"a\",\"amount\":\"1\",\"currency\":\"USD\",\"metadata\":{" + metadata + "}}";
    }

    private static HttpResponse<String> post(String body, String key) throws Exception {
        return send("application/json", key, utf8(body));
    }

    private static HttpResponse<String> send(String contentType, String key, byte[] body) throws Exception {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        if (key != null) {
            headers.put("Idempotency-Key", key);
        }
        return http.send("POST", "/v1/payments", headers, body);
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.get(pathAndQuery);
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static String scalar(String query) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(String table) throws SQLException {
        return Long.parseLong(scalar("SELECT count(*) FROM " + table));
    }
}
