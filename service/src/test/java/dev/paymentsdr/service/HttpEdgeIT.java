package dev.paymentsdr.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.localpg.TemporaryPostgres;
import dev.paymentsdr.service.contract.OpenApiContract;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTTP edge against hostile clients, over raw sockets (java.net.http will not send most of these): ambiguous and
 * malformed requests get a clear JSON 4xx and write nothing; slow clients are cut off at the request timeout and
 * cannot starve health checks and payments while they last.
 */
class HttpEdgeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID = "{\"customerId\":\"edge\",\"amount\":\"1.00\",\"currency\":\"USD\"}";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(5);

    private static TemporaryPostgres pg;
    private static PaymentHttpServer server;

    @BeforeAll
    static void start() {
        pg = TemporaryPostgres.start();
        server = PaymentHttpServer.start(new ServiceConfig("us-east-1", "127.0.0.1", 0, pg.jdbcUrl(), pg.username(),
                        pg.password(), 8, new BigDecimal("1000000")),
                new RequestLimits(64, 16, 8192, IDLE_TIMEOUT, REQUEST_TIMEOUT));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    static Stream<Arguments> refusedRequests() {
        String headers = "Host: localhost\r\nContent-Type: application/json\r\nConnection: close\r\n";
        String length = "Content-Length: " + VALID.length() + "\r\n";
        return Stream.of(
                Arguments.of("two different Idempotency-Key headers",
                        post(headers + length + "Idempotency-Key: a-1\r\nIdempotency-Key: a-2\r\n", VALID),
                        400, "duplicate_header"),
                Arguments.of("two Content-Type headers",
                        post(headers + length + "Content-Type: text/plain\r\nIdempotency-Key: a-3\r\n", VALID),
                        400, "duplicate_header"),
                Arguments.of("Content-Encoding gzip on a plain body",
                        post(headers + length + "Content-Encoding: gzip\r\nIdempotency-Key: a-4\r\n", VALID),
                        415, "unsupported_content_encoding"),
                Arguments.of("Transfer-Encoding gzip, chunked",
                        post(headers + "Transfer-Encoding: gzip, chunked\r\nIdempotency-Key: a-5\r\n", chunked(VALID)),
                        400, "unsupported_transfer_encoding"),
                Arguments.of("Transfer-Encoding and Content-Length together",
                        post(headers + length + "Transfer-Encoding: chunked\r\nIdempotency-Key: a-6\r\n", chunked(VALID)),
                        400, "bad_request"),
                Arguments.of("a malformed chunk size",
                        post(headers + "Transfer-Encoding: chunked\r\nIdempotency-Key: a-7\r\n", "zz\r\n" + VALID + "\r\n0\r\n\r\n"),
                        400, "bad_request"),
                Arguments.of("a chunked body over 16 KiB",
                        post(headers + "Transfer-Encoding: chunked\r\nIdempotency-Key: a-8\r\n",
                                chunked("{\"customerId\":\"edge\",\"amount\":\"1\",\"currency\":\"USD\",\"description\":\""
                                        + "x".repeat(17_000) + "\"}")),
                        413, "payload_too_large"),
                Arguments.of("headers over the limit",
                        "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(9000) + "\r\n\r\n", 431, "headers_too_large"),
                Arguments.of("a URI over the limit",
                        "GET /v1/payments/" + "u".repeat(9000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", 414, "uri_too_long"),
                Arguments.of("an HTTP version the server does not speak",
                        "GET /health HTTP/3.0\r\nHost: localhost\r\n\r\n", 505, "http_version_not_supported"),
                Arguments.of("an HTTP/2 preface on the HTTP/1.1 port",
                        "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 426, "upgrade_required"),
                Arguments.of("a broken %-escape in the path",
                        "GET /v1/payments/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", 400, "bad_request"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    void givenAnAmbiguousOrMalformedRequest_thenAClearJsonErrorAndNoRow(String name, String request, int status, String code)
            throws Exception {
        RawResponse response = exchange(request);

        assertThat(response.status()).as(name + ": " + response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.errorCode()).isEqualTo(code);
        assertThat(response.json().get("error").get("message").asText()).isNotBlank();
        assertThat(paymentRows()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusualMethods")
    void givenAnyMethodThePathDoesNotTake_thenJson405WithAllow(String method, String path, String allow) throws Exception {
        RawResponse response = exchange(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).as(response.text()).isEqualTo(405);
        assertThat(response.errorCode()).isEqualTo("method_not_allowed");
        assertThat(response.header("Allow")).isEqualTo(allow);
    }

    static Stream<Arguments> unusualMethods() {
        return Stream.of(Arguments.of("TRACE", "/v1/payments", "GET, POST"), Arguments.of("CONNECT", "/health", "GET"),
                Arguments.of("BREW", "/health/ready", "GET"), Arguments.of("get", "/health", "GET"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodiesInPieces")
    void givenABodyThatArrivesInPiecesWithinTheTimeout_thenItIsReadWithoutAThreadAndThePaymentIsCreated(String name,
            String headers, List<String> pieces) throws Exception {
        try (Socket socket = connect()) {
            write(socket, "POST /v1/payments HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Connection: close\r\n" + headers + "\r\n");
            for (String piece : pieces) {
                Thread.sleep(300); // the request is dispatched before the rest arrives
                write(socket, piece);
            }
            RawResponse response = read(socket, Duration.ofSeconds(10));

            assertThat(response.status()).as(response.text()).isEqualTo(201);
            assertThat(response.json().get("customerId").asText()).isEqualTo("edge");
        } finally {
            sql("DELETE FROM idempotency_records", "DELETE FROM payments");
        }
    }

    static Stream<Arguments> bodiesInPieces() {
        String half = VALID.substring(0, 20);
        String rest = VALID.substring(20);
        return Stream.of(
                Arguments.of("Content-Length", "Idempotency-Key: pieces-1\r\nContent-Length: " + VALID.length() + "\r\n",
                        List.of(half, rest)),
                Arguments.of("chunked", "Idempotency-Key: pieces-2\r\nTransfer-Encoding: chunked\r\n",
                        List.of(Integer.toHexString(half.length()) + "\r\n" + half + "\r\n",
                                Integer.toHexString(rest.length()) + "\r\n" + rest + "\r\n", "0\r\n\r\n")));
    }

    @Test
    void givenAPartialBodyLeftIdle_thenA408AfterTheRequestTimeout() throws Exception {
        try (Socket socket = connect()) {
            long sent = System.nanoTime();
            write(socket, post("Host: localhost\r\nContent-Type: application/json\r\nIdempotency-Key: idle-1\r\n"
                    + "Content-Length: " + VALID.length() + "\r\n", VALID.substring(0, 10)));

            RawResponse response = checked("POST /v1/payments HTTP/1.1\r\n\r\n", read(socket, Duration.ofSeconds(10)));
            long waitedMs = (System.nanoTime() - sent) / 1_000_000;

            assertThat(response.status()).as(response.text()).isEqualTo(408);
            assertThat(response.errorCode()).isEqualTo("request_timeout");
            assertThat(waitedMs).isGreaterThanOrEqualTo(REQUEST_TIMEOUT.toMillis() - 100).isLessThan(REQUEST_TIMEOUT.toMillis() + 5_000);
            assertThat(paymentRows()).isZero();
        }
    }

    @Test
    void givenABodyTrickledInForeverAByteAtATime_thenItIsCutOffAtTheRequestTimeout() throws Exception {
        try (Socket socket = connect()) {
            write(socket, post("Host: localhost\r\nContent-Type: application/json\r\nIdempotency-Key: trickle-1\r\n"
                    + "Content-Length: " + VALID.length() + "\r\n", ""));
            long sent = System.nanoTime();
            // Each byte arrives well within the idle timeout: only the request timeout can end this.
            for (int i = 0; i < VALID.length() - 1 && socket.getInputStream().available() == 0
                    && System.nanoTime() - sent < Duration.ofSeconds(8).toNanos(); i++) {
                write(socket, VALID.substring(i, i + 1));
                Thread.sleep(300);
            }
            RawResponse response = read(socket, Duration.ofSeconds(5));

            assertThat(response.status()).as(response.text()).isEqualTo(408);
            assertThat((System.nanoTime() - sent) / 1_000_000).isLessThan(REQUEST_TIMEOUT.toMillis() + 5_000);
        }
    }

    @Test
    void givenHeadersTrickledIn_thenThe408ComesAtTheRequestTimeoutAndTheConnectionCloses() throws Exception {
        try (Socket socket = connect()) {
            long sent = System.nanoTime();
            String headers = "GET /health HTTP/1.1\r\nHost: localhost\r\n";
            for (int i = 0; i < headers.length() && socket.getInputStream().available() == 0
                    && System.nanoTime() - sent < Duration.ofSeconds(8).toNanos(); i++) {
                write(socket, headers.substring(i, i + 1));
                Thread.sleep(200);
            }
            RawResponse response = checked("GET /health HTTP/1.1\r\n\r\n", read(socket, Duration.ofSeconds(5)));

            assertThat(response.status()).as(response.text()).isEqualTo(408);
            assertThat(response.errorCode()).isEqualTo("request_timeout");
            assertThat(response.header("Connection")).isEqualTo("close");
        }
    }

    @Test
    void givenAKeptAliveConnectionIdleLongerThanTheRequestTimeout_thenItsNextRequestIsServed() throws Exception {
        try (Socket socket = connect()) {
            write(socket, "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(readOne(socket).status()).isEqualTo(200);

            Thread.sleep(REQUEST_TIMEOUT.toMillis() + 1_000); // below the idle timeout

            write(socket, "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(read(socket, Duration.ofSeconds(5)).status()).isEqualTo(200);
        }
    }

    /**
     * Three hundred connections trickle bodies and a hundred trickle headers, more than Jetty's 250 threads: while
     * they do, health checks and payments are answered at once, and each slow connection is ended at the timeout.
     */
    @Test
    void givenFourHundredSlowConnections_thenHealthAndPaymentsAreStillServedAndTheSlowOnesAreCutOff() throws Exception {
        List<Socket> slowBodies = new ArrayList<>();
        List<Socket> slowHeaders = new ArrayList<>();
        ExecutorService trickler = Executors.newSingleThreadExecutor();
        AtomicBoolean trickling = new AtomicBoolean(true);
        try {
            for (int i = 0; i < 300; i++) {
                Socket socket = connect();
                write(socket, post("Host: localhost\r\nContent-Type: application/json\r\nIdempotency-Key: slow-" + i + "\r\n"
                        + "Content-Length: " + VALID.length() + "\r\n", "{"));
                slowBodies.add(socket);
            }
            for (int i = 0; i < 100; i++) {
                Socket socket = connect();
                write(socket, "GET /health HTTP/1.1\r\n");
                slowHeaders.add(socket);
            }
            Future<?> trickle = trickler.submit(() -> {
                while (trickling.get()) {
                    for (Socket socket : slowBodies) {
                        quietly(() -> write(socket, " "));
                    }
                    for (Socket socket : slowHeaders) {
                        quietly(() -> write(socket, "X"));
                    }
                    quietly(() -> Thread.sleep(250));
                }
                return null;
            });

            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.URI base = java.net.URI.create("http://127.0.0.1:" + server.port());
            for (int i = 0; i < 5; i++) {
                long asked = System.nanoTime();
                java.net.http.HttpResponse<String> health = http.send(java.net.http.HttpRequest.newBuilder(base.resolve("/health"))
                        .timeout(Duration.ofSeconds(5)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                // Starved, it would wait for a thread until the slow requests are cut (2 s); the margin is for a busy machine.
                assertThat((System.nanoTime() - asked) / 1_000_000).as("health answered at once").isLessThan(1_500);
            }
            java.net.http.HttpResponse<String> paid = http.send(java.net.http.HttpRequest.newBuilder(base.resolve("/v1/payments"))
                    .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json").header("Idempotency-Key", "during-slow")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(VALID)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(paid.statusCode()).isEqualTo(201);

            int timedOut = 0;
            for (Socket socket : slowBodies) {
                RawResponse response = read(socket, REQUEST_TIMEOUT.plusSeconds(5));
                timedOut += response.status() == 408 ? 1 : 0;
            }
            int headersClosed = 0;
            for (Socket socket : slowHeaders) {
                RawResponse response = read(socket, REQUEST_TIMEOUT.plusSeconds(5));
                headersClosed += response.status() == 408 ? 1 : 0;
            }
            trickling.set(false);
            trickle.get(5, TimeUnit.SECONDS);

            assertThat(timedOut).as("slow bodies answered 408").isEqualTo(300);
            assertThat(headersClosed).as("slow headers answered 408").isEqualTo(100);
            String metrics = http.send(java.net.http.HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertThat(PaymentHttpServerIT.metric(metrics, "payments_http_slow_requests_total", "phase=\"body\"")).isGreaterThanOrEqualTo(300);
            assertThat(PaymentHttpServerIT.metric(metrics, "payments_http_slow_requests_total", "phase=\"headers\"")).isGreaterThanOrEqualTo(100);
            assertThat(paymentRows()).isEqualTo(1);
        } finally {
            trickling.set(false);
            trickler.shutdownNow();
            for (Socket socket : slowBodies) {
                quietly(socket::close);
            }
            for (Socket socket : slowHeaders) {
                quietly(socket::close);
            }
            sql("DELETE FROM idempotency_records", "DELETE FROM payments");
        }
    }

    @Test
    void givenJsonBeyondTheLimits_thenA400NamingTheLimit() throws Exception {
        String longNumber = "{\"customerId\":\"edge\",\"amount\":1" + "0".repeat(70) + ",\"currency\":\"USD\"}";
        String deep = "{\"customerId\":\"edge\",\"amount\":\"1\",\"currency\":\"USD\",\"metadata\":" + "[".repeat(20) + "]".repeat(20) + "}";

        RawResponse number = exchange(post("Host: localhost\r\nContent-Type: application/json\r\nIdempotency-Key: n-1\r\n"
                + "Connection: close\r\nContent-Length: " + longNumber.length() + "\r\n", longNumber));
        RawResponse nested = exchange(post("Host: localhost\r\nContent-Type: application/json\r\nIdempotency-Key: n-2\r\n"
                + "Connection: close\r\nContent-Length: " + deep.length() + "\r\n", deep));

        assertThat(number.status()).as(number.text()).isEqualTo(400);
        assertThat(number.errorCode()).isEqualTo("json_limit_exceeded");
        assertThat(number.json().get("error").get("message").asText()).contains("64 characters");
        assertThat(nested.status()).as(nested.text()).isEqualTo(400);
        assertThat(nested.json().get("error").get("message").asText()).contains("16 levels");
        assertThat(paymentRows()).isZero();
    }

    // ---- raw HTTP helpers

    record RawResponse(int status, String head, String body) {
        String text() {
            return head + "\r\n\r\n" + body;
        }

        java.util.Map<String, List<String>> headers() {
            java.util.Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(line.substring(0, colon).trim(), n -> new ArrayList<>()).add(line.substring(colon + 1).trim());
                }
            }
            return headers;
        }

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        String errorCode() throws IOException {
            return json().path("error").path("code").asText();
        }
    }

    private static String post(String headers, String body) {
        return "POST /v1/payments HTTP/1.1\r\n" + headers + "\r\n" + body;
    }

    private static String chunked(String body) {
        return Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setTcpNoDelay(true);
        return socket;
    }

    private static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** Sends a whole request on a new connection, reads the answer and checks both against the OpenAPI contract. */
    private static RawResponse exchange(String request) throws IOException {
        try (Socket socket = connect()) {
            write(socket, request);
            return checked(request, read(socket, Duration.ofSeconds(10)));
        }
    }

    private static RawResponse checked(String request, RawResponse response) {
        int headEnd = request.indexOf("\r\n\r\n");
        String[] lines = request.substring(0, headEnd < 0 ? request.length() : headEnd).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        java.util.Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), n -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
            }
        }
        OpenApiContract.get().check(new OpenApiContract.Exchange(requestLine[0], requestLine.length > 1 ? requestLine[1] : "",
                headers, headEnd < 0 ? null : request.substring(headEnd + 4).getBytes(StandardCharsets.UTF_8),
                response.status(), response.headers(), response.body()));
        return response;
    }

    /** Reads until the server closes the connection (or the deadline passes); status 0 when nothing came. */
    private static RawResponse read(Socket socket, Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // whatever arrived is the answer
        }
        return parse(all.toString(StandardCharsets.UTF_8));
    }

    /** Reads one response on a kept-alive connection (its body has a Content-Length). */
    private static RawResponse readOne(Socket socket) throws IOException {
        socket.setSoTimeout(5_000);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            all.write(b);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (end > 0) {
                RawResponse head = parse(text);
                int length = Integer.parseInt(head.header("Content-Length"));
                if (all.size() >= end + 4 + length) {
                    break;
                }
            }
        }
        return parse(all.toString(StandardCharsets.UTF_8));
    }

    private static RawResponse parse(String text) {
        if (!text.startsWith("HTTP/1.1 ")) {
            return new RawResponse(0, text, "");
        }
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        return new RawResponse(Integer.parseInt(text.substring(9, 12)), head, body);
    }

    private interface Action {
        void run() throws Exception;
    }

    private static void quietly(Action action) {
        try {
            action.run();
        } catch (Exception e) {
            // a connection the server closed
        }
    }

    private static long paymentRows() throws Exception {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM payments")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sql(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
             Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
