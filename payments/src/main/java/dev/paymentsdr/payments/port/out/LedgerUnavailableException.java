package dev.paymentsdr.payments.port.out;

/** The ledger cannot serve the request now (read-only standby or fenced primary, or unreachable); nothing was written. */
public final class LedgerUnavailableException extends RuntimeException {

    /** Why the ledger is unavailable. */
    public enum Reason {
        /** The database is reachable but refuses writes (a standby, or a primary fenced read-only). */
        NOT_PRIMARY,
        /** The database cannot be reached or dropped the connection. */
        UNREACHABLE
    }

    private final Reason reason;

    public LedgerUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
