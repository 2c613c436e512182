package dev.paymentsdr.service.adapter.in.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paymentsdr.payments.domain.model.AmountPolicy;
import dev.paymentsdr.payments.domain.model.CurrencyCode;
import dev.paymentsdr.payments.domain.model.CustomerId;
import dev.paymentsdr.payments.domain.model.Description;
import dev.paymentsdr.payments.domain.model.IdempotencyKey;
import dev.paymentsdr.payments.domain.model.InvalidPaymentException;
import dev.paymentsdr.payments.domain.model.Metadata;
import dev.paymentsdr.payments.domain.model.Money;
import dev.paymentsdr.payments.port.in.CreatePaymentCommand;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns a POST /v1/payments request into a validated command, or refuses it with the precise reason. */
final class PaymentRequestReader {
    /** Largest accepted request body. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    /** The body field that carries the idempotency key when the header is absent (the seeds' sample requests). */
    static final String TRANSACTION_ID = "transactionId";
    private static final Set<String> FIELDS = Set.of("customerId", "amount", "currency", "description", "metadata",
            TRANSACTION_ID);
    private static final String FIELD_LIST = "customerId, amount, currency, description, metadata, transactionId";

    private final AmountPolicy amountPolicy;
    private final JsonLimits jsonLimits;
    private final ObjectMapper json;

    PaymentRequestReader(AmountPolicy amountPolicy, JsonLimits jsonLimits) {
        this.amountPolicy = amountPolicy;
        this.jsonLimits = jsonLimits;
        this.json = Json.reader(jsonLimits);
    }

    CreatePaymentCommand read(ApiRequest request) {
        checkContentType(request.header("Content-Type"));
        if (request.body().length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        String header = request.header("Idempotency-Key");
        IdempotencyKey key = header == null || header.isEmpty() ? null : idempotencyKey(header);
        JsonNode root = parse(request.body());
        key = withTransactionId(key, root.get(TRANSACTION_ID));
        try {
            return toCommand(key, root);
        } catch (InvalidPaymentException e) {
            throw new ApiException(422, "validation_error", e.getMessage(), e.field());
        }
    }

    static ApiException tooLarge() {
        return new ApiException(413, "payload_too_large",
                "request body is larger than " + MAX_BODY_BYTES + " bytes (16 KiB)", null);
    }

    private static void checkContentType(String contentType) {
        if (contentType == null || !isJsonUtf8(contentType)) {
            throw new ApiException(415, "unsupported_media_type",
                    "Content-Type must be application/json (optionally with charset=utf-8)"
                            + (contentType == null ? "; the header is missing" : "; got '" + printable(contentType) + "'"),
                    "Content-Type");
        }
    }

    private static boolean isJsonUtf8(String contentType) {
        String[] parts = contentType.split(";", -1);
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.isEmpty()) {
                continue;
            }
            int eq = parameter.indexOf('=');
            if (eq < 0 || !parameter.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                return false;
            }
            String charset = parameter.substring(eq + 1).trim().replace("\"", "").toLowerCase(Locale.ROOT);
            if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The key: the header when present, else the body's transactionId; a transactionId that differs from the header
     * is refused, since one of the two would be silently ignored.
     */
    private static IdempotencyKey withTransactionId(IdempotencyKey fromHeader, JsonNode transactionId) {
        if (transactionId == null || transactionId.isNull()) {
            if (fromHeader == null) {
                throw new ApiException(400, "missing_idempotency_key",
                        "an idempotency key is required: the Idempotency-Key header, or a transactionId field in the body; "
                                + "a unique value per payment (1 to 255 characters of A-Z, a-z, 0-9, '_', '.', ':' or '-'); "
                                + "reuse it only to retry the same request",
                        "Idempotency-Key");
            }
            return fromHeader;
        }
        if (!transactionId.isTextual()) {
            throw new ApiException(400, "invalid_idempotency_key",
                    "transactionId must be a string of 1 to 255 characters of A-Z, a-z, 0-9, '_', '.', ':' or '-'", TRANSACTION_ID);
        }
        IdempotencyKey fromBody;
        try {
            fromBody = new IdempotencyKey(transactionId.textValue());
        } catch (InvalidPaymentException e) {
            throw new ApiException(400, "invalid_idempotency_key",
                    "transactionId must be 1 to 255 characters of A-Z, a-z, 0-9, '_', '.', ':' or '-'", TRANSACTION_ID);
        }
        if (fromHeader != null && !fromHeader.equals(fromBody)) {
            throw new ApiException(400, "invalid_idempotency_key",
                    "the Idempotency-Key header and the body's transactionId differ; send one of them, or the same value in both",
                    TRANSACTION_ID);
        }
        return fromBody;
    }

    private static IdempotencyKey idempotencyKey(String header) {
        try {
            return new IdempotencyKey(header);
        } catch (InvalidPaymentException e) {
            throw new ApiException(400, "invalid_idempotency_key", e.getMessage(), "Idempotency-Key");
        }
    }

    private JsonNode parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(400, "invalid_encoding", "request body is not valid UTF-8", null);
        }
        if (text.isBlank()) {
            throw new ApiException(400, "invalid_json", "request body is empty; send a JSON object", null);
        }
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (StreamConstraintsException e) {
            throw beyondLimits(e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ApiException(400, "invalid_json", "request body is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), null);
        }
        if (root == null || !root.isObject()) {
            throw new ApiException(400, "invalid_json", "request body must be a JSON object", null);
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new ApiException(400, "unknown_field",
                        "unknown field '" + printable(name) + "'; accepted fields: " + FIELD_LIST, printable(name));
            }
        }
        return root;
    }

    /** The parser's own words name its internals; these say what the body did and what is accepted. */
    private ApiException beyondLimits(StreamConstraintsException e) {
        String reason = String.valueOf(e.getMessage());
        String message;
        if (reason.startsWith("Number value length")) {
            message = "request body has a number longer than " + jsonLimits.maxNumberLength()
                    + " characters; an amount needs far fewer (send it as a string such as \"10.50\")";
        } else if (reason.contains("nesting depth")) {
            message = "request body nests objects or arrays deeper than " + jsonLimits.maxNestingDepth()
                    + " levels; a payment has two (the body and its metadata)";
        } else {
            message = "request body is beyond the parser's limits (" + reason.replaceAll(" \\(from .*", "") + ")";
        }
        return new ApiException(400, "json_limit_exceeded", message, null);
    }

    private CreatePaymentCommand toCommand(IdempotencyKey key, JsonNode root) {
        CustomerId customerId = new CustomerId(requiredString(root, "customerId"));
        CurrencyCode currency = CurrencyCode.of(requiredString(root, "currency"));
        Money amount = amount(root.get("amount"), currency);
        Optional<Description> description = optionalString(root, "description").map(Description::new);
        Metadata metadata = metadata(root.get("metadata"));
        return new CreatePaymentCommand(key, customerId, amount, description, metadata);
    }

    private Money amount(JsonNode node, CurrencyCode currency) {
        if (node == null || node.isNull()) {
            throw new InvalidPaymentException("amount", "amount is required, for example \"10.50\"");
        }
        if (node.isTextual()) {
            return amountPolicy.parse(node.textValue(), currency);
        }
        if (node.isBigDecimal() || node.isBigInteger() || node.isInt() || node.isLong()) {
            return amountPolicy.toMoney(node.decimalValue(), currency);
        }
        throw new InvalidPaymentException("amount", "amount must be a decimal string such as \"10.50\" or a JSON number");
    }

    private static Metadata metadata(JsonNode node) {
        if (node == null || node.isNull()) {
            return Metadata.empty();
        }
        if (!node.isObject()) {
            throw new InvalidPaymentException("metadata", "metadata must be an object of string values");
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isTextual()) {
                String name = "metadata." + printable(field.getKey());
                throw new InvalidPaymentException(name, name + " must be a string");
            }
            entries.put(field.getKey(), field.getValue().textValue());
        }
        return Metadata.of(entries);
    }

    private static String requiredString(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidPaymentException(field, field + " is required");
        }
        if (!node.isTextual()) {
            throw new InvalidPaymentException(field, field + " must be a string");
        }
        return node.textValue();
    }

    private static Optional<String> optionalString(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new InvalidPaymentException(field, field + " must be a string");
        }
        return Optional.of(node.textValue());
    }

    /** Client text echoed in a message: shortened, control characters replaced. */
    static String printable(String text) {
        String shortened = text.length() > 64 ? text.substring(0, 64) + "..." : text;
        StringBuilder out = new StringBuilder(shortened.length());
        shortened.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
