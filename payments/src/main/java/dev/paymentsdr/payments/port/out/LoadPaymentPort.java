package dev.paymentsdr.payments.port.out;

import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.domain.model.PaymentId;
import java.util.Optional;

/** Loads one payment by id. */
public interface LoadPaymentPort {
    Optional<Payment> load(PaymentId id);
}
