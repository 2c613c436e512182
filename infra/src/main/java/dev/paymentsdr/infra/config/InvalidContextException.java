package dev.paymentsdr.infra.config;

/** A context parameter had a value the app cannot use; the message names the key, the value and what is accepted. */
public final class InvalidContextException extends RuntimeException {
    public InvalidContextException(String message) {
        super(message);
    }
}
