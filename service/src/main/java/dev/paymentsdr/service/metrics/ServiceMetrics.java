package dev.paymentsdr.service.metrics;

import dev.paymentsdr.service.adapter.in.http.RequestObserver;
import dev.paymentsdr.service.health.ReadinessProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * The metrics of one service instance, for Prometheus ({@code GET /metrics}): HTTP requests by route and status,
 * ledger and pool timings, readiness, replication lag, Jetty's threads and the JVM. Every series carries the region.
 */
public final class ServiceMetrics implements AutoCloseable {
    /** Histogram buckets for request and ledger latencies: a few, so a scrape stays small and recording cheap. */
    static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private final HttpRequestMetrics requests;
    private final Counter slowHeaders;
    private final Counter slowBodies;

    private ServiceMetrics(String region) {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("region", region);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        requests = new HttpRequestMetrics(registry);
        slowHeaders = slowRequests("headers");
        slowBodies = slowRequests("body");
    }

    /** A registry for the service of one region. */
    public static ServiceMetrics create(String region) {
        return new ServiceMetrics(region);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Every metric in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    /** Records each answered request in {@code http_server_requests_seconds}. */
    public RequestObserver requests() {
        return requests;
    }

    /** Counts a request ended by the slow-request reaper, by the phase it was stuck in. */
    public void slowRequestClosed(boolean inHeaders) {
        (inHeaders ? slowHeaders : slowBodies).increment();
    }

    /** The probe, reporting each of its results in the readiness and replication gauges. */
    public ReadinessProbe observed(ReadinessProbe probe) {
        return new ObservedReadinessProbe(probe, registry);
    }

    /** Jetty's thread pool: busy threads against the maximum show whether slow clients or load starve it. */
    public void bindThreadPool(ThreadPool pool) {
        if (pool instanceof ThreadPool.SizedThreadPool sized) {
            Gauge.builder("jetty.threads.max", sized, ThreadPool.SizedThreadPool::getMaxThreads)
                    .description("the largest number of request threads").register(registry);
        }
        Gauge.builder("jetty.threads.current", pool, ThreadPool::getThreads).register(registry);
        Gauge.builder("jetty.threads.idle", pool, ThreadPool::getIdleThreads).register(registry);
    }

    /** A gauge read at each scrape, such as the pool's waiting threads. */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    private Counter slowRequests(String phase) {
        return Counter.builder("payments.http.slow.requests").description("requests ended because they did not arrive "
                + "within the request timeout").tag("phase", phase).register(registry);
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }
}
