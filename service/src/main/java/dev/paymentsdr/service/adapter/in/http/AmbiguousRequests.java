package dev.paymentsdr.service.adapter.in.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses requests that two readers could understand differently (a proxy, a log and the service must agree on which
 * payment a request asks for): repeated headers, content codings the service does not decode, transfer codings
 * other than plain chunked.
 */
final class AmbiguousRequests {
    /** Headers a request may carry once: with two, one reader believes the first and another the last. */
    static final List<String> SINGLE_VALUED = List.of("Idempotency-Key", "Content-Type", "Content-Length",
            "Content-Encoding", "Transfer-Encoding", "X-Request-Id");

    private AmbiguousRequests() {
    }

    static Optional<EdgeRefusal> check(HttpServletRequest request) {
        for (String name : SINGLE_VALUED) {
            Enumeration<String> values = request.getHeaders(name);
            if (values.hasMoreElements() && values.nextElement() != null && values.hasMoreElements()) {
                int count = 1 + Collections.list(values).size(); // the first, then the rest
                return Optional.of(new EdgeRefusal(400, "duplicate_header",
                        "the " + name + " header appears " + count + " times; send it once", name));
            }
        }
        String contentEncoding = request.getHeader("Content-Encoding");
        if (contentEncoding != null && !contentEncoding.trim().equalsIgnoreCase("identity")) {
            return Optional.of(new EdgeRefusal(415, "unsupported_content_encoding",
                    "Content-Encoding '" + printable(contentEncoding) + "' is not accepted: send the JSON body uncompressed, "
                            + "without a Content-Encoding header", "Content-Encoding"));
        }
        String transferEncoding = request.getHeader("Transfer-Encoding");
        if (transferEncoding != null && !transferEncoding.trim().toLowerCase(Locale.ROOT).equals("chunked")) {
            return Optional.of(new EdgeRefusal(400, "unsupported_transfer_encoding",
                    "Transfer-Encoding '" + printable(transferEncoding) + "' is not accepted: send a Content-Length, "
                            + "or Transfer-Encoding: chunked alone", "Transfer-Encoding"));
        }
        return Optional.empty();
    }

    private static String printable(String text) {
        String shortened = text.length() > 64 ? text.substring(0, 64) + "..." : text;
        return shortened.replaceAll("\\p{Cntrl}", "?");
    }
}
