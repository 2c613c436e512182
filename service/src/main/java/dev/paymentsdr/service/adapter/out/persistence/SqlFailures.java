package dev.paymentsdr.service.adapter.out.persistence;

import dev.paymentsdr.payments.port.out.LedgerUnavailableException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/** Classifies database failures: "cannot write here" and "cannot reach" become 503s, everything else is a bug. */
final class SqlFailures {
    private SqlFailures() {
    }

    /** The ledger exception for a failure that means "not now", or empty when it is a real error. */
    static Optional<LedgerUnavailableException> unavailable(Throwable failure, SqlDialect dialect) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LedgerUnavailableException known) {
                return Optional.of(known);
            }
            if (t instanceof SQLException sql) {
                Optional<LedgerUnavailableException> specific = dialect.unavailable(sql);
                if (specific.isPresent()) {
                    return specific;
                }
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                if (sql instanceof SQLTransientConnectionException || sql instanceof SQLRecoverableException
                        // connection exception (also the AWS JDBC Wrapper's failover codes)
                        || state.startsWith("08")) {
                    return Optional.of(unreachable(failure, "SQLState " + (state.isEmpty() ? "none" : state)));
                }
            }
        }
        return Optional.empty();
    }

    static RuntimeException translate(SQLException failure, String action, SqlDialect dialect) {
        return unavailable(failure, dialect).<RuntimeException>map(e -> e)
                .orElseGet(() -> new IllegalStateException(action + " failed: SQLState " + failure.getSQLState()
                        + ": " + failure.getMessage(), failure));
    }

    static LedgerUnavailableException unreachable(Throwable failure, String code) {
        return new LedgerUnavailableException(LedgerUnavailableException.Reason.UNREACHABLE,
                "the database is unreachable (" + code + ")", failure);
    }

    static LedgerUnavailableException notMigrated(Throwable failure) {
        return new LedgerUnavailableException(LedgerUnavailableException.Reason.UNREACHABLE,
                "the payment schema is not migrated yet; it is once the database is writable", failure);
    }
}
