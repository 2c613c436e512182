package dev.paymentsdr.payments.port.in;

import dev.paymentsdr.payments.domain.model.PaymentPage;

/** Lists a customer's payments newest first, one page at a time (keyset pagination). */
public interface ListPaymentsQuery {
    PaymentPage list(ListPaymentsCommand command);
}
