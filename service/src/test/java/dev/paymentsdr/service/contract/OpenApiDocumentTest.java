package dev.paymentsdr.service.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paymentsdr.payments.domain.model.CurrencyCode;
import dev.paymentsdr.payments.domain.model.Description;
import dev.paymentsdr.payments.domain.model.InvalidPaymentException;
import dev.paymentsdr.payments.domain.model.Metadata;
import dev.paymentsdr.payments.port.in.ListPaymentsCommand;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The OpenAPI document itself: readable by the parser client generators use, and as strict as the service. */
class OpenApiDocumentTest {
    private static final OpenApiContract CONTRACT = OpenApiContract.get();
    private static final String VALID = "{\"customerId\":\"c-1\",\"amount\":\"10.50\",\"currency\":\"USD\"}";

    @Test
    void theSwaggerParserReadsItAsOpenApi31WithoutAMessage() throws IOException {
        String text = new String(OpenApiDocumentTest.class.getResourceAsStream("/openapi/payments-api.json").readAllBytes());
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getPaths()).containsKeys("/v1/payments", "/v1/payments/{id}", "/health",
                "/health/ready", "/openapi.json", "/metrics");
        assertThat(result.getOpenAPI().getPaths().get("/v1/payments").getPost().getOperationId()).isEqualTo("createPayment");
    }

    @Test
    void theCurrencyEnumIsExactlyWhatTheServiceAccepts() {
        Set<String> documented = new TreeSet<>();
        CONTRACT.document().at("/components/schemas/Currency/enum").forEach(code -> documented.add(code.asText()));
        Set<String> accepted = Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode)
                .filter(OpenApiDocumentTest::accepted).collect(Collectors.toCollection(TreeSet::new));

        assertThat(documented).as("regenerate the enum when the JDK's currency list changes").isEqualTo(accepted);
        assertThat(documented).contains("USD", "EUR", "JPY", "KWD").doesNotContain("XXX", "XAU");
    }

    @Test
    void theLimitsInTheSchemasAreTheDomainsLimits() {
        JsonNode request = CONTRACT.document().at("/components/schemas/PaymentRequest/properties");

        assertThat(request.at("/description/maxLength").asInt()).isEqualTo(Description.MAX_LENGTH);
        assertThat(request.at("/metadata/maxProperties").asInt()).isEqualTo(Metadata.MAX_ENTRIES);
        assertThat(request.at("/metadata/additionalProperties/maxLength").asInt()).isEqualTo(Metadata.MAX_VALUE_LENGTH);
        JsonNode limit = CONTRACT.document().at("/paths/~1v1~1payments/get/parameters/1/schema");
        assertThat(limit.get("maximum").asInt()).isEqualTo(ListPaymentsCommand.MAX_LIMIT);
        assertThat(limit.get("default").asInt()).isEqualTo(ListPaymentsCommand.DEFAULT_LIMIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"customerId\":\"c-1\",\"amount\":\"10.50\",\"currency\":\"USD\"}",
        "{\"customerId\":\"c_1\",\"amount\":10.5,\"currency\":\"JPY\",\"description\":\"Order 42\",\"metadata\":{\"order.id\":\"42\"}}",
    })
    void aValidPaymentRequestKeepsTheSchema(String body) {
        assertThat(CONTRACT.schemaViolations("PaymentRequest", body)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"customerId\":\"c-1\",\"amount\":\"10.50\",\"currency\":\"USD\",\"status\":\"settled\"}",
        "{\"customerId\":\"x' OR '1'='1\",\"amount\":\"1\",\"currency\":\"USD\"}",
        "{\"customerId\":\"c-1\",\"amount\":\"1\",\"currency\":\"usd\"}",
        "{\"customerId\":\"c-1\",\"amount\":\"1\",\"currency\":\"XAU\"}",
        "{\"customerId\":\"c-1\",\"amount\":\"1e3\",\"currency\":\"USD\"}",
        "{\"customerId\":\"c-1\",\"amount\":\"-5\",\"currency\":\"USD\"}",
        "{\"customerId\":\"c-1\",\"amount\":-5,\"currency\":\"USD\"}",
        "{\"customerId\":\"c-1\",\"amount\":true,\"currency\":\"USD\"}",
        "{\"customerId\":\"c-1\",\"currency\":\"USD\"}",
        "{\"customerId\":\"c-1\",\"amount\":\"1\",\"currency\":\"USD\",\"description\":\"a\\u0000b\"}",
        "{\"customerId\":\"c-1\",\"amount\":\"1\",\"currency\":\"USD\",\"metadata\":{\"n\":1}}",
        "{\"customerId\":\"c-1\",\"amount\":\"1\",\"currency\":\"USD\",\"metadata\":{\"bad key\":\"v\"}}",
    })
    void aRequestTheServiceRefusesForItsShapeBreaksTheSchemaToo(String body) {
        assertThat(CONTRACT.schemaViolations("PaymentRequest", body)).isNotEmpty();
    }

    @Test
    void theContractCatchesAnswersThatBreakIt() {
        String payment = "{\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"status\":\"accepted\",\"customerId\":\"c\","
                + "\"amount\":\"10.50\",\"currency\":\"USD\",\"region\":\"us-east-1\",\"createdAt\":\"2026-11-22T03:00:00.123456Z\"}";
        Map<String, List<String>> json = Map.of("Content-Type", List.of("application/json"), "X-Request-Id", List.of("r-1"));
        Map<String, List<String>> request = Map.of("Content-Type", List.of("application/json"), "Idempotency-Key", List.of("k"));

        // The same answer with its Location: keeps the contract.
        assertThat(CONTRACT.violations(exchange("POST", "/v1/payments", request, VALID, 201,
                with(json, "Location", "/v1/payments/123e4567-e89b-12d3-a456-426614174000"), payment))).isEmpty();
        assertThat(CONTRACT.violations(exchange("POST", "/v1/payments", request, VALID, 201, json, payment)))
                .anySatisfy(v -> assertThat(v).contains("Location"));
        assertThat(CONTRACT.violations(exchange("GET", "/v1/payments/123e4567-e89b-12d3-a456-426614174000", Map.of(), null,
                200, json, payment.replace("\"10.50\"", "10.5")))).anySatisfy(v -> assertThat(v).contains("amount"));
        assertThat(CONTRACT.violations(exchange("GET", "/health", Map.of(), null, 418, json, "{}")))
                .anySatisfy(v -> assertThat(v).contains("response body"));
        assertThat(CONTRACT.violations(exchange("GET", "/health", Map.of(), null, 400, json,
                "{\"error\":{\"code\":\"made_up\",\"message\":\"m\"}}"))).isNotEmpty();
        assertThat(CONTRACT.violations(exchange("GET", "/v1/payments?customerId=c&limit=500", Map.of(), null, 200, json,
                "{\"items\":[],\"nextCursor\":null}"))).anySatisfy(v -> assertThat(v).contains("limit"));
        assertThat(CONTRACT.violations(exchange("GET", "/nowhere", Map.of(), null, 200, json, "{}")))
                .anySatisfy(v -> assertThat(v).contains("no operation"));
    }

    /** The error codes the code can send, the contract's enum and the README's error table are the same list. */
    @Test
    void everyErrorCodeInTheSourceIsInTheContractAndTheReadme() throws IOException {
        Set<String> inSource = new TreeSet<>();
        Pattern code = Pattern.compile("(?:ApiException|EdgeRefusal)\\(\\s*\\d{3},\\s*\"([a-z_]+)\"|case \\d{3} -> \"([a-z_]+)\"|error\\(\"([a-z_]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = code.matcher(Files.readString(file));
                while (m.find()) {
                    inSource.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
                }
            }
        }
        Set<String> inContract = new TreeSet<>();
        CONTRACT.document().at("/components/schemas/Error/properties/error/properties/code/anyOf/0/enum")
                .forEach(c -> inContract.add(c.asText()));
        String readme = Files.readString(Path.of("../README.md"));

        assertThat(inSource).hasSizeGreaterThan(20).contains("validation_error", "duplicate_header", "uri_too_long");
        assertThat(inContract).containsAll(inSource);
        assertThat(inSource).containsAll(inContract);
        assertThat(inSource).allSatisfy(c -> assertThat(readme).as("README error table").contains("`" + c + "`"));
    }

    private static boolean accepted(String code) {
        try {
            CurrencyCode.of(code);
            return true;
        } catch (InvalidPaymentException e) {
            return false;
        }
    }

    private static OpenApiContract.Exchange exchange(String method, String target, Map<String, List<String>> requestHeaders,
                                                     String requestBody, int status, Map<String, List<String>> headers,
                                                     String body) {
        return new OpenApiContract.Exchange(method, target, requestHeaders, requestBody == null ? null : requestBody.getBytes(),
                status, headers, body);
    }

    private static Map<String, List<String>> with(Map<String, List<String>> headers, String name, String value) {
        Map<String, List<String>> copy = new java.util.HashMap<>(headers);
        copy.put(name, List.of(value));
        return copy;
    }
}
