package dev.paymentsdr.payments.application;

import dev.paymentsdr.payments.domain.model.PageCursor;
import dev.paymentsdr.payments.domain.model.Payment;
import dev.paymentsdr.payments.domain.model.PaymentId;
import dev.paymentsdr.payments.domain.model.PaymentPage;
import dev.paymentsdr.payments.port.in.GetPaymentQuery;
import dev.paymentsdr.payments.port.in.ListPaymentsCommand;
import dev.paymentsdr.payments.port.in.ListPaymentsQuery;
import dev.paymentsdr.payments.port.out.ListPaymentsPort;
import dev.paymentsdr.payments.port.out.LoadPaymentPort;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Read side: one payment by id, or a customer's payments page by page. */
public final class PaymentQueryService implements GetPaymentQuery, ListPaymentsQuery {
    private final LoadPaymentPort loader;
    private final ListPaymentsPort lister;

    public PaymentQueryService(LoadPaymentPort loader, ListPaymentsPort lister) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.lister = Objects.requireNonNull(lister, "lister");
    }

    @Override
    public Optional<Payment> get(PaymentId id) {
        return loader.load(id);
    }

    @Override
    public PaymentPage list(ListPaymentsCommand command) {
        // One extra row tells whether a next page exists without a count query.
        List<Payment> rows = lister.listNewestFirst(command.customerId(), command.after(), command.limit() + 1);
        if (rows.size() <= command.limit()) {
            return new PaymentPage(rows, Optional.empty());
        }
        List<Payment> page = rows.subList(0, command.limit());
        return new PaymentPage(page, Optional.of(PageCursor.after(page.get(page.size() - 1))));
    }
}
