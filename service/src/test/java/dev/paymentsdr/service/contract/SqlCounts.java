package dev.paymentsdr.service.contract;

/** The row counts of the SQL ledgers, the same on PostgreSQL and MySQL. */
final class SqlCounts {
    private SqlCounts() {
    }

    static String of(LedgerApiContract.Stored what) {
        return switch (what) {
            case PAYMENTS -> "SELECT count(*) FROM payments";
            case IDEMPOTENCY_RECORDS -> "SELECT count(*) FROM idempotency_records";
            case PENDING_EVENTS -> "SELECT count(*) FROM payment_outbox WHERE relayed_at IS NULL";
        };
    }
}
