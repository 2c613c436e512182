package dev.paymentsdr.service.adapter.in.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servlet filter in front of the API: refuses ambiguous requests, then reads the body without holding a thread
 * while a client is slow. A body that has already arrived (nearly always) is read at once on the request's thread;
 * otherwise the rest is read asynchronously and the request is dispatched to the API once it is complete, so a few
 * hundred clients trickling bodies in cannot take every thread from health checks and payments.
 */
public final class RequestGate implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(RequestGate.class);
    private static final String BODY = RequestGate.class.getName() + ".body";
    private static final byte[] TOO_LARGE = new byte[0];
    private static final byte[] NO_BODY = new byte[0];

    private final int maxBodyBytes;
    private final Duration requestTimeout;
    private final RequestObserver observer;

    /**
     * @param maxBodyBytes   larger bodies are not read; the API answers them with its 413
     * @param requestTimeout bound on the asynchronous read (the {@link SlowRequestReaper} normally ends it first)
     * @param observer       told about every request this gate answers itself
     */
    public RequestGate(int maxBodyBytes, Duration requestTimeout, RequestObserver observer) {
        this.maxBodyBytes = maxBodyBytes;
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** The body the gate read for this request: empty when it was larger than the limit. */
    public static Optional<byte[]> body(HttpServletRequest request) {
        byte[] body = (byte[]) request.getAttribute(BODY);
        if (body == null) {
            throw new IllegalStateException("the request did not pass the RequestGate filter");
        }
        return body == TOO_LARGE ? Optional.empty() : Optional.of(body);
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        long started = System.nanoTime();
        Optional<EdgeRefusal> ambiguous = AmbiguousRequests.check(request);
        if (ambiguous.isPresent()) {
            refuse(request, response, ambiguous.get(), started);
            return;
        }
        if (request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null) {
            request.setAttribute(BODY, NO_BODY);
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            request.setAttribute(BODY, TOO_LARGE);
            chain.doFilter(request, response);
            return;
        }
        BodyBuffer buffer = new BodyBuffer(maxBodyBytes, request.getContentLengthLong());
        ServletInputStream in = request.getInputStream();
        try {
            buffer.readAvailable(in);
            if (!buffer.complete() && in.isFinished()) {
                // The stream ended early or failed (a malformed chunk, a timeout while dispatch waited for the
                // body): reading once more throws what happened; a plain end means a chunked body is complete.
                if (in.read() != -1 || request.getContentLengthLong() > 0) {
                    refuse(request, response, new EdgeRefusal(400, "bad_request",
                            "the request body ended before its Content-Length", null), started);
                    return;
                }
                buffer.finish();
            }
        } catch (IOException | RuntimeException e) { // Jetty reports a malformed chunk as an unchecked BadMessageException
            refuse(request, response, refusalFor(e), started);
            return;
        }
        if (buffer.complete()) {
            request.setAttribute(BODY, buffer.result());
            chain.doFilter(request, response);
            return;
        }
        readRestAsynchronously(request, buffer, in, started);
    }

    private void readRestAsynchronously(HttpServletRequest request, BodyBuffer buffer, ServletInputStream in, long started) {
        AsyncContext async = request.startAsync();
        // A backstop only: the reaper ends a slow request at the request timeout, measured from its first byte.
        async.setTimeout(requestTimeout.toMillis() + 1_000);
        AtomicBoolean settled = new AtomicBoolean();
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) {
                fail(async, settled, EdgeRefusal.requestTimeout(requestTimeout), started);
            }

            @Override
            public void onComplete(AsyncEvent event) {
            }

            @Override
            public void onError(AsyncEvent event) {
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
        in.setReadListener(new ReadListener() {
            @Override
            public void onDataAvailable() throws IOException {
                buffer.readWhileReady(in);
                if (buffer.tooLarge() && settled.compareAndSet(false, true)) {
                    request.setAttribute(BODY, TOO_LARGE);
                    async.dispatch();
                }
            }

            @Override
            public void onAllDataRead() {
                if (settled.compareAndSet(false, true)) {
                    request.setAttribute(BODY, buffer.result());
                    async.dispatch();
                }
            }

            @Override
            public void onError(Throwable failure) {
                fail(async, settled, refusalFor(failure), started);
            }
        });
    }

    private void fail(AsyncContext async, AtomicBoolean settled, EdgeRefusal refusal, long started) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        try {
            if (refusal != null) {
                refuse((HttpServletRequest) async.getRequest(), (HttpServletResponse) async.getResponse(), refusal, started);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not answer a failed request body", e);
        } finally {
            async.complete();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, EdgeRefusal refusal, long started)
            throws IOException {
        String requestId = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
        refusal.writeTo(response, requestId);
        observer.answered(request.getMethod(), request.getRequestURI(), refusal.status(), requestId, started);
    }

    /** What a failed body read means for the client: a malformed body is its error, a stalled one a timeout. */
    static EdgeRefusal refusalFor(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BadMessageException bad) {
                return new EdgeRefusal(bad.getCode() >= 400 && bad.getCode() < 500 ? bad.getCode() : 400, "bad_request",
                        "the request body could not be read: " + (bad.getReason() == null ? "malformed" : bad.getReason())
                                + " (send a Content-Length body, or well-formed chunks)", null);
            }
            if (t instanceof TimeoutException) {
                return new EdgeRefusal(408, "request_timeout",
                        "the request body stopped arriving before it was complete; send it at once", null);
            }
        }
        return new EdgeRefusal(400, "bad_request", "the request body could not be read (the connection failed while "
                + "it was arriving)", null);
    }

    /** The body so far, bounded by the limit; knows when it is complete. */
    private static final class BodyBuffer {
        private final int max;
        private final long declaredLength;
        private byte[] bytes;
        private int size;
        private boolean tooLarge;
        private boolean finished;

        BodyBuffer(int max, long declaredLength) {
            this.max = max;
            this.declaredLength = declaredLength;
            this.bytes = new byte[declaredLength > 0 ? (int) declaredLength : 1024];
        }

        /** Reads what has arrived without blocking (blocking mode: only as much as available() promises). */
        void readAvailable(ServletInputStream in) throws IOException {
            int available;
            while (!tooLarge && !lengthReached() && (available = in.available()) > 0) {
                append(in, available);
            }
        }

        /** Asynchronous mode: reads while the stream says a read will not block. */
        void readWhileReady(ServletInputStream in) throws IOException {
            while (!tooLarge && in.isReady() && !in.isFinished()) {
                if (append(in, 4096) < 0) {
                    return;
                }
            }
        }

        boolean complete() {
            return tooLarge || finished || lengthReached();
        }

        void finish() {
            finished = true;
        }

        boolean tooLarge() {
            return tooLarge;
        }

        byte[] result() {
            return tooLarge ? TOO_LARGE : Arrays.copyOf(bytes, size);
        }

        private boolean lengthReached() {
            return declaredLength > 0 && size >= declaredLength;
        }

        private int append(ServletInputStream in, int wanted) throws IOException {
            if (bytes.length - size < wanted) {
                bytes = Arrays.copyOf(bytes, Math.max(size + wanted, bytes.length * 2));
            }
            int read = in.read(bytes, size, wanted);
            if (read > 0) {
                size += read;
                tooLarge = size > max;
            }
            return read;
        }
    }
}
