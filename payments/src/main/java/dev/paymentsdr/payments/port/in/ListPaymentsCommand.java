package dev.paymentsdr.payments.port.in;

import dev.paymentsdr.payments.domain.model.CustomerId;
import dev.paymentsdr.payments.domain.model.InvalidPaymentException;
import dev.paymentsdr.payments.domain.model.PageCursor;
import java.util.Objects;
import java.util.Optional;

/** A request for one page of a customer's payments: 1 to 100 items, after an optional cursor. */
public record ListPaymentsCommand(CustomerId customerId, int limit, Optional<PageCursor> after) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public ListPaymentsCommand {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidPaymentException("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
        }
    }
}
