package dev.paymentsdr.cli.failover;

import io.javalin.Javalin;
import java.util.function.Supplier;

/** Serves {@code GET /metrics} in the Prometheus text format on one address and port (Javalin, as the service does). */
final class MetricsServer implements AutoCloseable {
    static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Javalin app;

    private MetricsServer(Javalin app) {
        this.app = app;
    }

    /** Listens on {@code address:port} ({@code port} 0: a free one); fails at once when it cannot bind. */
    static MetricsServer start(String address, int port, Supplier<String> metrics) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
        });
        app.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_CONTENT_TYPE).header("Cache-Control", "no-store")
                .result(metrics.get()));
        try {
            app.start(address, port);
        } catch (RuntimeException e) {
            app.stop();
            throw e;
        }
        return new MetricsServer(app);
    }

    /** The port it listens on (the chosen one when asked for 0). */
    int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
