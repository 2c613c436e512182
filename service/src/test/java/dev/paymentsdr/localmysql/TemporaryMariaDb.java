package dev.paymentsdr.localmysql;

import dev.paymentsdr.localpg.FreePorts;
import dev.paymentsdr.localpg.Program;
import dev.paymentsdr.localpg.TemporaryPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway MariaDB 10.11 server (Debian's {@code mariadb-server}, the MySQL server these machines can install)
 * for tests: a new data directory under /tmp, a free loopback port, a database {@code payments} and an
 * unprivileged account {@code app} with a random password. As root the server runs as the {@code mysql} account
 * the package creates. Stopped and deleted on {@link #close()} (or when the JVM exits).
 */
public final class TemporaryMariaDb implements AutoCloseable {
    private static final String SERVICE_ACCOUNT = "mysql";
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path root;
    private final Path dataDir;
    private final int port;
    private final String password;
    private final Thread shutdownHook;
    private Process server;

    private TemporaryMariaDb(Path root, int port, String password) {
        this.root = root;
        this.dataDir = root.resolve("data");
        this.port = port;
        this.password = password;
        this.shutdownHook = new Thread(this::stopAndDelete, "temporary-mariadb-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Initializes and starts a server; the error names what is missing or the server log's end. */
    public static TemporaryMariaDb start() {
        Path installDb = require("mariadb-install-db", "/usr/bin/mariadb-install-db");
        Path daemon = require("mariadbd", "/usr/sbin/mariadbd");
        TemporaryMariaDb instance = new TemporaryMariaDb(createTraversableTempDir(), FreePorts.pick(), randomPassword());
        try {
            instance.initialize(installDb);
            instance.startServer(daemon);
            instance.execute("CREATE DATABASE payments",
                    "CREATE USER 'app'@'127.0.0.1' IDENTIFIED BY '" + instance.password + "'",
                    "GRANT ALL PRIVILEGES ON payments.* TO 'app'@'127.0.0.1'");
            return instance;
        } catch (RuntimeException e) {
            instance.close();
            throw e;
        }
    }

    /** {@code jdbc:mysql://127.0.0.1:PORT/payments}. */
    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/payments";
    }

    /** The unprivileged account the service uses (no SUPER: read_only applies to it). */
    public String username() {
        return "app";
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** Runs statements as the server's root account (over its socket), e.g. {@code SET GLOBAL read_only = ON}. */
    public String execute(String... statements) {
        List<String> command = new ArrayList<>(List.of("mariadb", "--no-defaults", "-uroot", "--socket=" + socket(),
                "--batch", "--skip-column-names", "-e", String.join("; ", statements)));
        Program.Result result = run(command);
        if (!result.succeeded()) {
            throw new IllegalStateException("mariadb statements failed: " + result.tail(600));
        }
        return result.output().strip();
    }

    private void initialize(Path installDb) {
        try {
            Files.createDirectories(dataDir);
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
            if (isRoot()) {
                Files.setOwner(dataDir, dataDir.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName(SERVICE_ACCOUNT));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare " + dataDir + ": " + e.getMessage(), e);
        }
        Program.Result result = run(asServerUser(List.of(installDb.toString(), "--no-defaults", "--datadir=" + dataDir,
                "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve")));
        if (!result.succeeded()) {
            throw new IllegalStateException("mariadb-install-db failed: " + result.tail(800));
        }
    }

    private void startServer(Path daemon) {
        List<String> command = new ArrayList<>(List.of(daemon.toString(), "--no-defaults", "--datadir=" + dataDir,
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + socket(),
                "--pid-file=" + dataDir.resolve("mariadbd.pid"), "--log-error=" + dataDir.resolve("error.log"),
                "--skip-name-resolve", "--skip-log-bin", "--max-connections=300",
                // Tests need no durability across crashes of the machine; they do need speed on 2 cores.
                "--innodb-buffer-pool-size=64M", "--innodb-flush-log-at-trx-commit=2", "--sync-binlog=0"));
        if (isRoot()) {
            command.add("--user=" + SERVICE_ACCOUNT); // mariadbd refuses to run as root; it changes user itself
        }
        try {
            server = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(root.resolve("mariadbd.out").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + daemon + ": " + e.getMessage(), e);
        }
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("mariadbd exited with code " + server.exitValue() + ": " + errorLogTail());
            }
            if (run(List.of("mariadb-admin", "--no-defaults", "-uroot", "--socket=" + socket(), "--connect-timeout=2",
                    "ping")).succeeded()) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException("mariadbd did not answer on port " + port + " within " + START_TIMEOUT.toSeconds()
                + " s: " + errorLogTail());
    }

    private String errorLogTail() {
        try {
            String log = Files.readString(dataDir.resolve("error.log"));
            return log.length() > 800 ? "..." + log.substring(log.length() - 800) : log;
        } catch (IOException e) {
            return "(no error log: " + e.getMessage() + ")";
        }
    }

    private Path socket() {
        return dataDir.resolve("mariadbd.sock");
    }

    @Override
    public void close() {
        stopAndDelete();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down and runs the hook itself
        }
    }

    private synchronized void stopAndDelete() {
        if (server != null && server.isAlive()) {
            server.destroy(); // SIGTERM: mariadbd shuts down cleanly
            try {
                if (!server.waitFor(20, TimeUnit.SECONDS)) {
                    server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                server.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        TemporaryPostgres.deleteTree(root);
    }

    private static Program.Result run(List<String> command) {
        try {
            return Program.run(command, null, Map.of(), TOOL_TIMEOUT);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    private static List<String> asServerUser(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", SERVICE_ACCOUNT, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    private static Path require(String name, String debianPath) {
        Path path = Path.of(debianPath);
        if (Files.isExecutable(path)) {
            return path;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, name);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(name + " not found: install MariaDB with scripts/install-deps "
                + "(the Debian package mariadb-server; as root: apt-get install -y mariadb-server)");
    }

    private static Path createTraversableTempDir() {
        try {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "localmysql-");
            // The mysql account must pass through to its own 0700 data directory below.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary directory under /tmp: " + e.getMessage(), e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for mariadbd", e);
        }
    }
}
