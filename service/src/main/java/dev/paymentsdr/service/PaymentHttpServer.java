package dev.paymentsdr.service;

import static net.logstash.logback.argument.StructuredArguments.v;

import dev.paymentsdr.service.adapter.in.api.ApiRequest;
import dev.paymentsdr.service.adapter.in.api.ApiResponse;
import dev.paymentsdr.service.adapter.in.api.PaymentApi;
import dev.paymentsdr.service.adapter.in.http.JsonErrorHandler;
import dev.paymentsdr.service.adapter.in.http.RequestIds;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Javalin on top of a {@link PaymentServiceWiring}: a thin HTTP translation plus body limit, request id and access log. */
public final class PaymentHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentHttpServer.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("dev.paymentsdr.service.access");
    /** In-flight requests get this long to finish when the server stops. */
    private static final long STOP_TIMEOUT_MILLIS = 10_000;

    private final PaymentServiceWiring wiring;
    private final Javalin app;
    private final boolean ownsWiring;

    private PaymentHttpServer(PaymentServiceWiring wiring, Javalin app, boolean ownsWiring) {
        this.wiring = wiring;
        this.app = app;
        this.ownsWiring = ownsWiring;
    }

    /** Wires the service and listens on the configured address and port (port 0 = pick a free one). */
    public static PaymentHttpServer start(ServiceConfig config) {
        PaymentServiceWiring wiring = PaymentServiceWiring.create(config);
        try {
            return start(wiring, config.bindAddress(), config.port(), true);
        } catch (RuntimeException e) {
            wiring.close();
            throw e;
        }
    }

    /** Serves an existing wiring (which stays open after {@link #close()}). */
    public static PaymentHttpServer start(PaymentServiceWiring wiring, String bindAddress, int port) {
        return start(wiring, bindAddress, port, false);
    }

    private static PaymentHttpServer start(PaymentServiceWiring wiring, String bindAddress, int port, boolean ownsWiring) {
        try {
            return listen(wiring, bindAddress, port, ownsWiring);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // Jetty (through Kotlin) can throw checked exceptions undeclared, e.g. when a failed bind is rolled back.
            throw new IllegalStateException("cannot listen on " + bindAddress + ":" + port + " (is the port taken?): " + e, e);
        }
    }

    private static PaymentHttpServer listen(PaymentServiceWiring wiring, String bindAddress, int port, boolean ownsWiring) {
        PaymentApi api = wiring.api();
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(STOP_TIMEOUT_MILLIS);
                server.setErrorHandler(new JsonErrorHandler());
            });
        });
        for (HandlerType type : new HandlerType[] {HandlerType.GET, HandlerType.POST, HandlerType.PUT,
                HandlerType.PATCH, HandlerType.DELETE, HandlerType.HEAD, HandlerType.OPTIONS}) {
            app.addHttpHandler(type, "/", ctx -> serve(api, ctx));
            app.addHttpHandler(type, "/<path>", ctx -> serve(api, ctx));
        }
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled failure in the HTTP adapter", e);
            ctx.status(500).contentType("application/json; charset=utf-8")
                    .result("{\"error\":{\"code\":\"internal_error\",\"message\":\"unexpected server error\"}}");
        });
        app.start(bindAddress, port);
        LOG.info("payment service listening on http://{}:{}", bindAddress, app.port());
        return new PaymentHttpServer(wiring, app, ownsWiring);
    }

    private static void serve(PaymentApi api, Context ctx) throws IOException {
        long started = System.nanoTime();
        String requestId = RequestIds.acceptOrGenerate(ctx.header(RequestIds.HEADER));
        MDC.put("requestId", requestId);
        try {
            ctx.header(RequestIds.HEADER, requestId);
            ApiResponse response = readBody(ctx)
                    .map(body -> api.handle(new ApiRequest(ctx.method().name(), ctx.path(), ctx.queryParamMap(),
                            ctx.headerMap(), body)))
                    .orElseGet(api::bodyTooLarge);
            response.headers().forEach((name, value) -> {
                if (name.equalsIgnoreCase("Content-Type")) {
                    ctx.contentType(value);
                } else {
                    ctx.header(name, value);
                }
            });
            ctx.status(response.status()).result(response.body());
            // v(...) prints the value in the message and adds it as a JSON field of its own.
            ACCESS.info("{} {} -> {} in {} ms", v("method", ctx.method().name()), v("path", ctx.path()),
                    v("status", response.status()), v("durationMs", (System.nanoTime() - started) / 1_000_000));
        } finally {
            MDC.remove("requestId");
        }
    }

    /** The body, or empty when it is larger than the limit (never reads more than one byte past it). */
    private static Optional<byte[]> readBody(Context ctx) throws IOException {
        if (ctx.req().getContentLengthLong() > PaymentApi.MAX_BODY_BYTES) {
            return Optional.empty();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(PaymentApi.MAX_BODY_BYTES + 1);
            return body.length > PaymentApi.MAX_BODY_BYTES ? Optional.empty() : Optional.of(body);
        }
    }

    public int port() {
        return app.port();
    }

    public PaymentServiceWiring wiring() {
        return wiring;
    }

    /** Stops accepting, lets in-flight requests finish (up to 10 s), then closes the pool when this server owns it. */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            if (ownsWiring) {
                wiring.close();
            }
        }
    }
}
