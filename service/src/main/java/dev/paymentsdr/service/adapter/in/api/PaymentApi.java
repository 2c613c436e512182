package dev.paymentsdr.service.adapter.in.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paymentsdr.payments.domain.model.AmountPolicy;
import dev.paymentsdr.payments.domain.model.CustomerId;
import dev.paymentsdr.payments.domain.model.IdempotencyConflictException;
import dev.paymentsdr.payments.domain.model.InvalidPaymentException;
import dev.paymentsdr.payments.domain.model.PageCursor;
import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.domain.model.PaymentId;
import dev.paymentsdr.payments.domain.model.PaymentPage;
import dev.paymentsdr.payments.port.in.CreatePaymentResult;
import dev.paymentsdr.payments.port.in.CreatePaymentUseCase;
import dev.paymentsdr.payments.port.in.GetPaymentQuery;
import dev.paymentsdr.payments.port.in.ListPaymentsCommand;
import dev.paymentsdr.payments.port.in.ListPaymentsQuery;
import dev.paymentsdr.payments.port.out.LedgerUnavailableException;
import dev.paymentsdr.service.health.ReadinessProbe;
import dev.paymentsdr.service.health.ReadinessReport;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Transport-neutral HTTP-shaped API: Javalin and the Lambda handler both delegate to it, so no logic is duplicated. */
public final class PaymentApi {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentApi.class);
    /** Largest request body; transports refuse bigger ones with {@link #bodyTooLarge()} before reading them whole. */
    public static final int MAX_BODY_BYTES = PaymentRequestReader.MAX_BODY_BYTES;
    private static final String PAYMENTS = "/v1/payments";

    private final CreatePaymentUseCase createPayment;
    private final GetPaymentQuery getPayment;
    private final ListPaymentsQuery listPayments;
    private final ReadinessProbe readiness;
    private final PaymentRequestReader reader;
    private final String region;

    public PaymentApi(CreatePaymentUseCase createPayment, GetPaymentQuery getPayment, ListPaymentsQuery listPayments,
                      ReadinessProbe readiness, AmountPolicy amountPolicy, String region) {
        this(createPayment, getPayment, listPayments, readiness, amountPolicy, region, JsonLimits.DEFAULTS);
    }

    public PaymentApi(CreatePaymentUseCase createPayment, GetPaymentQuery getPayment, ListPaymentsQuery listPayments,
                      ReadinessProbe readiness, AmountPolicy amountPolicy, String region, JsonLimits jsonLimits) {
        this.createPayment = Objects.requireNonNull(createPayment, "createPayment");
        this.getPayment = Objects.requireNonNull(getPayment, "getPayment");
        this.listPayments = Objects.requireNonNull(listPayments, "listPayments");
        this.readiness = Objects.requireNonNull(readiness, "readiness");
        this.reader = new PaymentRequestReader(Objects.requireNonNull(amountPolicy, "amountPolicy"),
                Objects.requireNonNull(jsonLimits, "jsonLimits"));
        this.region = Objects.requireNonNull(region, "region");
    }

    /** Routes /v1/payments..., /health and /health/ready; never throws (every failure becomes a JSON error). */
    public ApiResponse handle(ApiRequest request) {
        try {
            return route(request);
        } catch (ApiException e) {
            return error(e);
        } catch (LedgerUnavailableException e) {
            LOG.warn("ledger unavailable: {}", e.getMessage());
            return e.reason() == LedgerUnavailableException.Reason.NOT_PRIMARY
                    ? error(new ApiException(503, "not_primary",
                            "this region's database does not take writes now (standby or fenced primary); retry with the same Idempotency-Key",
                            null, Map.of("Retry-After", "1")))
                    : error(new ApiException(503, "database_unavailable",
                            "the payment database cannot be reached now; retry with the same Idempotency-Key",
                            null, Map.of("Retry-After", "1")));
        } catch (RuntimeException e) {
            LOG.error("unexpected failure handling {} {}", request.method(), request.path(), e);
            return error(new ApiException(500, "internal_error",
                    "unexpected server error; the X-Request-Id response header identifies it in the logs", null));
        }
    }

    /** The 413 answer for a body over {@link #MAX_BODY_BYTES}; the connection should be closed after it. */
    public ApiResponse bodyTooLarge() {
        ApiException tooLarge = PaymentRequestReader.tooLarge();
        return ApiResponse.json(tooLarge.status(), PaymentJson.error(tooLarge.code(), tooLarge.getMessage(), null),
                Map.of("Connection", "close"));
    }

    private ApiResponse route(ApiRequest request) {
        String path = request.path();
        String method = request.method();
        if (path.equals("/health")) {
            requireMethod(method, "GET");
            return ApiResponse.json(200, PaymentJson.write(liveness()), Map.of());
        }
        if (path.equals("/health/ready")) {
            requireMethod(method, "GET");
            return readiness();
        }
        if (path.equals(PAYMENTS)) {
            if (method.equals("POST")) {
                return create(request);
            }
            requireMethod(method, "GET, POST");
            return list(request);
        }
        if (path.startsWith(PAYMENTS + "/") && path.indexOf('/', PAYMENTS.length() + 1) < 0) {
            requireMethod(method, "GET");
            return get(path.substring(PAYMENTS.length() + 1));
        }
        throw new ApiException(404, "not_found",
                "no such resource: " + PaymentRequestReader.printable(path)
                        + " (available: POST/GET /v1/payments, GET /v1/payments/{id}, GET /health, GET /health/ready)", null);
    }

    private static void requireMethod(String method, String allowed) {
        if (!List.of(allowed.split(", ")).contains(method)) {
            throw new ApiException(405, "method_not_allowed",
                    "method " + PaymentRequestReader.printable(method) + " is not allowed here; allowed: " + allowed,
                    null, Map.of("Allow", allowed));
        }
    }

    private ApiResponse create(ApiRequest request) {
        CreatePaymentResult result;
        try {
            result = createPayment.create(reader.read(request));
        } catch (IdempotencyConflictException e) {
            throw new ApiException(409, "idempotency_conflict", e.getMessage(), "Idempotency-Key");
        }
        Payment payment = result.payment();
        return ApiResponse.json(result.replayed() ? 200 : 201, PaymentJson.render(payment),
                result.replayed()
                        ? Map.of("Location", PAYMENTS + "/" + payment.id(), "Idempotent-Replayed", "true")
                        : Map.of("Location", PAYMENTS + "/" + payment.id()));
    }

    private ApiResponse get(String idText) {
        PaymentId id = PaymentId.parse(idText).orElseThrow(() -> new ApiException(400, "invalid_payment_id",
                "payment id must be a UUID such as 123e4567-e89b-12d3-a456-426614174000", "id"));
        Payment payment = getPayment.get(id).orElseThrow(() -> new ApiException(404, "not_found",
                "no payment with id " + id, "id"));
        return ApiResponse.json(200, PaymentJson.render(payment), Map.of());
    }

    private ApiResponse list(ApiRequest request) {
        ListPaymentsCommand command;
        try {
            String customer = singleParameter(request, "customerId").orElseThrow(() -> new ApiException(400,
                    "missing_parameter", "query parameter customerId is required", "customerId"));
            int limit = singleParameter(request, "limit").map(PaymentApi::limit).orElse(ListPaymentsCommand.DEFAULT_LIMIT);
            Optional<PageCursor> cursor = singleParameter(request, "cursor").map(text -> PageCursor.decode(text)
                    .orElseThrow(() -> new ApiException(400, "invalid_parameter",
                            "cursor is not one this API returned; pass nextCursor from the previous page unchanged", "cursor")));
            command = new ListPaymentsCommand(new CustomerId(customer), limit, cursor);
        } catch (InvalidPaymentException e) {
            throw new ApiException(400, "invalid_parameter", e.getMessage(), e.field());
        }
        PaymentPage page = listPayments.list(command);
        return ApiResponse.json(200, PaymentJson.renderPage(page.items(), page.nextCursor().map(PageCursor::encode)), Map.of());
    }

    private static int limit(String text) {
        if (!text.matches("[0-9]{1,3}")) {
            throw new InvalidPaymentException("limit", "limit must be a whole number from 1 to " + ListPaymentsCommand.MAX_LIMIT);
        }
        return Integer.parseInt(text);
    }

    private static Optional<String> singleParameter(ApiRequest request, String name) {
        List<String> values = request.queryParameters().get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw new ApiException(400, "invalid_parameter", "query parameter " + name + " must be given once", name);
        }
        return Optional.ofNullable(values.get(0));
    }

    private ObjectNode liveness() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("status", "up");
        body.put("region", region);
        return body;
    }

    private ApiResponse readiness() {
        ReadinessReport report = readiness.check();
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("status", report.isReady() ? "ready" : "not_ready");
        report.notReadyReason().ifPresent(reason -> body.put("reason", reason));
        body.put("region", region);
        body.put("role", report.role().wireName());
        body.put("writable", report.writable());
        body.set("replication", PaymentJson.object(report.replication()));
        return ApiResponse.json(report.isReady() ? 200 : 503, PaymentJson.write(body), Map.of());
    }

    private static ApiResponse error(ApiException e) {
        return ApiResponse.json(e.status(), PaymentJson.error(e.code(), e.getMessage(), e.field()), e.headers());
    }
}
