package dev.paymentsdr.payments.port.out;

import dev.paymentsdr.payments.domain.model.CustomerId;
import dev.paymentsdr.payments.domain.model.PageCursor;
import dev.paymentsdr.payments.domain.model.Payment;
import java.util.List;
import java.util.Optional;

/** Lists a customer's payments ordered by (createdAt, id) descending, strictly after a cursor. */
public interface ListPaymentsPort {
    List<Payment> listNewestFirst(CustomerId customerId, Optional<PageCursor> after, int limit);
}
