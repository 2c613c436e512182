package dev.paymentsdr.service.adapter.out.persistence;

import java.sql.SQLException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failed readiness check into the reason anyone who can call {@code /health/ready} may read (its kind and
 * SQLState: never a host, port, user or driver message) and logs the details once per change, not once per probe.
 */
final class ReadinessFailures {
    private static final Logger LOG = LoggerFactory.getLogger(ReadinessFailures.class);

    private String lastLogged;

    /** The public reason for the failure; its details go to the log when they differ from the last ones. */
    synchronized String reasonFor(Throwable failure) {
        SQLException sql = innermostSqlFailure(failure);
        String state = sql == null ? null : sql.getSQLState();
        String reason = reason(state);
        String detail = sql != null ? "SQLState " + state + ": " + firstLine(sql.getMessage()) : firstLine(failure.getMessage());
        if (!Objects.equals(detail, lastLogged)) {
            LOG.warn("readiness check failed: {} ({})", reason, detail);
            lastLogged = detail;
        }
        return reason;
    }

    /** The database answers again: the next failure is logged even when it is the same as the last. */
    synchronized void recovered() {
        if (lastLogged != null) {
            LOG.info("readiness check passes again");
            lastLogged = null;
        }
    }

    /** The kind of failure, which a load balancer and an operator can act on, with the SQLState when there is one. */
    static String reason(String sqlState) {
        String code = sqlState == null ? "" : " (SQLState " + sqlState + ")";
        if (sqlState == null || sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03") || sqlState.equals("53300")) {
            return "database unreachable" + code + "; details in the service log";
        }
        if (sqlState.startsWith("28")) {
            return "database authentication failed" + code + "; check the service's database user and password (details in the service log)";
        }
        if (sqlState.equals("25006")) { // read_only_sql_transaction
            return "database is read-only" + code;
        }
        return "database check failed" + code + "; details in the service log";
    }

    private static SQLException innermostSqlFailure(Throwable e) {
        SQLException innermost = null;
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                innermost = sql;
            }
        }
        return innermost;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
