package dev.paymentsdr.failover.port.out;

import java.time.Duration;

/** Sends a real payment through the global entry to prove the system takes writes again. */
public interface PaymentProbe {
    /** Posts a payment with this idempotency key and reads it back; fails when no round trip succeeds in time. */
    String roundTrip(String idempotencyKey, Duration timeout);
}
