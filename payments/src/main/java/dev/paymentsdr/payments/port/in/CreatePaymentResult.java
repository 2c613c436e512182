package dev.paymentsdr.payments.port.in;

import dev.paymentsdr.payments.domain.model.Payment;
import java.util.Objects;

/** The payment for a create request, and whether it already existed (a replay of an earlier identical request). */
public record CreatePaymentResult(Payment payment, boolean replayed) {
    public CreatePaymentResult {
        Objects.requireNonNull(payment, "payment");
    }
}
