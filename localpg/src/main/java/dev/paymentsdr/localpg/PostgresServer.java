package dev.paymentsdr.localpg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * One real PostgreSQL server on 127.0.0.1: its home directory holds {@code data/}, {@code postgres.log}
 * and a password file; every tool runs as the postgres account.
 */
public final class PostgresServer {
    /** The superuser every lab and test server is created with. */
    public static final String SUPERUSER = "postgres";
    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(3);
    /** Default limit of one SQL session: connect, login, every read and every statement. */
    public static final Duration SQL_TIMEOUT = Duration.ofSeconds(30);
    private static final String SETTINGS_FILE = "localpg.conf";
    private static final String AUTO_CONF = "postgresql.auto.conf";
    /** Keys of the standby configuration that this class writes (and rewrites) in postgresql.auto.conf. */
    private static final List<String> STANDBY_KEYS = List.of("primary_conninfo", "primary_slot_name",
            "recovery_target_timeline");

    private final PostgresBinaries binaries;
    private final Path home;
    private final int port;
    private final String password;
    private final Map<String, String> settings = new LinkedHashMap<>();

    /**
     * Describes a server; nothing is created until {@link #initPrimary} or {@link #initStandbyFrom}.
     *
     * @param home     directory for data, log and password file (created, mode 0700, owned by postgres)
     * @param port     loopback TCP port
     * @param password superuser password; never logged, stored only in the 0600 password file
     */
    public PostgresServer(PostgresBinaries binaries, Path home, int port, String password) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        if (password == null || password.isEmpty() || password.contains("\n") || password.contains(":")) {
            throw new IllegalArgumentException("password must be non-empty without ':' or newlines");
        }
        this.binaries = binaries;
        this.home = home.toAbsolutePath();
        this.port = port;
        this.password = password;
    }

    public Path home() {
        return home;
    }

    public Path dataDir() {
        return home.resolve("data");
    }

    public Path logFile() {
        return home.resolve("postgres.log");
    }

    public int port() {
        return port;
    }

    /** JDBC URL of one database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** True once {@code initdb} or a base backup has created the data directory. */
    public boolean isInitialized() {
        return Files.exists(dataDir().resolve("PG_VERSION"));
    }

    /**
     * Creates a new cluster with {@code initdb} (scram-sha-256 on loopback, replication allowed) and the
     * given extra settings; a cluster that already exists is left as it is.
     */
    public void initPrimary(Map<String, String> extraSettings) {
        if (isInitialized()) {
            return;
        }
        prepareHome();
        Path pwFile = home.resolve("initdb.pw");
        try {
            writeServerFile(pwFile, password + "\n");
            CommandRunner.run(List.of(binaries.tool("initdb").toString(),
                    "-D", dataDir().toString(), "-U", SUPERUSER, "--pwfile=" + pwFile,
                    "--auth-host=scram-sha-256", "--auth-local=peer", "-E", "UTF8", "--no-locale", "--no-sync"),
                    home, Map.of(), TOOL_TIMEOUT);
        } finally {
            deleteQuietly(pwFile);
        }
        appendLine(dataDir().resolve("postgresql.conf"), "include_if_exists = '" + SETTINGS_FILE + "'");
        configure(extraSettings);
    }

    /**
     * Creates this server as a streaming standby of {@code primary} with {@code pg_basebackup}, using a
     * physical replication slot of the given name (created on the primary if missing).
     */
    public void initStandbyFrom(PostgresServer primary, String slotName, Map<String, String> extraSettings) {
        if (isInitialized()) {
            return;
        }
        prepareHome();
        List<String> command = new ArrayList<>(List.of(binaries.tool("pg_basebackup").toString(),
                "-D", dataDir().toString(), "-d", primary.connectionString("postgres"),
                "-X", "stream", "-c", "fast", "-S", slotName, "--no-sync"));
        if (!primary.hasReplicationSlot(slotName)) {
            command.add("-C");
        }
        CommandRunner.run(command, home, passfileEnv(), TOOL_TIMEOUT);
        configure(extraSettings);
        writeStandbyConfig(primary, slotName);
    }

    /** Rewrites this server's own settings file: port, loopback only, plus the extra settings given. */
    public void configure(Map<String, String> extraSettings) {
        settings.clear();
        settings.put("port", Integer.toString(port));
        settings.put("listen_addresses", "'127.0.0.1'");
        settings.put("unix_socket_directories", "''");
        settings.put("wal_log_hints", "on");
        settings.put("max_wal_senders", "10");
        settings.put("max_replication_slots", "10");
        settings.put("hot_standby", "on");
        settings.put("logging_collector", "off");
        settings.putAll(extraSettings);
        StringBuilder text = new StringBuilder("# written by payments-dr localpg; edits are overwritten\n");
        settings.forEach((key, value) -> text.append(key).append(" = ").append(value).append('\n'));
        writeServerFile(dataDir().resolve(SETTINGS_FILE), text.toString());
    }

    /** Starts the server and waits (up to 120 s) until it accepts connections. */
    public void start() {
        start(Duration.ofSeconds(120));
    }

    /** Starts the server and waits until it accepts connections; fails after {@code timeout}. */
    public void start(Duration timeout) {
        if (isRunning()) {
            return;
        }
        CommandRunner.run(List.of(binaries.tool("pg_ctl").toString(), "-D", dataDir().toString(),
                "-l", logFile().toString(), "-w", "-t", seconds(timeout), "start"), home, Map.of(), timeout.plusSeconds(5));
    }

    /** Stops the server cleanly ({@code fast} mode: sessions are ended, data is checkpointed), within 120 s. */
    public void stop() {
        stop(Duration.ofSeconds(120));
    }

    /** Stops the server cleanly; fails after {@code timeout} (a frozen server never stops: kill it then). */
    public void stop(Duration timeout) {
        if (!isRunning()) {
            return;
        }
        CommandRunner.run(List.of(binaries.tool("pg_ctl").toString(), "-D", dataDir().toString(),
                "-m", "fast", "-w", "-t", seconds(timeout), "stop"), home, Map.of(), timeout.plusSeconds(5));
    }

    /** Stops cleanly within {@code timeout}, else kills it; true when the stop was clean (or it was not running). */
    public boolean stopOrKill(Duration timeout) {
        try {
            stop(timeout);
            return true;
        } catch (LocalPgException e) {
            kill();
            return false;
        }
    }

    private static String seconds(Duration timeout) {
        return Long.toString(Math.max(1, (timeout.toMillis() + 999) / 1000));
    }

    /** Kills the postmaster and every backend with SIGKILL, as a crashed machine would. */
    public void kill() {
        pid().flatMap(ProcessHandle::of).ifPresent(postmaster -> {
            List<ProcessHandle> children = postmaster.descendants().toList();
            postmaster.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            postmaster.onExit().join();
        });
    }

    /** Promotes a standby to primary and waits until it accepts writes. */
    public void promote() {
        CommandRunner.run(List.of(binaries.tool("pg_ctl").toString(), "-D", dataDir().toString(),
                "-w", "-t", "120", "promote"), home, Map.of(), TOOL_TIMEOUT);
    }

    /**
     * Rewinds this stopped server's data directory to where it forked from {@code source} ({@code pg_rewind});
     * returns pg_rewind's output. The source must have checkpointed since its promotion, so that its control
     * file names its current timeline (pg_rewind reads the timeline there). pg_rewind copies the source's
     * configuration files, so this server's own settings are written again afterwards.
     */
    public String rewindFrom(PostgresServer source, Duration timeout) {
        String output = CommandRunner.run(List.of(binaries.tool("pg_rewind").toString(), "--target-pgdata=" + dataDir(),
                "--source-server=" + source.connectionString("postgres"), "--no-sync"),
                home, passfileEnv(), timeout);
        configure(Map.copyOf(settings));
        return output;
    }

    /** The last checkpoint location recorded in the (stopped) data directory, from {@code pg_controldata}. */
    public String latestCheckpointLocation() {
        String output = CommandRunner.run(List.of(binaries.tool("pg_controldata").toString(), "-D", dataDir().toString()),
                home, Map.of(), TOOL_TIMEOUT);
        for (String line : output.split("\n")) {
            if (line.startsWith("Latest checkpoint location:")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        throw new LocalPgException("pg_controldata printed no checkpoint location for " + dataDir() + ": " + output.strip());
    }

    /** True while the postmaster process of this data directory is alive. */
    public boolean isRunning() {
        return pid().flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The postmaster's process id, from {@code postmaster.pid}, when the file exists. */
    public Optional<Long> pid() {
        Path pidFile = dataDir().resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Opens a JDBC connection as the superuser, every wait of it bounded by {@link #SQL_TIMEOUT}. */
    public Connection connect(String database) throws SQLException {
        return connect(database, SQL_TIMEOUT);
    }

    /**
     * Opens a JDBC connection whose connect, login, socket reads and statements are each bounded by
     * {@code timeout}. A frozen server accepts the TCP connection and never answers: only the login and socket
     * limits end such a wait.
     */
    public Connection connect(String database, Duration timeout) throws SQLException {
        long millis = Math.max(1, timeout.toMillis());
        Properties props = new Properties();
        props.setProperty("user", SUPERUSER);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", seconds(timeout));
        props.setProperty("loginTimeout", Double.toString(millis / 1000.0));
        props.setProperty("socketTimeout", seconds(timeout));
        props.setProperty("options", "-c statement_timeout=" + millis);
        Connection connection = DriverManager.getConnection(jdbcUrl(database), props);
        connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, millis));
        return connection;
    }

    /** Runs statements as the superuser in one session (autocommit). */
    public void execute(String database, String... statements) {
        execute(database, SQL_TIMEOUT, statements);
    }

    /** Runs statements as the superuser in one session (autocommit), the session bounded by {@code timeout}. */
    public void execute(String database, Duration timeout, String... statements) {
        try (Connection connection = connect(database, timeout); var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new LocalPgException("SQL on port " + port + " failed: " + e.getMessage(), e);
        }
    }

    /** The first column of the first row of a query (null when there is no row), within {@code timeout}. */
    public String queryValue(String database, Duration timeout, String sql, Object... parameters) {
        try (Connection connection = connect(database, timeout); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new LocalPgException("SQL on port " + port + " failed: " + e.getMessage(), e);
        }
    }

    /** True when this stopped data directory will start in recovery ({@code standby.signal} is there). */
    public boolean hasStandbySignal() {
        return Files.exists(dataDir().resolve("standby.signal"));
    }

    /** Creates or removes {@code standby.signal}: with it, the server starts only as a read-only standby. */
    public void setStandbySignal(boolean present) {
        Path signal = dataDir().resolve("standby.signal");
        try {
            if (present && !Files.exists(signal)) {
                writeServerFile(signal, "");
            } else if (!present) {
                Files.deleteIfExists(signal);
            }
        } catch (IOException e) {
            throw new LocalPgException("cannot update " + signal + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes this (stopped) server's standby configuration: follow {@code leader} through the replication slot
     * {@code slotName}, onto the leader's latest timeline. The password comes from this server's password file,
     * never from the configuration. Earlier standby lines (from {@code -R} or an older leader) are replaced.
     */
    public void writeStandbyConfig(PostgresServer leader, String slotName) {
        Path autoConf = dataDir().resolve(AUTO_CONF);
        StringBuilder text = new StringBuilder();
        try {
            if (Files.exists(autoConf)) {
                for (String line : Files.readAllLines(autoConf, StandardCharsets.UTF_8)) {
                    String key = line.strip().split("[\\s=]", 2)[0];
                    if (!STANDBY_KEYS.contains(key)) {
                        text.append(line).append('\n');
                    }
                }
            }
        } catch (IOException e) {
            throw new LocalPgException("cannot read " + autoConf + ": " + e.getMessage(), e);
        }
        text.append("primary_conninfo = '").append(leader.connectionString("postgres"))
                .append(" application_name=").append(slotName)
                .append(" passfile=").append(home.resolve(".pgpass")).append("'\n");
        text.append("primary_slot_name = '").append(slotName).append("'\n");
        text.append("recovery_target_timeline = 'latest'\n");
        writeServerFile(autoConf, text.toString());
        setStandbySignal(true);
    }

    /** Deletes the data directory, so that the next {@link #initStandbyFrom} makes a fresh copy. */
    public void deleteData() {
        if (isRunning()) {
            throw new LocalPgException("refusing to delete the data directory of a running server on port " + port);
        }
        TemporaryPostgres.deleteTree(dataDir());
    }

    private boolean hasReplicationSlot(String slotName) {
        try (Connection connection = connect("postgres");
             var statement = connection.prepareStatement("select 1 from pg_replication_slots where slot_name = ?")) {
            statement.setString(1, slotName);
            try (var rs = statement.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new LocalPgException("cannot read replication slots on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** libpq connection string without the password: tools read it from the password file. */
    String connectionString(String database) {
        return "host=127.0.0.1 port=" + port + " user=" + SUPERUSER + " dbname=" + database;
    }

    private Map<String, String> passfileEnv() {
        return Map.of("PGPASSFILE", home.resolve(".pgpass").toString());
    }

    private void prepareHome() {
        OsUser.serverOwnedDirectory(home);
        OsUser.serverOwnedDirectory(dataDir());
        // One password serves every lab server, so the same file lets a standby reach its primary.
        writeServerFile(home.resolve(".pgpass"), "127.0.0.1:*:*:" + SUPERUSER + ":" + password + "\n");
    }

    private static void writeServerFile(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            OsUser.handOver(file);
        } catch (IOException e) {
            throw new LocalPgException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void appendLine(Path file, String line) {
        try {
            Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8) + "\n" + line + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LocalPgException("cannot update " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover file in a 0700 directory owned by postgres is harmless
        }
    }
}
