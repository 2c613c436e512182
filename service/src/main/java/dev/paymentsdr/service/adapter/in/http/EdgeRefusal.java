package dev.paymentsdr.service.adapter.in.http;

import dev.paymentsdr.service.adapter.in.api.PaymentJson;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A request refused at the HTTP edge, before the API sees it, answered in the API's JSON error shape. The connection
 * is closed after the answer: the rest of the request was not read, so nothing after it can be trusted to start a request.
 */
record EdgeRefusal(int status, String code, String message, String field) {
    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    static EdgeRefusal requestTimeout(java.time.Duration limit) {
        return new EdgeRefusal(408, "request_timeout", "the request did not arrive completely within "
                + limit.toMillis() + " ms (headers and body); send it at once", null);
    }

    byte[] body() {
        return PaymentJson.error(code, message, field).getBytes(StandardCharsets.UTF_8);
    }

    void writeTo(HttpServletResponse response, String requestId) throws IOException {
        byte[] body = body();
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Connection", "close");
        response.setHeader(RequestIds.HEADER, requestId);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The whole HTTP/1.1 response, for a connection whose request never got far enough to have a response object. */
    byte[] rawResponse() {
        byte[] body = body();
        String head = "HTTP/1.1 " + status + " " + org.eclipse.jetty.http.HttpStatus.getMessage(status) + "\r\n"
                + "Content-Type: " + CONTENT_TYPE + "\r\nCache-Control: no-store\r\nConnection: close\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }
}
