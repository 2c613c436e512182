package dev.paymentsdr.service.adapter.in.http;

import dev.paymentsdr.service.adapter.in.api.PaymentJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/** Jetty's own errors (malformed URIs, oversized headers) in the API's JSON error shape instead of HTML. */
public final class JsonErrorHandler extends ErrorHandler {
    private static final String CONTENT_TYPE = "application/json; charset=utf-8";

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
                                              int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType(CONTENT_TYPE);
        response.getOutputStream().write(body(code, message));
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        return ByteBuffer.wrap(body(status, reason));
    }

    static byte[] body(int status, String reason) {
        String standard = HttpStatus.getMessage(status);
        // Jetty's reasons are its own words ("Ambiguous URI path encoding"), never the client's input.
        String message = reason == null || reason.isBlank() || reason.equals(standard)
                ? "the HTTP request was refused: " + standard
                : "the HTTP request was refused: " + standard + " (" + reason + ")";
        return PaymentJson.error(code(status), message, null).getBytes(StandardCharsets.UTF_8);
    }

    /** The error code of a status Jetty answers by itself; the README's error table lists every one. */
    static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 408 -> "request_timeout";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 426 -> "upgrade_required";
            case 431 -> "headers_too_large";
            case 500 -> "internal_error";
            case 501 -> "not_implemented";
            case 503 -> "unavailable";
            case 505 -> "http_version_not_supported";
            default -> "http_" + status;
        };
    }
}
