package dev.paymentsdr.localpg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for tests and benchmarks: a new cluster in a temporary directory on a
 * free loopback port, stopped and deleted on {@link #close()} (or when the JVM exits).
 */
public final class TemporaryPostgres implements AutoCloseable {
    private final Path root;
    private final PostgresServer server;
    private final String password;
    private final Thread shutdownHook;

    private TemporaryPostgres(Path root, PostgresServer server, String password) {
        this.root = root;
        this.server = server;
        this.password = password;
        this.shutdownHook = new Thread(this::stopAndDelete, "temporary-postgres-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a server tuned for tests (no fsync); the extra settings go into its configuration. */
    public static TemporaryPostgres start(Map<String, String> extraSettings) {
        PostgresBinaries binaries = PostgresBinaries.require();
        Path root = createTraversableTempDir();
        String password = randomPassword();
        PostgresServer server = new PostgresServer(binaries, root.resolve("pg"), FreePorts.pick(), password);
        TemporaryPostgres instance = new TemporaryPostgres(root, server, password);
        try {
            java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
            settings.put("fsync", "off");
            settings.put("max_connections", "300");
            settings.putAll(extraSettings);
            server.initPrimary(settings);
            server.start();
            return instance;
        } catch (RuntimeException e) {
            instance.close();
            throw e;
        }
    }

    /** Starts a server with the default test settings. */
    public static TemporaryPostgres start() {
        return start(Map.of());
    }

    public PostgresServer server() {
        return server;
    }

    /** JDBC URL of the {@code postgres} database. */
    public String jdbcUrl() {
        return server.jdbcUrl("postgres");
    }

    public String username() {
        return PostgresServer.SUPERUSER;
    }

    public String password() {
        return password;
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
        try {
            server.stop();
        } catch (RuntimeException e) {
            server.kill();
        }
        deleteTree(root);
    }

    private static Path createTraversableTempDir() {
        try {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "localpg-");
            // The postgres account must be able to pass through to its own 0700 home below.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
            return dir;
        } catch (IOException e) {
            throw new LocalPgException("cannot create a temporary directory under /tmp: " + e.getMessage(), e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Deletes a directory tree, best effort (used for temporary server homes). */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp directory left under /tmp is cleaned by the OS
        }
    }
}
