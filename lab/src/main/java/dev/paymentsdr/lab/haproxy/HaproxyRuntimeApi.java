package dev.paymentsdr.lab.haproxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Client of HAProxy's runtime API over its admin unix socket (one command per connection): read server
 * states and statistics, put servers in ready/drain/maint, force health, set weights, and tell which server
 * a backend routes new requests to.
 */
public final class HaproxyRuntimeApi {
    private static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

    /** Administrative state of a server, as {@code set server <b>/<s> state} takes it. */
    public enum AdminState { READY, DRAIN, MAINT }

    /** Health a server is forced to, as {@code set server <b>/<s> health} takes it. */
    public enum Health { UP, STOPPING, DOWN }

    /**
     * One row of {@code show servers state}.
     *
     * @param operationalState 0 stopped, 1 starting, 2 running, 3 stopping
     * @param adminState       bit field: 0x01 forced maintenance, 0x08 forced drain, ...; 0 means ready
     */
    public record ServerState(String backend, String server, String address, int operationalState, int adminState,
                              int userWeight, int port) {
        public boolean isRunning() {
            return operationalState == 2;
        }
    }

    /** The limit of one command: connect, write and read the whole answer. */
    public static final java.time.Duration COMMAND_TIMEOUT = java.time.Duration.ofSeconds(2);
    /** Closes channels whose command outlived its limit: closing ends a blocked read or write at once. */
    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "haproxy-api-watchdog");
                t.setDaemon(true);
                return t;
            });

    private final Path socket;
    private final java.time.Duration timeout;

    public HaproxyRuntimeApi(Path socket) {
        this(socket, COMMAND_TIMEOUT);
    }

    public HaproxyRuntimeApi(Path socket, java.time.Duration timeout) {
        this.socket = socket;
        this.timeout = timeout;
    }

    public Path socket() {
        return socket;
    }

    /** Sends one command and returns HAProxy's answer text. */
    public String execute(String command) {
        if (command.contains("\n")) {
            throw new IllegalArgumentException("one runtime API command per call, without newlines");
        }
        java.util.concurrent.ScheduledFuture<?> watchdog = null;
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            watchdog = WATCHDOG.schedule(() -> {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }, timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            channel.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer out = ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(16 * 1024);
            while (channel.read(in) >= 0) {
                in.flip();
                answer.write(in.array(), 0, in.limit());
                in.clear();
                if (answer.size() > MAX_RESPONSE_BYTES) {
                    throw new HaproxyException("HAProxy answer to '" + command + "' exceeds " + MAX_RESPONSE_BYTES + " bytes");
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        } catch (java.nio.channels.AsynchronousCloseException e) {
            throw new HaproxyException("HAProxy runtime API at " + socket + " did not answer '" + command + "' within "
                    + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new HaproxyException("cannot talk to HAProxy runtime API at " + socket + ": " + e.getMessage(), e);
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
        }
    }

    /** True when the socket answers. */
    public boolean isAvailable() {
        try {
            return execute("show info").contains("Name:");
        } catch (HaproxyException e) {
            return false;
        }
    }

    /** The servers of every backend (or one, when {@code backend} is not null) from {@code show stat}. */
    public List<ServerStat> showStat(String backend) {
        List<ServerStat> stats = new ArrayList<>();
        List<Map<String, String>> rows = parseTable(execute("show stat"), ",");
        for (Map<String, String> row : rows) {
            String proxy = row.get("pxname");
            String server = row.get("svname");
            if (proxy == null || server == null || server.equals("FRONTEND") || server.equals("BACKEND")
                    || (backend != null && !backend.equals(proxy))) {
                continue;
            }
            stats.add(new ServerStat(proxy, server, row.getOrDefault("status", ""), parseInt(row.get("weight")),
                    "1".equals(row.get("bck")), row.getOrDefault("check_status", "")));
        }
        return stats;
    }

    /** The servers of one backend from {@code show servers state <backend>}. */
    public List<ServerState> showServersState(String backend) {
        String text = execute("show servers state " + backend);
        // the first line is the format version, the second the '#'-prefixed header
        int firstNewline = text.indexOf('\n');
        String table = firstNewline < 0 ? "" : text.substring(firstNewline + 1);
        List<ServerState> states = new ArrayList<>();
        for (Map<String, String> row : parseTable(table, " ")) {
            states.add(new ServerState(row.get("be_name"), row.get("srv_name"), row.get("srv_addr"),
                    parseInt(row.get("srv_op_state")), parseInt(row.get("srv_admin_state")),
                    parseInt(row.get("srv_uweight")), parseInt(row.get("srv_port"))));
        }
        if (states.isEmpty() && !text.strip().startsWith("1")) {
            throw new HaproxyException("HAProxy refused 'show servers state " + backend + "': " + text.strip());
        }
        return states;
    }

    /** Puts a server in ready, drain (no new requests) or maintenance (no requests, no checks). */
    public void setState(String backend, String server, AdminState state) {
        command("set server " + target(backend, server) + " state " + state.name().toLowerCase(Locale.ROOT));
    }

    /** Forces the health-check result of a server until the next check says otherwise. */
    public void setHealth(String backend, String server, Health health) {
        command("set server " + target(backend, server) + " health " + health.name().toLowerCase(Locale.ROOT));
    }

    /**
     * Stops or restarts a server's health checks. Stopped, HAProxy keeps the last result until told otherwise
     * ({@link #setHealth}) and no failed check can take the server out.
     */
    public void setHealthChecks(String backend, String server, boolean on) {
        command((on ? "enable" : "disable") + " health " + target(backend, server));
    }

    /**
     * Ends every session (request) in progress on a server: a request parked on a frozen or cut-off region fails at
     * once, so its client retries instead of waiting for its timeout.
     */
    public void shutdownSessions(String backend, String server) {
        command("shutdown sessions server " + target(backend, server));
    }

    /** Sets a server's weight (0..256); 0 means no new requests. */
    public void setWeight(String backend, String server, int weight) {
        if (weight < 0 || weight > 256) {
            throw new IllegalArgumentException("weight must be 0..256, was " + weight);
        }
        command("set weight " + target(backend, server) + " " + weight);
    }

    /**
     * The server the backend sends new requests to now: the first active server that takes traffic, else
     * the first backup that does (HAProxy's rule without {@code allbackups}); empty when none can.
     */
    public Optional<String> routesTo(String backend) {
        return routesTo(showStat(backend));
    }

    /** The routing rule of {@link #routesTo(String)} applied to given rows. */
    public static Optional<String> routesTo(List<ServerStat> servers) {
        return servers.stream().filter(s -> !s.backup() && s.takesTraffic()).findFirst()
                .or(() -> servers.stream().filter(s -> s.backup() && s.takesTraffic()).findFirst())
                .map(ServerStat::server);
    }

    private void command(String command) {
        String answer = execute(command).strip();
        if (!answer.isEmpty()) {
            throw new HaproxyException("HAProxy refused '" + command + "': " + answer);
        }
    }

    private static String target(String backend, String server) {
        for (String part : new String[] {backend, server}) {
            if (part == null || !part.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("backend and server names are letters, digits, '.', '_' or '-', was '" + part + "'");
            }
        }
        return backend + "/" + server;
    }

    /** Parses a '#'-headed table (CSV from show stat, space-separated from show servers state). */
    static List<Map<String, String>> parseTable(String text, String separator) {
        List<Map<String, String>> rows = new ArrayList<>();
        String[] header = null;
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                header = line.substring(1).strip().split(separator.equals(",") ? "," : "\\s+");
                continue;
            }
            if (header == null) {
                continue;
            }
            String[] cells = line.split(separator.equals(",") ? "," : "\\s+", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length && i < cells.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static int parseInt(String text) {
        try {
            return text == null || text.isEmpty() ? 0 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
