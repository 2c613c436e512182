package dev.paymentsdr.service;

import dev.paymentsdr.service.adapter.in.api.ApiRequest;
import dev.paymentsdr.service.adapter.in.api.ApiResponse;
import dev.paymentsdr.service.adapter.in.api.PaymentApi;
import dev.paymentsdr.service.adapter.in.http.AccessLog;
import dev.paymentsdr.service.adapter.in.http.HttpLimits;
import dev.paymentsdr.service.adapter.in.http.JsonErrorHandler;
import dev.paymentsdr.service.adapter.in.http.OperationalEndpoints;
import dev.paymentsdr.service.adapter.in.http.RequestGate;
import dev.paymentsdr.service.adapter.in.http.RequestIds;
import dev.paymentsdr.service.adapter.in.http.RequestObserver;
import dev.paymentsdr.service.adapter.in.http.SlowRequestReaper;
import dev.paymentsdr.service.metrics.ServiceMetrics;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Javalin on top of a {@link PaymentServiceWiring}: a thin HTTP translation behind the {@link RequestGate}, with request id and access log. */
public final class PaymentHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentHttpServer.class);
    /** In-flight requests get this long to finish when the server stops. */
    private static final long STOP_TIMEOUT_MILLIS = 10_000;

    private final PaymentServiceWiring wiring;
    private final Javalin app;
    private final SlowRequestReaper reaper;
    private final boolean ownsWiring;

    private PaymentHttpServer(PaymentServiceWiring wiring, Javalin app, SlowRequestReaper reaper, boolean ownsWiring) {
        this.wiring = wiring;
        this.app = app;
        this.reaper = reaper;
        this.ownsWiring = ownsWiring;
    }

    /** Wires the service and listens on the configured address and port (port 0 = pick a free one), default limits. */
    public static PaymentHttpServer start(ServiceConfig config) {
        return start(config, RequestLimits.DEFAULTS);
    }

    /** Wires the service and listens on the configured address and port (port 0 = pick a free one). */
    public static PaymentHttpServer start(ServiceConfig config, RequestLimits limits) {
        PaymentServiceWiring wiring = PaymentServiceWiring.create(config, limits.json());
        try {
            return start(wiring, config.bindAddress(), config.port(), limits.http(), true);
        } catch (RuntimeException e) {
            wiring.close();
            throw e;
        }
    }

    /** Serves an existing wiring (which stays open after {@link #close()}). */
    public static PaymentHttpServer start(PaymentServiceWiring wiring, String bindAddress, int port) {
        return start(wiring, bindAddress, port, HttpLimits.DEFAULTS, false);
    }

    private static PaymentHttpServer start(PaymentServiceWiring wiring, String bindAddress, int port, HttpLimits limits,
                                           boolean ownsWiring) {
        try {
            return listen(wiring, bindAddress, port, limits, ownsWiring);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // Jetty (through Kotlin) can throw checked exceptions undeclared, e.g. when a failed bind is rolled back.
            throw new IllegalStateException("cannot listen on " + bindAddress + ":" + port + " (is the port taken?): " + e, e);
        }
    }

    private static PaymentHttpServer listen(PaymentServiceWiring wiring, String bindAddress, int port, HttpLimits limits,
                                            boolean ownsWiring) {
        PaymentApi api = wiring.api();
        ServiceMetrics metrics = wiring.metrics();
        RequestObserver accessLog = new AccessLog();
        RequestObserver requestMetrics = metrics.requests();
        RequestObserver observer = (method, path, status, requestId, started) -> {
            requestMetrics.answered(method, path, status, requestId, started);
            accessLog.answered(method, path, status, requestId, started);
        };
        OperationalEndpoints endpoints = new OperationalEndpoints(metrics::scrape);
        AtomicReference<ServerConnector> connector = new AtomicReference<>();
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(limits.maxHeaderBytes()));
            config.jetty.addConnector((server, http) -> {
                ServerConnector listening = new ServerConnector(server, new HttpConnectionFactory(http));
                listening.setHost(bindAddress);
                listening.setPort(port);
                listening.setIdleTimeout(limits.idleTimeout().toMillis());
                connector.set(listening);
                return listening;
            });
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(STOP_TIMEOUT_MILLIS);
                server.setErrorHandler(new JsonErrorHandler());
            });
            config.jetty.modifyServletContextHandler(context -> context.addFilter(new FilterHolder(
                            new RequestGate(PaymentApi.MAX_BODY_BYTES, limits.requestTimeout(), observer)),
                    "/*", EnumSet.of(DispatcherType.REQUEST)));
        });
        // Every method reaches the API, which answers 405 with Allow (or 404) in JSON; INVALID is any made-up method.
        for (HandlerType type : new HandlerType[] {HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
                HandlerType.DELETE, HandlerType.HEAD, HandlerType.OPTIONS, HandlerType.TRACE, HandlerType.CONNECT,
                HandlerType.INVALID}) {
            app.addHttpHandler(type, "/", ctx -> serve(api, endpoints, observer, ctx));
            app.addHttpHandler(type, "/<path>", ctx -> serve(api, endpoints, observer, ctx));
        }
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled failure in the HTTP adapter", e);
            ctx.status(500).contentType("application/json; charset=utf-8")
                    .result("{\"error\":{\"code\":\"internal_error\",\"message\":\"unexpected server error\"}}");
        });
        app.start();
        metrics.bindThreadPool(app.jettyServer().server().getThreadPool());
        SlowRequestReaper reaper = SlowRequestReaper.start(connector.get(), limits.requestTimeout(), metrics::slowRequestClosed);
        LOG.info("payment service listening on http://{}:{}", bindAddress, app.port());
        return new PaymentHttpServer(wiring, app, reaper, ownsWiring);
    }

    private static void serve(PaymentApi api, OperationalEndpoints endpoints, RequestObserver observer, Context ctx) {
        long started = System.nanoTime();
        HttpServletRequest request = ctx.req();
        String requestId = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
        // The method exactly as sent: methods are case-sensitive, and Javalin files unknown ones under INVALID.
        String method = request.getMethod();
        MDC.put("requestId", requestId);
        try {
            ctx.header(RequestIds.HEADER, requestId);
            ApiResponse response = endpoints.answer(method, ctx.path()).orElseGet(() -> RequestGate.body(request)
                    .map(body -> api.handle(new ApiRequest(method, ctx.path(), ctx.queryParamMap(), ctx.headerMap(), body)))
                    .orElseGet(api::bodyTooLarge));
            response.headers().forEach((name, value) -> {
                if (name.equalsIgnoreCase("Content-Type")) {
                    ctx.contentType(value);
                } else {
                    ctx.header(name, value);
                }
            });
            ctx.status(response.status()).result(response.body());
            observer.answered(method, ctx.path(), response.status(), requestId, started);
        } finally {
            MDC.remove("requestId");
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
            reaper.close();
            app.stop();
        } finally {
            if (ownsWiring) {
                wiring.close();
            }
        }
    }
}
