package dev.paymentsdr.service;

import dev.paymentsdr.payments.domain.model.AmountPolicy;
import dev.paymentsdr.service.adapter.out.persistence.SqlDialect;
import dev.paymentsdr.service.backend.ArchiveLocation;
import dev.paymentsdr.service.backend.Backends;
import dev.paymentsdr.service.backend.LedgerKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Settings of one payment-service instance; every constructor path validates them.
 *
 * @param bindAddress address to listen on (127.0.0.1 by default; containers use 0.0.0.0)
 * @param port        HTTP port; 0 picks a free one
 * @param maxAmount   largest accepted payment, in major units of the payment's currency
 * @param dbUrl       the JDBC ledger's database (null for the DynamoDB ledger)
 * @param backends    the ledger, the event bus and the transaction-log archive
 */
public record ServiceConfig(String region, String bindAddress, int port, String dbUrl, String dbUser, String dbPassword,
                            int dbPoolSize, BigDecimal maxAmount, Backends backends) {
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_POOL_SIZE = 10;
    public static final BigDecimal DEFAULT_MAX_AMOUNT = new BigDecimal("1000000");
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]{2,32}");
    private static final Pattern BIND = Pattern.compile("[A-Za-z0-9.:-]{1,253}");

    public ServiceConfig {
        if (region == null || !REGION.matcher(region).matches()) {
            throw new ConfigException("region must be 2 to 32 characters of a-z, 0-9 or '-' (for example us-east-1), got "
                    + quote(region));
        }
        if (bindAddress == null || !BIND.matcher(bindAddress).matches()) {
            throw new ConfigException("bind address must be an IP address or host name such as 127.0.0.1 or 0.0.0.0, got "
                    + quote(bindAddress));
        }
        if (port < 0 || port > 65535) {
            throw new ConfigException("port must be from 0 to 65535 (0 picks a free port), got " + port);
        }
        java.util.Objects.requireNonNull(backends, "backends");
        if (dbUrl != null && dbUrl.isBlank()) {
            dbUrl = null;
        }
        if (backends.ledger() == LedgerKind.JDBC && dbUrl == null) {
            throw new ConfigException("database URL is required (--db-url or PAYMENTS_DB_URL), for example "
                    + "jdbc:postgresql://127.0.0.1:5432/postgres or jdbc:mysql://127.0.0.1:3306/payments");
        }
        if (backends.ledger() != LedgerKind.JDBC && dbUrl != null) {
            throw new ConfigException("--ledger " + backends.ledger().wireName() + " keeps payments in the table named by "
                    + "--table; a database URL (" + quote(scheme(dbUrl)) + ") is only for --ledger jdbc: "
                    + "leave out --db-url / PAYMENTS_DB_URL, or choose --ledger jdbc");
        }
        if (dbUrl != null && SqlDialect.forUrl(dbUrl).isEmpty()) {
            throw new ConfigException("database URL must start with " + SqlDialect.ACCEPTED_URLS + ", got "
                    + quote(scheme(dbUrl)));
        }
        if (dbUrl != null && dbUrl.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
            throw new ConfigException("database URL must not contain a password; use PAYMENTS_DB_PASSWORD or --db-password-file");
        }
        if (dbUser != null && dbUser.isBlank()) {
            dbUser = null;
        }
        if (dbPoolSize < 1 || dbPoolSize > 200) {
            throw new ConfigException("database pool size must be from 1 to 200, got " + dbPoolSize);
        }
        if (maxAmount == null || maxAmount.signum() <= 0 || maxAmount.compareTo(AmountPolicy.LARGEST_ALLOWED_MAXIMUM) > 0) {
            throw new ConfigException("maximum amount must be a positive decimal of at most "
                    + AmountPolicy.LARGEST_ALLOWED_MAXIMUM.toPlainString() + " (major units), got "
                    + (maxAmount == null ? "nothing" : maxAmount.toPlainString()));
        }
    }

    /** The settings of a JDBC ledger and nothing else (no event bus, no archive). */
    public ServiceConfig(String region, String bindAddress, int port, String dbUrl, String dbUser, String dbPassword,
                         int dbPoolSize, BigDecimal maxAmount) {
        this(region, bindAddress, port, dbUrl, dbUser, dbPassword, dbPoolSize, maxAmount, Backends.jdbcOnly());
    }

    /**
     * Reads PAYMENTS_REGION, PAYMENTS_PORT, PAYMENTS_BIND, PAYMENTS_DB_URL, PAYMENTS_DB_USER, PAYMENTS_DB_PASSWORD
     * (or PAYMENTS_DB_PASSWORD_FILE), PAYMENTS_DB_POOL_SIZE, PAYMENTS_MAX_AMOUNT and the {@link #backendsFromEnvironment
     * backend settings}.
     */
    public static ServiceConfig fromEnvironment(Map<String, String> env) {
        String password = env.get(ServiceLaunch.PASSWORD_VARIABLE);
        String passwordFile = env.get("PAYMENTS_DB_PASSWORD_FILE");
        if (password == null && passwordFile != null && !passwordFile.isBlank()) {
            password = readPasswordFile(Path.of(passwordFile));
        }
        return new ServiceConfig(
                env.get("PAYMENTS_REGION"),
                env.getOrDefault("PAYMENTS_BIND", DEFAULT_BIND),
                parseInt("PAYMENTS_PORT", env.get("PAYMENTS_PORT"), DEFAULT_PORT),
                env.get("PAYMENTS_DB_URL"),
                env.get("PAYMENTS_DB_USER"),
                password,
                parseInt("PAYMENTS_DB_POOL_SIZE", env.get("PAYMENTS_DB_POOL_SIZE"), DEFAULT_POOL_SIZE),
                parseAmount("PAYMENTS_MAX_AMOUNT", env.get("PAYMENTS_MAX_AMOUNT")),
                backendsFromEnvironment(env, null, null, null, null, null));
    }

    /**
     * The backends from flags (null when not given) and PAYMENTS_LEDGER, PAYMENTS_TABLE, PAYMENTS_EVENT_BUS,
     * PAYMENTS_ARCHIVE (else PAYMENTS_BUCKET as s3://BUCKET/transaction-log) and PAYMENTS_RELAY
     * ({@code background} or {@code off}).
     */
    public static Backends backendsFromEnvironment(Map<String, String> env, String ledgerFlag, String dbUrlFlag,
                                                   String tableFlag, String eventBusFlag, String archiveFlag) {
        java.util.Optional<String> table = first(tableFlag, env.get("PAYMENTS_TABLE"));
        boolean databaseGiven = first(dbUrlFlag, env.get("PAYMENTS_DB_URL")).isPresent()
                || first(null, env.get("PAYMENTS_DB_SECRET_ARN")).isPresent();
        LedgerKind ledger = Backends.inferLedger(first(ledgerFlag, env.get("PAYMENTS_LEDGER")), databaseGiven,
                table.isPresent(), ledgerFlag != null ? "--ledger" : "PAYMENTS_LEDGER");
        if (ledger == LedgerKind.JDBC && tableFlag != null) {
            // From the environment it is ignored: stacks with a database also set PAYMENTS_TABLE for their session table.
            throw new ConfigException("--table is for --ledger dynamodb; the jdbc ledger keeps payments in the database of --db-url");
        }
        java.util.Optional<ArchiveLocation> archive = first(archiveFlag, env.get("PAYMENTS_ARCHIVE"))
                .map(text -> ArchiveLocation.parse(archiveFlag != null ? "--archive" : "PAYMENTS_ARCHIVE", text))
                .or(() -> first(null, env.get("PAYMENTS_BUCKET")).map(bucket -> ArchiveLocation.parse("PAYMENTS_BUCKET",
                        "s3://" + bucket + "/" + ArchiveLocation.DEFAULT_PREFIX)));
        String relay = first(null, env.get("PAYMENTS_RELAY")).orElse("background");
        if (!relay.equals("background") && !relay.equals("off")) {
            throw new ConfigException("PAYMENTS_RELAY must be background or off, got " + quote(relay));
        }
        return new Backends(ledger, ledger == LedgerKind.DYNAMODB ? table : java.util.Optional.empty(),
                first(eventBusFlag, env.get("PAYMENTS_EVENT_BUS")), archive, relay.equals("background"));
    }

    private static java.util.Optional<String> first(String flag, String variable) {
        if (flag != null && !flag.isBlank()) {
            return java.util.Optional.of(flag.trim());
        }
        return variable == null || variable.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(variable.trim());
    }

    /** Reads a password file (first line, trailing newline ignored); the message never shows the content. */
    public static String readPasswordFile(Path file) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            int newline = content.indexOf('\n');
            String password = (newline < 0 ? content : content.substring(0, newline)).replace("\r", "");
            if (password.isEmpty()) {
                throw new ConfigException("database password file " + file + " is empty");
            }
            return password;
        } catch (IOException e) {
            throw new ConfigException("cannot read the database password file " + file + ": " + e.getClass().getSimpleName());
        }
    }

    static int parseInt(String name, String text, int defaultValue) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, got " + quote(text));
        }
    }

    static BigDecimal parseAmount(String name, String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_MAX_AMOUNT;
        }
        if (!text.trim().matches("[0-9]{1,13}(\\.[0-9]{1,3})?")) {
            throw new ConfigException(name + " must be a positive decimal such as 1000000 or 2500.50, got " + quote(text));
        }
        return new BigDecimal(text.trim());
    }

    /** Only the scheme of a URL, so no host, user or password reaches a message: "jdbc:mysql://...". */
    private static String scheme(String url) {
        int separator = url.indexOf("://");
        return separator < 0 ? (url.length() > 24 ? url.substring(0, 24) + "..." : url) : url.substring(0, separator) + "://...";
    }

    private static String quote(String value) {
        return value == null ? "nothing" : "'" + (value.length() > 80 ? value.substring(0, 80) + "..." : value) + "'";
    }

    /** Everything except the password, which is only said to be set or not. */
    @Override
    public String toString() {
        return "ServiceConfig[region=" + region + ", bindAddress=" + bindAddress + ", port=" + port + ", dbUrl=" + dbUrl
                + ", dbUser=" + dbUser + ", dbPassword=" + (dbPassword == null ? "(none)" : "(set)")
                + ", dbPoolSize=" + dbPoolSize + ", maxAmount=" + maxAmount.toPlainString() + ", " + backends + "]";
    }
}
