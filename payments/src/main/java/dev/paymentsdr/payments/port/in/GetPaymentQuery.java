package dev.paymentsdr.payments.port.in;

import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.domain.model.PaymentId;
import java.util.Optional;

/** Reads one payment by id. */
public interface GetPaymentQuery {
    Optional<Payment> get(PaymentId id);
}
