package dev.paymentsdr.payments.domain.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of a customer's payments, newest first, and the cursor of the next page when there is one. */
public record PaymentPage(List<Payment> items, Optional<PageCursor> nextCursor) {
    public PaymentPage {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
