package dev.paymentsdr.service.adapter.in.api;

import java.util.Map;

/** A request the API refuses, with the HTTP status, a stable error code, a message and optionally the field at fault. */
final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;
    private final Map<String, String> headers;

    ApiException(int status, String code, String message, String field) {
        this(status, code, message, field, Map.of());
    }

    ApiException(int status, String code, String message, String field, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.headers = headers;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String field() {
        return field;
    }

    Map<String, String> headers() {
        return headers;
    }
}
