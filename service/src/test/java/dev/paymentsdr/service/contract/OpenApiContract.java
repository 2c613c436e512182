package dev.paymentsdr.service.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import dev.paymentsdr.service.adapter.in.http.OperationalEndpoints;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The service's OpenAPI document as a test oracle: checks that an HTTP exchange is one the contract allows (the
 * operation and status are documented; headers and bodies validate against their schemas; a request the service
 * accepted is one the contract accepts). Schemas are validated by networknt's OpenAPI 3.1 dialect.
 */
public final class OpenApiContract {
    private static final String LOCATION = "classpath:" + OperationalEndpoints.OPENAPI_RESOURCE.substring(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiContract INSTANCE = new OpenApiContract();

    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder ->
            builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream(OperationalEndpoints.OPENAPI_RESOURCE)) {
            document = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The contract of the service under test (the same file it serves at /openapi.json). */
    public static OpenApiContract get() {
        return INSTANCE;
    }

    public JsonNode document() {
        return document;
    }

    /** One request and its response, as they went over the wire. */
    public record Exchange(String method, String pathAndQuery, Map<String, List<String>> requestHeaders, byte[] requestBody,
                           int status, Map<String, List<String>> responseHeaders, String responseBody) {
    }

    /** Throws an AssertionError naming every way the exchange breaks the contract. */
    public void check(Exchange exchange) {
        List<String> violations = violations(exchange);
        if (!violations.isEmpty()) {
            throw new AssertionError("the exchange " + exchange.method() + " " + exchange.pathAndQuery() + " -> "
                    + exchange.status() + " breaks the OpenAPI contract:\n  " + String.join("\n  ", violations)
                    + "\nresponse body: " + exchange.responseBody());
        }
    }

    /** Every way the exchange breaks the contract (empty when it keeps it). */
    public List<String> violations(Exchange exchange) {
        List<String> violations = new ArrayList<>();
        String path = pathOf(exchange.pathAndQuery());
        Optional<String> template = template(path);
        JsonNode operation = template.map(t -> document.path("paths").path(t).path(exchange.method().toLowerCase(Locale.ROOT)))
                .filter(node -> !node.isMissingNode() && exchange.method().equals(exchange.method().toUpperCase(Locale.ROOT)))
                .orElse(null);
        if (operation == null) {
            // Outside every operation: only the documented refusals, in the error shape.
            if (exchange.status() != 404 && exchange.status() != 405 && exchange.status() < 400) {
                violations.add("no operation " + exchange.method() + " " + path + " in the contract, yet answered "
                        + exchange.status());
            }
            violations.addAll(bodyViolations("#/components/schemas/Error", exchange.responseBody(), "response body"));
            return violations;
        }
        String operationPointer = "#/paths/" + escape(template.get()) + "/" + exchange.method().toLowerCase(Locale.ROOT);
        String status = Integer.toString(exchange.status());
        String responsePointer = operation.path("responses").has(status) ? operationPointer + "/responses/" + status
                : operation.path("responses").has("default") ? operationPointer + "/responses/default" : null;
        if (responsePointer == null) {
            violations.add("status " + status + " is not documented for " + exchange.method() + " " + template.get());
            return violations;
        }
        violations.addAll(responseViolations(dereference(responsePointer), exchange));
        if (exchange.status() >= 200 && exchange.status() < 300) {
            violations.addAll(requestViolations(operationPointer, operation, template.get(), exchange));
        }
        return violations;
    }

    /** Violations of a named component schema, e.g. {@code PaymentRequest}; for tests of the schemas themselves. */
    public List<String> schemaViolations(String component, String json) {
        return bodyViolations("#/components/schemas/" + component, json, component);
    }

    private List<String> responseViolations(String pointer, Exchange exchange) {
        List<String> violations = new ArrayList<>();
        JsonNode response = node(pointer);
        for (Iterator<Map.Entry<String, JsonNode>> headers = response.path("headers").fields(); headers.hasNext(); ) {
            Map.Entry<String, JsonNode> header = headers.next();
            String headerPointer = dereference(pointer + "/headers/" + escape(header.getKey()));
            List<String> values = headerValues(exchange.responseHeaders(), header.getKey());
            if (values.isEmpty()) {
                if (node(headerPointer).path("required").asBoolean(false)) {
                    violations.add("response header " + header.getKey() + " is required but missing");
                }
                continue;
            }
            violations.addAll(valueViolations(headerPointer + "/schema", values.get(0), "response header " + header.getKey()));
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return violations;
        }
        String contentType = headerValues(exchange.responseHeaders(), "Content-Type").stream().findFirst().orElse("");
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!content.has(mediaType)) {
            violations.add("response Content-Type '" + contentType + "' is not one of " + names(content));
            return violations;
        }
        if (mediaType.equals("application/json")) {
            violations.addAll(bodyViolations(pointer + "/content/" + escape(mediaType) + "/schema", exchange.responseBody(),
                    "response body"));
        }
        return violations;
    }

    private List<String> requestViolations(String operationPointer, JsonNode operation, String template, Exchange exchange) {
        List<String> violations = new ArrayList<>();
        Map<String, List<String>> query = Query.parse(exchange.pathAndQuery());
        Map<String, String> pathParameters = pathParameters(template, pathOf(exchange.pathAndQuery()));
        for (int i = 0; i < operation.path("parameters").size(); i++) {
            String parameterPointer = dereference(operationPointer + "/parameters/" + i);
            JsonNode parameter = node(parameterPointer);
            String name = parameter.path("name").asText();
            String where = parameter.path("in").asText();
            List<String> values = switch (where) {
                case "header" -> headerValues(exchange.requestHeaders(), name);
                case "query" -> query.getOrDefault(name, List.of());
                case "path" -> pathParameters.containsKey(name) ? List.of(pathParameters.get(name)) : List.of();
                default -> List.of();
            };
            if (values.isEmpty()) {
                if (parameter.path("required").asBoolean(false)) {
                    violations.add(where + " parameter " + name + " is required but the accepted request had none");
                }
                continue;
            }
            violations.addAll(valueViolations(parameterPointer + "/schema", values.get(0), where + " parameter " + name));
        }
        JsonNode body = operation.path("requestBody");
        if (!body.isMissingNode()) {
            String bodyText = exchange.requestBody() == null ? "" : new String(exchange.requestBody(), StandardCharsets.UTF_8);
            if (bodyText.isEmpty() && body.path("required").asBoolean(false)) {
                violations.add("the request body is required but the accepted request had none");
            } else if (!bodyText.isEmpty()) {
                violations.addAll(bodyViolations(operationPointer + "/requestBody/content/application~1json/schema", bodyText,
                        "request body"));
            }
        }
        return violations;
    }

    /** A header, query or path value: a string on the wire, typed as its schema says before validating. */
    private List<String> valueViolations(String schemaPointer, String value, String what) {
        JsonNode schemaNode = node(dereference(schemaPointer));
        JsonNode instance = TextNode.valueOf(value);
        if (schemaNode.path("type").asText().equals("integer")) {
            if (!value.matches("-?[0-9]{1,9}")) {
                return List.of(what + " '" + value + "' is not an integer");
            }
            instance = IntNode.valueOf(Integer.parseInt(value));
        }
        return messages(schema(schemaPointer).validate(instance), what);
    }

    private List<String> bodyViolations(String schemaPointer, String body, String what) {
        JsonNode instance;
        try {
            instance = JSON.readTree(body == null ? "" : body);
        } catch (IOException e) {
            return List.of(what + " is not JSON: " + e.getMessage());
        }
        if (instance == null || instance.isMissingNode()) {
            return List.of(what + " is empty");
        }
        return messages(schema(schemaPointer).validate(instance), what);
    }

    private static List<String> messages(List<Error> errors, String what) {
        return errors.stream().map(error -> what + " at " + error.getInstanceLocation() + ": " + error.getMessage()).toList();
    }

    private Schema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(LOCATION + p)));
    }

    /** Follows $ref (of responses, parameters, headers) to the object itself; returns the pointer of that object. */
    private String dereference(String pointer) {
        String current = pointer;
        for (int hops = 0; hops < 5; hops++) {
            JsonNode node = node(current);
            if (!node.has("$ref")) {
                return current;
            }
            current = node.get("$ref").asText();
        }
        throw new IllegalStateException("a $ref chain in the contract is too long at " + pointer);
    }

    private JsonNode node(String pointer) {
        return document.at(pointer.substring(1));
    }

    private Optional<String> template(String path) {
        for (Iterator<String> names = document.path("paths").fieldNames(); names.hasNext(); ) {
            String template = names.next();
            if (Pattern.compile("^" + template.replaceAll("\\{[^/]+}", "[^/]+") + "$").matcher(path).matches()) {
                return Optional.of(template);
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> pathParameters(String template, String path) {
        Map<String, String> values = new java.util.HashMap<>();
        String[] names = template.split("/");
        String[] parts = path.split("/");
        for (int i = 0; i < names.length && i < parts.length; i++) {
            if (names[i].startsWith("{")) {
                values.put(names[i].substring(1, names[i].length() - 1), parts[i]);
            }
        }
        return values;
    }

    private static List<String> headerValues(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).toList();
    }

    private static String pathOf(String pathAndQuery) {
        int question = pathAndQuery.indexOf('?');
        return question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.toString();
    }
}
