package dev.paymentsdr.lab.drill;

/**
 * One payment request the load generator sent.
 *
 * @param sentNanos  when it was sent, nanoseconds since the drill's time origin
 * @param endNanos   when the answer (or the error) arrived
 * @param status     HTTP status, or 0 when no answer came (connection refused, timeout)
 * @param paymentId  the payment's id when acknowledged, else null
 */
public record RequestRecord(long seq, String idempotencyKey, long sentNanos, long endNanos, int status, String paymentId) {
    /** Acknowledged: the client was told the payment exists (HTTP 2xx). */
    public boolean acked() {
        return status >= 200 && status < 300;
    }
}
