package dev.paymentsdr.localpg;

/** A PostgreSQL tool or server could not do what was asked; the message names the step and where to look. */
public class LocalPgException extends RuntimeException {
    public LocalPgException(String message) {
        super(message);
    }

    public LocalPgException(String message, Throwable cause) {
        super(message, cause);
    }
}
