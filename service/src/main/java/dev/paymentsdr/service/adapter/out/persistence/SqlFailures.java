package dev.paymentsdr.service.adapter.out.persistence;

import dev.paymentsdr.payments.port.out.LedgerUnavailableException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/** Classifies database failures: "cannot write here" and "cannot reach" become 503s, everything else is a bug. */
final class SqlFailures {
    /** read_only_sql_transaction: a standby, or a primary fenced with default_transaction_read_only. */
    static final String READ_ONLY_SQL_TRANSACTION = "25006";
    /** undefined_table: the schema is not migrated yet (the database was never writable since startup). */
    static final String UNDEFINED_TABLE = "42P01";

    private SqlFailures() {
    }

    /** The ledger exception for a failure that means "not now", or empty when it is a real error. */
    static Optional<LedgerUnavailableException> unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LedgerUnavailableException known) {
                return Optional.of(known);
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                if (state.equals(READ_ONLY_SQL_TRANSACTION)) {
                    return Optional.of(new LedgerUnavailableException(LedgerUnavailableException.Reason.NOT_PRIMARY,
                            "the database is read-only (standby or fenced primary)", failure));
                }
                if (state.equals(UNDEFINED_TABLE)) {
                    return Optional.of(new LedgerUnavailableException(LedgerUnavailableException.Reason.UNREACHABLE,
                            "the payment schema is not migrated yet; it is once the database is writable", failure));
                }
                if (isConnectionFailure(sql, state)) {
                    return Optional.of(new LedgerUnavailableException(LedgerUnavailableException.Reason.UNREACHABLE,
                            "the database is unreachable (SQLState " + (state.isEmpty() ? "none" : state) + ")", failure));
                }
            }
        }
        return Optional.empty();
    }

    static RuntimeException translate(SQLException failure, String action) {
        return unavailable(failure).<RuntimeException>map(e -> e)
                .orElseGet(() -> new IllegalStateException(action + " failed: SQLState " + failure.getSQLState()
                        + ": " + failure.getMessage(), failure));
    }

    private static boolean isConnectionFailure(SQLException sql, String state) {
        return sql instanceof SQLTransientConnectionException
                || sql instanceof SQLRecoverableException
                || state.startsWith("08")      // connection exception (also the AWS JDBC Wrapper's failover codes)
                || state.equals("57P01")       // admin_shutdown
                || state.equals("57P02")       // crash_shutdown
                || state.equals("57P03")       // cannot_connect_now (starting up, or not accepting connections)
                || state.equals("53300");      // too_many_connections
    }
}
