package dev.paymentsdr.payments.domain.model;

/** A payment request value breaks a domain rule; carries the offending field and a message for the client. */
public final class InvalidPaymentException extends RuntimeException {
    private final String field;

    public InvalidPaymentException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** Name of the request field that was wrong, as the client spelled it. */
    public String field() {
        return field;
    }
}
