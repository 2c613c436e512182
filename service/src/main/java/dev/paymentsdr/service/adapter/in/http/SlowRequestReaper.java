package dev.paymentsdr.service.adapter.in.http;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends requests that arrive too slowly (slowloris): a request's line, headers and body must arrive within the request
 * timeout of its first byte, a new connection's first request within the timeout of the connection's opening. It
 * samples the connections a few times per timeout instead of arming a timer per request, so the hot path pays
 * nothing. A request still in its headers gets a 408 written on the raw connection; one in its body is expired through
 * Jetty's idle machinery, which makes the {@link RequestGate}'s asynchronous read fail and answer the 408 itself.
 */
public final class SlowRequestReaper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlowRequestReaper.class);

    private final ServerConnector connector;
    private final long timeoutMillis;
    private final byte[] timeoutResponse;
    private final Map<HttpConnection, Reading> reading = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;
    private final Listener listener;

    /** Told about every request the reaper ends (metrics). */
    @FunctionalInterface
    public interface Listener {
        void closed(boolean inHeaders);
    }

    private SlowRequestReaper(ServerConnector connector, Duration timeout, Listener listener) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.timeoutMillis = timeout.toMillis();
        this.timeoutResponse = EdgeRefusal.requestTimeout(timeout).rawResponse();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "slow-request-reaper");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts sweeping the connector's connections about ten times per timeout (every 50 to 500 ms). */
    public static SlowRequestReaper start(ServerConnector connector, Duration timeout, Listener listener) {
        SlowRequestReaper reaper = new SlowRequestReaper(connector, timeout, listener);
        long period = Math.max(50, Math.min(500, timeout.toMillis() / 10));
        reaper.sweeper.scheduleAtFixedRate(reaper::sweepSafely, period, period, TimeUnit.MILLISECONDS);
        return reaper;
    }

    private void sweepSafely() {
        try {
            sweep(System.currentTimeMillis());
        } catch (RuntimeException e) {
            LOG.warn("slow-request sweep failed; the next one retries", e);
        }
    }

    void sweep(long now) {
        Set<HttpConnection> seen = new HashSet<>();
        for (EndPoint endPoint : connector.getConnectedEndPoints()) {
            if (!(endPoint.getConnection() instanceof HttpConnection connection) || !endPoint.isOpen()) {
                continue;
            }
            seen.add(connection);
            HttpParser parser = connection.getParser();
            long requests = connection.getMessagesIn();
            // START counts as headers only on a new connection; on a kept-alive one it is the wait between requests.
            boolean inHeaders = parser.isStart() ? requests == 0 : parser.inHeaderState();
            if (!inHeaders && !parser.inContentState()) {
                reading.remove(connection); // idle between requests, or the request is complete and being served
                continue;
            }
            Reading previous = reading.get(connection);
            Reading current = previous != null && previous.sameRequest(requests, inHeaders)
                    ? previous.now(requests, inHeaders)
                    : new Reading(requests == 0 && parser.isStart() ? endPoint.getCreatedTimeStamp() : now, requests, inHeaders, false);
            if (!current.expired() && now - current.since() > timeoutMillis) {
                current = current.expire();
                boolean headers = inHeaders;
                connector.getExecutor().execute(() -> expire(endPoint, headers));
            } else if (current.expired() && now - current.since() > 2 * timeoutMillis) {
                endPoint.close(); // the polite ending did not end it
            }
            reading.put(connection, current);
        }
        reading.keySet().retainAll(seen);
    }

    private void expire(EndPoint endPoint, boolean inHeaders) {
        listener.closed(inHeaders);
        LOG.info("closing a connection from {}: its request did not arrive within {} ms ({})", endPoint.getRemoteSocketAddress(),
                timeoutMillis, inHeaders ? "headers" : "body");
        if (inHeaders) {
            // No request object exists yet; nothing else writes to this connection while its headers arrive.
            endPoint.write(Callback.from(endPoint::close, failure -> endPoint.close()), ByteBuffer.wrap(timeoutResponse));
        } else {
            endPoint.setIdleTimeout(1);
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }

    /** Since when a connection has been reading one request, and where it was at the last sweep. */
    private record Reading(long since, long requests, boolean inHeaders, boolean expired) {
        /** The headers of request n+1 are followed by its body, counted as request n+1 once the headers are parsed. */
        boolean sameRequest(long nowRequests, boolean nowInHeaders) {
            return (nowRequests == requests && nowInHeaders == inHeaders)
                    || (inHeaders && !nowInHeaders && nowRequests == requests + 1);
        }

        Reading now(long nowRequests, boolean nowInHeaders) {
            return new Reading(since, nowRequests, nowInHeaders, expired);
        }

        Reading expire() {
            return new Reading(since, requests, inHeaders, true);
        }
    }
}
