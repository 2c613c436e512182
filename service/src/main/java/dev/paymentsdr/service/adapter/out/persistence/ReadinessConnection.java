package dev.paymentsdr.service.adapter.out.persistence;

import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * The readiness check's own connection, kept open between checks and opened without a pool: a database that refuses
 * connections (crashed, stopped) fails the check at once, where a pool would retry for its whole connection timeout,
 * while a slow database still gets a bounded wait.
 */
final class ReadinessConnection implements AutoCloseable {
    /** How long a check may wait for the database (and for a check before it): the payment pool's connection timeout. */
    static final Duration WAIT = Duration.ofSeconds(2);

    private final DataSource direct;
    private final Duration wait;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection open;

    /** What a check does with the connection. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    ReadinessConnection(DataSource direct, Duration wait) {
        this.direct = direct;
        this.wait = wait;
    }

    /**
     * Runs {@code work} on the connection. A kept connection that broke since the last check (the database restarted,
     * or ended the session) is replaced once, so only the database's state now decides; a time-out is not retried.
     */
    <T> T use(Work<T> work) throws SQLException {
        try {
            if (!lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SQLTimeoutException("the check before this one has waited " + wait.toMillis()
                        + " ms for the database", "HYT00");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the readiness connection", "HY008", e);
        }
        try {
            boolean kept = open != null;
            try {
                return work.apply(connection());
            } catch (SQLException | RuntimeException e) {
                discard();
                if (!kept || timedOut(e)) {
                    throw e;
                }
            }
            try {
                return work.apply(connection());
            } catch (SQLException | RuntimeException e) {
                discard();
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    private Connection connection() throws SQLException {
        if (open == null) {
            Connection fresh = direct.getConnection();
            // bounds every statement of the checks, also on a server that stopped answering (socketTimeout is 30 s)
            fresh.setNetworkTimeout(Runnable::run, (int) wait.toMillis());
            open = fresh;
        }
        return open;
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof SQLTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private void discard() {
        Connection broken = open;
        open = null;
        if (broken != null) {
            try {
                broken.abort(Runnable::run);
            } catch (SQLException | RuntimeException ignored) {
                // the connection is already gone; nothing is left to release
            }
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            discard();
        } finally {
            lock.unlock();
        }
    }
}
