package dev.paymentsdr.localpg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks loopback TCP ports that nothing listens on right now. */
public final class FreePorts {
    /**
     * Listening ports are picked below Linux's ephemeral range (32768-60999): a port the OS hands out for port 0 is
     * also what it hands to outgoing connections, and a lab holds dozens of those (links, HAProxy, pools), so such
     * a port was sometimes taken by a connection in the seconds between picking it and starting a server on it.
     */
    private static final int FIRST = 20000;
    private static final int LAST = 32767;

    private FreePorts() {
    }

    /** A port below the ephemeral range that was free on 127.0.0.1 a moment ago. */
    public static int pick() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(FIRST, LAST + 1);
            if (isFree(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port", e);
        }
    }

    /**
     * True when nothing listens on 127.0.0.1 at that port. SO_REUSEADDR is set before binding, as the servers set
     * it: connections a stopped server left in TIME_WAIT (a link's, after 'lab down') do not keep its port taken.
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
