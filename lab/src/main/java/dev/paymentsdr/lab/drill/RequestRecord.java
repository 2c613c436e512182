package dev.paymentsdr.lab.drill;

/**
 * One payment request a drill client sent.
 *
 * @param sentNanos  when it was sent, nanoseconds since the drill's time origin
 * @param endNanos   when the answer (or the error) arrived
 * @param status     HTTP status, or 0 when no answer came (connection refused, timeout)
 * @param paymentId  the payment's id when acknowledged, else null
 * @param closedLoop true when a closed-loop client sent it (its next request waited for this one), false for the
 *                   open-loop generator
 */
public record RequestRecord(long seq, String idempotencyKey, long sentNanos, long endNanos, int status, String paymentId,
                            boolean closedLoop) {
    /** An open-loop request. */
    public RequestRecord(long seq, String idempotencyKey, long sentNanos, long endNanos, int status, String paymentId) {
        this(seq, idempotencyKey, sentNanos, endNanos, status, paymentId, false);
    }

    /** Acknowledged: the client was told the payment exists (HTTP 2xx). */
    public boolean acked() {
        return status >= 200 && status < 300;
    }
}
