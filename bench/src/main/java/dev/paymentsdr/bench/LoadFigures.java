package dev.paymentsdr.bench;

/** What one wrk run measured: throughput of successful requests and latency percentiles (milliseconds). */
public record LoadFigures(long requests, long errors, double seconds, double p50Ms, double p90Ms, double p99Ms,
                          double maxMs) {
    /** Successful (2xx) requests per second. */
    public double successesPerSecond() {
        return seconds <= 0 ? 0 : (requests - errors) / seconds;
    }
}
