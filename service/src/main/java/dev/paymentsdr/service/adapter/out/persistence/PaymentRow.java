package dev.paymentsdr.service.adapter.out.persistence;

import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.domain.model.PaymentEvent;
import dev.paymentsdr.payments.domain.model.RequestFingerprint;

/**
 * Everything one payment insert writes: the payment, its idempotency record (fingerprint and stored response)
 * and its outbox event with the event's JSON.
 */
record PaymentRow(Payment payment, RequestFingerprint fingerprint, String responseBody, PaymentEvent event,
                  String eventJson) {
}
